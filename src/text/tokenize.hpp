#pragma once
// Splits text into tokens that keep their byte offsets into the original text.

#include <cstddef>
#include <cstdint>
#include <memory>
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

// A text has a token every few bytes: a token is small, and owns nothing.
struct token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view lower;  // ASCII-lowercased text ("Friday" -> "friday"); see token_list
  std::uint64_t hash = 0;  // word_hash(lower), for looking the token up in word tables
  token_kind kind = token_kind::word;
  bool space_before = false;  // whitespace between this token and the previous one
  bool line_start = false;    // a line break in that whitespace (or the text's start)
  bool blank_line_before = false;  // two line breaks in it: a paragraph ends there
  bool capitalized = false;   // first letter upper case
};

// A text's tokens. A word's `lower` views the list's own lower-cased copy of it, a mark's the
// text itself (or a literal it is folded to): both the list and the text outlive the tokens'
// use.
struct token_list {
  std::vector<token> tokens;
  std::unique_ptr<char[]> lowered;  // lower-cased copies of the words
};

token_list tokenize(std::string_view text);

}  // namespace chronicle::detail
