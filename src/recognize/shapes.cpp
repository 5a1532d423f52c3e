#include "recognize/shapes.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "recognize/pack.hpp"

namespace chronicle::detail {
namespace {

using result = std::optional<std::pair<std::size_t, shape_value>>;

std::optional<long> digits_value(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  long value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// A value of `tokens` tokens, computed.
result computed(std::size_t tokens, long value) {
  return std::pair{tokens, shape_value{{}, std::to_string(value)}};
}

// A value of `tokens` tokens, viewed where it is written.
result viewed(std::size_t tokens, std::string_view text) {
  return std::pair{tokens, shape_value{text, {}}};
}

// The value of one token, read from `digits` (all of it or a part): viewed there where written
// as its value is ("15"), not with leading zeros ("05" is "5") or a sign.
result one(std::string_view digits, long value) {
  const bool as_written = digits.size() == 1 || (digits.front() >= '1' && digits.front() <= '9');
  return as_written ? viewed(1, digits) : computed(1, value);
}

// "2082.1", "2596.72": the whole part of a decimal number (an index, a price) is no year.
bool whole_part_of_decimal(std::span<const token> tokens, std::size_t at) {
  return decimal_point(tokens, at + 1);
}

result number_in(const token& t, std::size_t min_digits, std::size_t max_digits, long lo, long hi) {
  if (t.kind != token_kind::number || t.lower.size() < min_digits || t.lower.size() > max_digits) {
    return std::nullopt;
  }
  const auto v = digits_value(t.lower);
  if (!v || *v < lo || *v > hi) return std::nullopt;
  return one(t.lower, *v);
}

// "26th", "1st", "22nd", "3rd".
std::optional<long> ordinal_suffix_value(std::string_view s) {
  if (s.size() < 3) return std::nullopt;
  const auto suffix = s.substr(s.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
  return digits_value(s.substr(0, s.size() - 2));
}

result ordinal(std::span<const token> tokens, const known_words& words, std::size_t at,
               const language_pack& pack, long hi) {
  if (const auto v = ordinal_suffix_value(tokens[at].lower); v && *v >= 1 && *v <= hi) {
    return computed(1, *v);
  }
  if (const auto* m = longest_entry(*pack.ordinals, tokens, words, at)) {
    const auto v = digits_value(m->value);
    if (v && *v <= hi) return viewed(m->tokens.size(), m->value);
  }
  return std::nullopt;
}

// A count in digits ("3", "1.5", "4,000") or words ("twenty-five", "one hundred").
result count(std::span<const token> tokens, const known_words& words, std::size_t at,
             const language_pack& pack) {
  const token& t = tokens[at];
  if (t.kind == token_kind::number) {
    if (whole_part_of_decimal(tokens, at)) {
      std::string decimal;
      decimal.append(t.lower).append(".").append(tokens[at + 2].lower);
      return std::pair{std::size_t{3}, shape_value{{}, std::move(decimal)}};
    }
    if (t.lower.size() <= 3 && thousands_group(tokens, at + 1)) {
      std::string digits(t.lower);
      std::size_t i = at + 1;
      for (; thousands_group(tokens, i); i += 2) digits += tokens[i + 1].lower;
      if (const auto v = digits_value(digits)) return computed(i - at, *v);
      return std::nullopt;
    }
    if (const auto v = digits_value(t.lower); v && t.lower.size() <= 6) return one(t.lower, *v);
    return std::nullopt;
  }
  long total = 0;
  long current = 0;
  std::size_t i = at;
  std::size_t used = 0;
  while (i < tokens.size()) {
    // "twenty-five": a hyphen joins two number words.
    std::size_t next = i;
    if (used > 0 && tokens[i].lower == "-" && i + 1 < tokens.size()) next = i + 1;
    const auto* m = longest_entry(*pack.numbers, tokens, words, next);
    if (m == nullptr) break;
    const long v = digits_value(m->value).value_or(0);
    if (v == 100 || v == 1000) {
      current = (current == 0 ? 1 : current) * v;
      if (v == 1000) {
        total += current;
        current = 0;
      }
    } else if (used > 0 && current % 100 != 0 && (current % 10 != 0 || v >= 10)) {
      break;  // "five six" is two numbers, not one
    } else {
      current += v;
    }
    i = next + m->tokens.size();
    used = i - at;
  }
  if (used == 0) return std::nullopt;
  return computed(used, total + current);
}

// A year as it is spoken: "nineteen ninety-six", "twenty ten" (a century's number, then a
// count of years from 10 to 99). Half-past clock times ("eleven thirty") start lower.
result spoken_year(std::span<const token> tokens, const known_words& words, std::size_t at,
                   const language_pack& pack) {
  const auto counted = count(tokens, words, at, pack);
  if (!counted) return std::nullopt;
  const auto value = digits_value(counted->second.text());
  // "the year two thousand (and five)": after "year" a count of the 2000s is one; elsewhere
  // "two thousand" is a number of things.
  if (entry_before(*pack.year_words, tokens, words, at) != nullptr && value && *value >= 2000 &&
      *value <= 2099 && counted->first >= 2) {
    return counted;
  }
  // Otherwise a century's number in one word, then the years.
  if (counted->first != 1 || at + 1 >= tokens.size()) return std::nullopt;
  const auto& century = value;
  if (!century || !spoken_century(*century)) return std::nullopt;
  const auto rest = count(tokens, words, at + 1, pack);
  if (!rest || tokens[at + 1].kind == token_kind::number) return std::nullopt;
  const auto within = digits_value(rest->second.text());
  if (!within || *within < 10 || *within > 99) return std::nullopt;
  return computed(1 + rest->first, *century * 100 + *within);
}

// "1990s" -> 199, "90s" -> the two digits.
result decade(const token& t, std::size_t digits) {
  const std::string_view s = t.lower;
  if (s.size() != digits + 1 || s.back() != 's' || s[digits - 1] != '0') return std::nullopt;
  const auto v = digits_value(s.substr(0, digits));
  if (!v) return std::nullopt;
  if (digits == 4) return computed(1, *v / 10);
  return one(s.substr(0, digits), *v);
}

result prefixed_number(const token& t, std::string_view prefix, std::size_t lo_digits,
                       std::size_t hi_digits) {
  const std::string_view s = t.lower;
  if (!s.starts_with(prefix)) return std::nullopt;
  const auto rest = s.substr(prefix.size());
  if (rest.size() < lo_digits || rest.size() > hi_digits) return std::nullopt;
  const auto v = digits_value(rest);
  if (!v) return std::nullopt;
  return one(rest, *v);
}

// The shapes a number token may start, by its digits, up to ten: numbers in a text are mostly
// not years or days.
constexpr std::array<std::uint32_t, 11> number_shapes = [] {
  std::array<std::uint32_t, 11> by_digits{};
  for (std::size_t digits = 1; digits < by_digits.size(); ++digits) {
    std::uint32_t& mask = by_digits[digits];
    mask |= shape_bit(shape::count);
    if (digits <= 9) mask |= shape_bit(shape::number);
    if (digits == 4) mask |= shape_bit(shape::year) | shape_bit(shape::year_exact);
    if (digits == 2) mask |= shape_bit(shape::year2) | shape_bit(shape::minute);
    if (digits <= 2)
      mask |= shape_bit(shape::month_num) | shape_bit(shape::hour) | shape_bit(shape::day);
  }
  return by_digits;
}();

// The first letters of the words that may start more than <word> and <content_word>: a digit
// ("1990s", "26th"), "q" ("q3"), "f" ("fy2021"). A table, so that the usual word is one test.
constexpr std::array<bool, 256> special_first = [] {
  std::array<bool, 256> special{};
  for (char c = '0'; c <= '9'; ++c) special[static_cast<unsigned char>(c)] = true;
  special['q'] = special['f'] = true;
  return special;
}();

// The shapes beside <word> and <content_word> a word of a special_first letter may start.
std::uint32_t special_word_shapes(std::string_view word) {
  const char first = word.front();
  if (first >= '0' && first <= '9') {
    // Digits and letters: "1990s" and "90s" may be decades, "26th" a day or an ordinal.
    return word.back() == 's' ? shape_bit(shape::decade) | shape_bit(shape::decade2)
                              : shape_bit(shape::day) | shape_bit(shape::ord);
  }
  if (first == 'q' && word.size() == 2) return shape_bit(shape::quarter_code);
  if (first == 'f' && word.starts_with("fy")) return shape_bit(shape::fy);
  return 0;
}

// The shapes that may start at the token, `word` being what the pack knows of its word
// (known_or_unknown). In this file, so that it inlines into the loop over a text's tokens.
std::uint32_t shapes_starting(const token& t, const first_word& word) {
  std::uint32_t mask = word.shapes;
  if (t.kind == token_kind::number) {
    mask |= number_shapes[std::min(t.lower.size(), number_shapes.size() - 1)];
  } else if (t.kind == token_kind::word) {  // a word is never empty
    mask |= shape_bit(shape::word) | shape_bit(shape::content_word);
    if (special_first[static_cast<unsigned char>(t.lower.front())])
      mask |= special_word_shapes(t.lower);
  }
  return mask;
}

}  // namespace

// In the order of the `shape` enumeration.
constexpr std::array<std::string_view, shape_count> shape_names = {
    "year", "year_exact", "year2",   "day",          "month_num", "hour",         "minute", "count",
    "ord",  "decade",     "decade2", "quarter_code", "fy",        "content_word", "number", "word"};

std::optional<shape> shape_from_name(std::string_view name) {
  for (std::size_t i = 0; i < shape_names.size(); ++i) {
    if (shape_names[i] == name) return static_cast<shape>(i);
  }
  return std::nullopt;
}

std::uint32_t word_shapes(const first_word& word, const language_pack& pack) {
  std::uint32_t mask = 0;
  for (const auto& [table, number] : word.entries) {
    if (table == pack.ordinals) mask |= shape_bit(shape::day) | shape_bit(shape::ord);
    if (table != pack.numbers) continue;
    mask |= shape_bit(shape::count);
    // A spoken year starts with a century's number in one word ("nineteen ninety-six"); one
    // after the word "year" may start with any (see facts_of_tokens).
    const auto v = digits_value(number->value);
    if (number->tokens.size() == 1 && v && spoken_century(*v)) mask |= spoken_year_shapes;
  }
  return mask;
}

bool takes_one_token(shape form) {
  switch (form) {
    case shape::year:
    case shape::year_exact:
    case shape::day:
    case shape::count:
    case shape::ord:
      return false;  // spoken ("nineteen ninety-six"), or written with a point or commas
    default:
      return true;
  }
}

bool may_go_on_as_number(std::span<const token> tokens, const known_words& words, std::size_t at) {
  // count() reads on over number words, joined by hyphens or not; ordinal() and count() take
  // a table's phrase whole; spoken_year() is a count, or two; digits go on as below.
  return (words[at] != nullptr && words[at]->starts_long_number) ||
         number_word_goes_on(tokens, words, at + 1) || decimal_point(tokens, at + 1) ||
         thousands_group(tokens, at + 1);
}

std::vector<token_facts> facts_of_tokens(std::span<const token> tokens, const known_words& words,
                                         const language_pack& pack) {
  std::vector<token_facts> facts(tokens.size());
  // Through local pointers: the call below, rare as it is, would otherwise have the compiler
  // read the vectors' addresses again at every token.
  token_facts* const out = facts.data();
  const first_word* const* const known = words.data();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const first_word& word = known_or_unknown(known[i], pack);
    out[i].shapes = shapes_starting(tokens[i], word);
    out[i].word_id = static_cast<std::uint32_t>(word.id);
    // "the year two thousand": after "year" a count of the 2000s is a year (spoken_year). Number
    // words are few, and this is asked of them alone.
    if (word.number && entry_before(*pack.year_words, tokens, words, i) != nullptr) {
      out[i].shapes |= spoken_year_shapes;
    }
  }
  return facts;
}

bool may_start(shape form, const token& t, const first_word& word) {
  return (shapes_starting(t, word) & shape_bit(form)) != 0;
}

result match_shape(shape form, std::span<const token> tokens, const known_words& words, std::size_t at,
                   const language_pack& pack) {
  const token& t = tokens[at];
  switch (form) {
    case shape::year:
      if (t.kind == token_kind::word) return spoken_year(tokens, words, at, pack);
      if (whole_part_of_decimal(tokens, at)) return std::nullopt;
      return number_in(t, 4, 4, 1000, 2999);
    case shape::year_exact: {
      if (t.kind == token_kind::word) return spoken_year(tokens, words, at, pack);
      if (whole_part_of_decimal(tokens, at)) return std::nullopt;
      // A year that cannot be a round count of things: not a multiple of 100.
      auto r = number_in(t, 4, 4, 1000, 2999);
      if (r && r->second.text().ends_with("00")) return std::nullopt;
      return r;
    }
    case shape::year2: return number_in(t, 2, 2, 0, 99);
    case shape::day:
      if (const auto r = number_in(t, 1, 2, 1, 31)) return r;
      return ordinal(tokens, words, at, pack, 31);
    case shape::month_num: return number_in(t, 1, 2, 1, 12);
    case shape::hour: return number_in(t, 1, 2, 0, 24);
    case shape::minute: return number_in(t, 2, 2, 0, 59);
    case shape::count: return count(tokens, words, at, pack);
    case shape::ord: return ordinal(tokens, words, at, pack, 100);
    case shape::decade: return decade(t, 4);
    case shape::decade2: return decade(t, 2);
    case shape::quarter_code: return prefixed_number(t, "q", 1, 1);
    case shape::fy: return prefixed_number(t, "fy", 2, 4);
    case shape::number: return number_in(t, 1, 9, 0, 999999999);
    case shape::word:
      if (t.kind != token_kind::word) return std::nullopt;
      return viewed(1, t.lower);
    case shape::content_word:
      // A lower-case word that is not a function word: "2000 soldiers", not "1998 and".
      if (t.kind != token_kind::word || t.capitalized) return std::nullopt;
      if (starts_entry(*pack.function_words, words[at])) return std::nullopt;
      return viewed(1, t.lower);
  }
  return std::nullopt;
}

}  // namespace chronicle::detail
