#pragma once
// What the fuzz targets share: a property that must hold, and input turned into text.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace chronicle::fuzz {

// A broken property is a finding like a crash: libFuzzer saves the input that broke it.
inline void require(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "property broken: %s\n", what);
    std::abort();
  }
}

inline std::string bytes(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace chronicle::fuzz
