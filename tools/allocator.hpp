#pragma once
// Which allocator an executable of chronicle's runs with (allocator.cpp, linked into each).

#include <string>

namespace chronicle {

// "mimalloc 2.0.9", or "the C library's malloc": the bench prints it beside its figures.
std::string allocator_name();

}  // namespace chronicle
