// The allocator of chronicle's executables: mimalloc where the build found it (see meson.build),
// else the C library's. Never part of the library, whose allocator is its program's to choose.
#include "allocator.hpp"

#if defined(CHRONICLE_MIMALLOC)
#include <mimalloc.h>

#include <cstddef>
#include <new>

// operator new and delete over mimalloc: the program then links to it, and its malloc and free,
// exported by the shared library, stand in for the C library's everywhere. As
// <mimalloc-new-delete.h> defines them, but for what happens out of memory. mimalloc's own
// throwing new is C: it asks for the new-handler through a weak stand-in of its own, found
// before the C++ library's, gets none, and aborts silently. Ours throws std::bad_alloc, so that
// running out of memory ends in the one-line error any failure gives.
namespace {
[[noreturn, gnu::noinline, gnu::cold]] void out_of_memory() { throw std::bad_alloc(); }
// `p`, what mimalloc allocated, or std::bad_alloc if it could not.
inline void* allocated(void* p) {
  if (p == nullptr) out_of_memory();
  return p;
}
}  // namespace

void* operator new(std::size_t n) { return allocated(mi_malloc(n)); }
void* operator new[](std::size_t n) { return allocated(mi_malloc(n)); }
void* operator new(std::size_t n, std::align_val_t al) {
  return allocated(mi_malloc_aligned(n, static_cast<std::size_t>(al)));
}
void* operator new[](std::size_t n, std::align_val_t al) {
  return allocated(mi_malloc_aligned(n, static_cast<std::size_t>(al)));
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  return mi_new_nothrow(n);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  return mi_new_nothrow(n);
}
void* operator new(std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept {
  return mi_new_aligned_nothrow(n, static_cast<std::size_t>(al));
}
void* operator new[](std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept {
  return mi_new_aligned_nothrow(n, static_cast<std::size_t>(al));
}
void operator delete(void* p) noexcept {
  mi_free(p);
}
void operator delete[](void* p) noexcept {
  mi_free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  mi_free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  mi_free(p);
}
void operator delete(void* p, std::size_t n) noexcept {
  mi_free_size(p, n);
}
void operator delete[](void* p, std::size_t n) noexcept {
  mi_free_size(p, n);
}
void operator delete(void* p, std::align_val_t al) noexcept {
  mi_free_aligned(p, static_cast<std::size_t>(al));
}
void operator delete[](void* p, std::align_val_t al) noexcept {
  mi_free_aligned(p, static_cast<std::size_t>(al));
}
void operator delete(void* p, std::size_t n, std::align_val_t al) noexcept {
  mi_free_size_aligned(p, n, static_cast<std::size_t>(al));
}
void operator delete[](void* p, std::size_t n, std::align_val_t al) noexcept {
  mi_free_size_aligned(p, n, static_cast<std::size_t>(al));
}
void operator delete(void* p, std::align_val_t al, const std::nothrow_t&) noexcept {
  mi_free_aligned(p, static_cast<std::size_t>(al));
}
void operator delete[](void* p, std::align_val_t al, const std::nothrow_t&) noexcept {
  mi_free_aligned(p, static_cast<std::size_t>(al));
}
#endif

namespace chronicle {

std::string allocator_name() {
#if defined(CHRONICLE_MIMALLOC)
  const int version = mi_version();  // 209 for 2.0.9
  return "mimalloc " + std::to_string(version / 100) + "." + std::to_string(version / 10 % 10) +
         "." + std::to_string(version % 10);
#else
  return "the C library's malloc";
#endif
}

}  // namespace chronicle
