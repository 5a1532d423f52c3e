#include "resolve/tense.hpp"

namespace chronicle::detail {
namespace {

tense tense_of(const std::vector<token>& tokens, std::size_t at, const language_pack& pack) {
  const token& t = tokens[at];
  if (t.kind != token_kind::word) return tense::none;
  if (pack.table("future_marker").match(tokens, at)) return tense::future;
  if (pack.table("past_marker").match(tokens, at)) return tense::past;
  if (pack.table("present_marker").match(tokens, at)) return tense::present;
  const std::string& w = t.lower;
  if (w.size() > 4 && w.ends_with("ed") && !t.capitalized && !pack.table("not_past").contains(w)) {
    return tense::past;
  }
  return tense::none;
}

}  // namespace

tense clause_tense(const std::vector<token>& tokens, std::size_t sentence_first,
                   std::size_t sentence_last, std::size_t first, std::size_t last,
                   const language_pack& pack) {
  // Alternate left and right of the expression so that the nearest marker wins; markers
  // before the expression win ties, as the verb usually precedes its date in English.
  std::size_t left = first;
  std::size_t right = last;
  while (left > sentence_first || right < sentence_last) {
    if (left > sentence_first) {
      --left;
      if (const tense t = tense_of(tokens, left, pack); t != tense::none) return t;
    }
    if (right < sentence_last) {
      if (const tense t = tense_of(tokens, right, pack); t != tense::none) return t;
      ++right;
    }
  }
  return tense::none;
}

}  // namespace chronicle::detail
