#include "text/sentences.hpp"

#include "recognize/pack.hpp"

namespace chronicle::detail {
namespace {

bool is_closing(const token& t) {
  return t.lower == "\"" || t.lower == "'" || t.lower == ")" || t.lower == "]" ||
         t.lower == "\xe2\x80\x9d";  // right double quotation mark
}

// Whether the period at tokens[period] belongs to an abbreviation rather than ending the
// sentence. "U.S." and "p.m." are split as u . s . — the abbreviation is the letters and inner
// periods. Titles ("Gen.") never end a sentence; other abbreviations ("U.S.") do when a
// capitalized word follows.
bool ends_abbreviation(std::span<const token> tokens, std::size_t period, bool next_capitalized,
                       const word_table& abbreviations) {
  if (period == 0) return false;
  const token& before = tokens[period - 1];
  if (before.kind != token_kind::word || tokens[period].space_before) return false;
  std::size_t start = period - 1;
  while (start >= 2 && tokens[start - 1].lower == "." && !tokens[start].space_before &&
         !tokens[start - 1].space_before && tokens[start - 2].kind == token_kind::word) {
    start -= 2;
  }
  for (std::size_t from = start; from < period; from += 2) {
    const auto m = abbreviations.match(tokens, from);
    if (m && from + m->first == period) return m->second == "title" || !next_capitalized;
  }
  // A single capital letter is an initial ("Khalifa H. Haftar").
  return before.lower.size() == 1 && before.capitalized;
}

// Whether `t` is ".", "!" or "?".
bool is_terminal_mark(const token& t) {
  if (t.kind != token_kind::punct) return false;
  const char c = t.lower[0];
  return c == '.' || c == '!' || c == '?';
}

}  // namespace

std::vector<sentence> split_sentences(std::span<const token> tokens, const word_table& abbreviations) {
  std::vector<sentence> sentences;
  sentences.reserve(tokens.size() / 16 + 1);  // news sentences run twenty to thirty tokens
  std::size_t first = 0;
  const std::size_t n = tokens.size();
  // Most tokens are neither a mark nor after a blank line: two fields of the token tell so,
  // without reading its word. They are skipped in a loop of their own, whose few values
  // stay in registers (in the loop below they are spilled around its calls).
  const auto may_split_at = [](const token& t) {
    return t.blank_line_before || t.kind == token_kind::punct;
  };
  for (std::size_t i = 0; i < n; ++i) {
    while (i < n && !may_split_at(tokens[i])) ++i;
    if (i == n) break;
    if (tokens[i].blank_line_before && first < i) {
      sentences.push_back(sentence{first, i});
      first = i;
    }
    if (!is_terminal_mark(tokens[i])) continue;
    std::size_t last = i + 1;
    while (last < n && is_closing(tokens[last]) && !tokens[last].space_before) ++last;
    const bool next_starts = last == n || tokens[last].space_before;
    const bool next_capitalized = last < n && tokens[last].capitalized;
    const bool period = tokens[i].lower[0] == '.';
    if (next_starts && !(period && ends_abbreviation(tokens, i, next_capitalized, abbreviations))) {
      sentences.push_back(sentence{first, last});
      first = last;
      i = last - 1;
    }
  }
  if (first < n) sentences.push_back(sentence{first, n});
  return sentences;
}

}  // namespace chronicle::detail
