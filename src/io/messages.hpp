#pragma once
// How error messages show what a user gave: the input they name, and a value they quote, which
// stays one line however long it is.

#include <cstddef>
#include <string>
#include <string_view>

namespace chronicle::detail {

// The name an input goes by in messages: its path, or "standard input" for "-".
inline std::string_view shown_name(std::string_view path) {
  return path == "-" ? std::string_view("standard input") : path;
}

// `value` cut short after 40 bytes, at a character boundary, with "..." where it was cut.
inline std::string excerpt(std::string_view value) {
  constexpr std::size_t longest = 40;
  if (value.size() <= longest) return std::string(value);
  std::size_t cut = longest;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + "...";
}

}  // namespace chronicle::detail
