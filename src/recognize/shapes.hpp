#pragma once
// Built-in classes that recognize tokens by their shape rather than from a word table:
// years in digits or spoken (`year_exact`: not a round hundred), days of the month, clock times, counts written in digits or words.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/tokenize.hpp"

namespace chronicle::detail {

struct language_pack;
struct first_word;

// What the pack knows of each token's word (nullptr where nothing): see look_up_words.
using known_words = std::vector<const first_word*>;

enum class shape : unsigned char {
  year, year_exact, year2, day, month_num, hour, minute, count, ord, decade, decade2, quarter_code, fy,
  content_word, number, word
};

constexpr std::size_t shape_count = 16;

// A shape as one bit of a set of them.
constexpr std::uint32_t shape_bit(shape form) {
  return std::uint32_t{1} << static_cast<unsigned>(form);
}

// The shapes a year spoken in words may be.
constexpr std::uint32_t spoken_year_shapes = shape_bit(shape::year) | shape_bit(shape::year_exact);

// The centuries a spoken year may say in one word, "fifteen" to "twenty".
constexpr bool spoken_century(long value) {
  return value >= 15 && value <= 20;
}

std::optional<shape> shape_from_name(std::string_view name);

// Whether the shape always takes one token where it matches (a count may take several).
bool takes_one_token(shape form);

// Whether a number shape (one that may take several tokens) that matches at tokens[at] may take
// more than that one token: a number word or an ordinal's phrase after it ("twenty" "five",
// "twenty" "-" "first"), a decimal point or thousands comma ("1" "." "5", "4" "," "000"), or a
// phrase of the number or ordinal table that starts with its word. Where not, it takes one.
bool may_go_on_as_number(std::span<const token> tokens, const known_words& words, std::size_t at);

// "1" "." "5": tokens[at] is a decimal point, digits right after it and no space around it.
// Inline, as the next one: recognition asks both after nearly every number.
inline bool decimal_point(std::span<const token> tokens, std::size_t at) {
  return at + 1 < tokens.size() && tokens[at].lower == "." && !tokens[at].space_before &&
         tokens[at + 1].kind == token_kind::number && !tokens[at + 1].space_before;
}
// "4" "," "000": tokens[at] is a comma grouping a number's thousands, three digits right after
// it and no space around it ("1998, 1999" is two years).
inline bool thousands_group(std::span<const token> tokens, std::size_t at) {
  return at + 1 < tokens.size() && tokens[at].lower == "," && !tokens[at].space_before &&
         tokens[at + 1].kind == token_kind::number && tokens[at + 1].lower.size() == 3 &&
         !tokens[at + 1].space_before;
}

// A value a shape matched: mostly the text of a token as written ("2020", "june") or a value of
// the pack's ("first" is "1"), viewed there, both outliving recognition; else digits it
// computed ("25" for "twenty-five", "5" for "05"), kept here. Most values are viewed, and need
// no string of their own.
struct shape_value {
  std::string_view viewed;  // empty where computed
  std::string computed;
  std::string_view text() const { return viewed.empty() ? std::string_view(computed) : viewed; }
};

// (tokens consumed, captured value) when the shape matches at tokens[at]. `words` is
// look_up_words(tokens, pack).
std::optional<std::pair<std::size_t, shape_value>> match_shape(shape form,
                                                               std::span<const token> tokens,
                                                               const known_words& words,
                                                               std::size_t at,
                                                               const language_pack& pack);

// The shapes a word of the pack may start by its meaning rather than its letters, as a number or
// an ordinal word; read when the pack loads, into first_word::shapes.
std::uint32_t word_shapes(const first_word& word, const language_pack& pack);

// A cheap test that the shape could start at this token: most tokens are plain words that no
// shape starts with, and recognition tries every shape-first pattern at every token.
// `word` is what the pack knows of the token's word (known_or_unknown).
bool may_start(shape form, const token& t, const first_word& word);

// What recognition's gates ask of a token: the shapes that may start there, one bit per shape,
// and the id of its word (first_word::id, the pack's unknown word's where it knows none). Read
// once a token, side by side, rather than through the word at every gate.
struct token_facts {
  std::uint32_t shapes = 0;
  std::uint32_t word_id = 0;
};

// The facts of each token of a text (may_start for all shapes at once), `words` being
// look_up_words(tokens, pack): asked of a whole text at once, so that the test inlines into
// the loop over its tokens.
std::vector<token_facts> facts_of_tokens(std::span<const token> tokens, const known_words& words,
                                         const language_pack& pack);

}  // namespace chronicle::detail
