#pragma once
// Splits text into tokens that keep their byte offsets into the original text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/word_map.hpp"

namespace chronicle::detail {

enum class token_kind {
  word,    // letters, or letters and digits mixed ("1990s", "26th", "FY2021")
  number,  // digits only
  punct,   // one ASCII punctuation character
  other,   // one non-ASCII code point that is not a letter we know (dashes, quotes, ...)
};

// Laid out in 64 bytes: a text has a token every few bytes.
struct token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string lower;  // ASCII-lowercased text ("Friday" -> "friday")
  std::uint64_t hash = 0;  // word_hash(lower), for looking the token up in word tables
  token_kind kind = token_kind::word;
  bool space_before = false;  // whitespace between this token and the previous one
  bool capitalized = false;   // first letter upper case
};

std::vector<token> tokenize(std::string_view text);

}  // namespace chronicle::detail
