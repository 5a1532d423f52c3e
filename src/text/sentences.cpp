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

// Whether ".", "!" or "?" ends a sentence right before tokens[b], which follows whitespace:
// the mark and any closing quotes or brackets after it come right before, and the mark is no
// period of an abbreviation.
bool follows_terminal_mark(std::span<const token> tokens, std::size_t b,
                           const word_table& abbreviations) {
  std::size_t mark = b - 1;
  while (mark > 0 && is_closing(tokens[mark]) && !tokens[mark].space_before) --mark;
  if (!is_terminal_mark(tokens[mark])) return false;
  return tokens[mark].lower[0] != '.' ||
         !ends_abbreviation(tokens, mark, tokens[b].capitalized, abbreviations);
}

// Whether a sentence starts at tokens[b], 0 < b < tokens.size(). It depends on the tokens
// around b alone, so that the sentence of a token is found from its neighbours as well as by
// splitting the whole text. Inline: it is asked of every token, and the two tests that answer
// for most are a few instructions.
inline bool starts_sentence(std::span<const token> tokens, std::size_t b,
                            const word_table& abbreviations) {
  const token& t = tokens[b];
  if (t.blank_line_before) return true;
  // Most tokens follow a word or a number, or no whitespace: two fields tell so, without
  // reading a word.
  const token_kind before = tokens[b - 1].kind;
  if (!t.space_before || before == token_kind::word || before == token_kind::number) return false;
  return follows_terminal_mark(tokens, b, abbreviations);
}

}  // namespace

std::vector<sentence> split_sentences(std::span<const token> tokens, const word_table& abbreviations) {
  std::vector<sentence> sentences;
  if (tokens.empty()) return sentences;
  sentences.reserve(tokens.size() / 16 + 1);  // news sentences run twenty to thirty tokens
  std::size_t first = 0;
  for (std::size_t b = 1; b < tokens.size(); ++b) {
    if (!starts_sentence(tokens, b, abbreviations)) continue;
    sentences.push_back(sentence{first, b});
    first = b;
  }
  sentences.push_back(sentence{first, tokens.size()});
  return sentences;
}

sentence sentence_at(std::span<const token> tokens, std::size_t at,
                     const word_table& abbreviations) {
  sentence s{at, at + 1};
  while (s.first > 0 && !starts_sentence(tokens, s.first, abbreviations)) --s.first;
  while (s.last < tokens.size() && !starts_sentence(tokens, s.last, abbreviations)) ++s.last;
  return s;
}

}  // namespace chronicle::detail
