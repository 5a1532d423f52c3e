// The allocator of chronicle's executables: mimalloc where the build found it (see meson.build),
// else the C library's. Never part of the library, whose allocator is its program's to choose.
#include "allocator.hpp"

#if defined(CHRONICLE_MIMALLOC)
#include <mimalloc.h>
// Defines operator new and delete over mimalloc: the program then links to it, and its malloc
// and free, exported by the shared library, stand in for the C library's everywhere.
#include <mimalloc-new-delete.h>
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
