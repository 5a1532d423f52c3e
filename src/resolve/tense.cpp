#include "resolve/tense.hpp"

#include <string_view>

namespace chronicle::detail {
namespace {

// A participle after "be" is a passive whose tense lies in the auxiliary before it ("will be
// paid Dec. 14", "will be announced Friday"); after "been" or "being" it says nothing on its own.
tense of_participle(std::string_view before, tense own) {
  if (before == "be") return tense::future;
  if (before == "been" || before == "being") return tense::none;
  return own;
}

struct marker {
  tense said = tense::none;
  bool reporting = false;  // a reporting verb ("said", "says")
};

marker marker_at(std::span<const token> tokens, const known_words& words, std::size_t at,
                 const tense_tables& tables) {
  const token& t = tokens[at];
  // Every marker is a word the pack knows, but for the regular "-ed" past. A negated
  // participle ("unspecified", "unidentified", "unchanged") is an adjective, no verb: the few
  // "un-" verbs ("unveiled") are among the pack's past markers.
  const first_word* known = words[at];
  const bool regular_past = t.lower.size() > 4 && t.lower.ends_with("ed") && !t.capitalized &&
                            !(t.lower.starts_with("un") && !t.lower.starts_with("under"));
  if (known == nullptr && !regular_past) return {};
  // Punctuation may begin a marker ("'ll" is "'" and "ll"), so only the tables decide for it.
  if (t.kind != token_kind::word && t.kind != token_kind::punct) return {};
  const std::string_view before = at > 0 ? std::string_view(tokens[at - 1].lower) : "";
  if (const auto* m = longest_entry(tables.report, tokens, words, at)) {
    const tense said = of_participle(before, m->value == "past" ? tense::past : tense::present);
    return {said, said != tense::none};
  }
  if (const auto* m = longest_entry(tables.future, tokens, words, at)) {
    if (m->value == "none") return {};
    // An infinitive's time is its governing verb's: "had been due to expire Friday".
    if (before == "to") return {};
    // "could have emerged", "would have been": a modal perfect looks back.
    if (at + 1 < tokens.size() && tokens[at + 1].lower == "have" && starts_entry(tables.modal_perfect, known)) {
      return {tense::past};
    }
    // A plan told in the past ("was due to attend", "had been expected to") lies before now.
    const std::string_view two_before = at > 1 ? std::string_view(tokens[at - 2].lower) : "";
    const bool past_plan = before == "was" || before == "were" || before == "had" ||
                           (before == "been" && two_before == "had");
    return {past_plan ? tense::past : tense::future};
  }
  const bool past = longest_entry(tables.past, tokens, words, at) != nullptr ||
                    (regular_past && !starts_entry(tables.not_past, known));
  if (past) return {of_participle(before, tense::past)};
  if (longest_entry(tables.present, tokens, words, at) != nullptr) return {tense::present};
  return {};
}

}  // namespace

tense_tables::tense_tables(const language_pack& pack)
    : report(pack.table("report_marker")),
      future(pack.table("future_marker")),
      past(pack.table("past_marker")),
      present(pack.table("present_marker")),
      not_past(pack.table("not_past")),
      modal_perfect(pack.table("modal_perfect")),
      opens_report(pack.table("reported_clause")),
      clause_break(pack.table("clause_break")) {}

void sentence_tenses::read(std::span<const token> tokens, const known_words& words,
                           std::size_t sentence_first, std::size_t sentence_last, const tense_tables& tables) {
  first_ = sentence_first;
  last_ = sentence_last;
  const std::size_t n = last_ > first_ ? last_ - first_ : 0;
  marks_.assign(n + 1, mark{});
  for (std::size_t i = 0; i < n; ++i) {
    const marker m = marker_at(tokens, words, first_ + i, tables);
    mark& here = marks_[i];
    here.said = m.said;
    here.reporting = m.reporting;
    here.before = m.said != tense::none ? static_cast<index>(first_ + i) : i > 0 ? marks_[i - 1].before : index{none};
    const bool opens = longest_entry(tables.opens_report, tokens, words, first_ + i) != nullptr;
    marks_[i + 1].opens = here.opens + (opens ? 1 : 0);
    const bool breaks = opens || longest_entry(tables.clause_break, tokens, words, first_ + i) != nullptr;
    marks_[i + 1].breaks = here.breaks + (breaks ? 1 : 0);
  }
  for (std::size_t i = n; i-- > 0;) {
    marks_[i].after = marks_[i].said != tense::none ? static_cast<index>(first_ + i)
                      : i + 1 < n                 ? marks_[i + 1].after
                                                  : index{none};
  }
}

bool sentence_tenses::reported_between(std::size_t from, std::size_t to) const {
  return marks_[to - first_].opens > marks_[from - first_].opens;
}

std::size_t sentence_tenses::left_of(std::size_t i, std::size_t bound) const {
  std::size_t at = marks_[i - first_].before;
  while (at != none && marks_[at - first_].reporting && reported_between(at + 1, bound)) {
    at = at > first_ ? marks_[at - 1 - first_].before : none;
  }
  return at;
}

std::size_t sentence_tenses::right_of(std::size_t i, std::size_t bound) const {
  std::size_t at = marks_[i - first_].after;
  while (at != none && marks_[at - first_].reporting && reported_between(bound, at)) {
    at = at + 1 < last_ ? marks_[at + 1 - first_].after : none;
  }
  return at;
}

tense sentence_tenses::around(std::size_t first, std::size_t last) const {
  // A reporting verb right beside the expression dates it ("officials said Friday that ..."),
  // whatever lies nearer on the other side.
  for (const std::size_t at : {first > first_ ? first - 1 : last, last}) {
    if (at >= last_) continue;
    if (marks_[at - first_].reporting) return marks_[at - first_].said;
  }
  // Otherwise the nearest marker of the expression's own clause: one across the "that" of a
  // report lies in another ("Bush told reporters on Tuesday that the blockade will hold").
  // Between two of the same standing the nearer wins, the left one when it is no farther
  // (the verb usually precedes its date in English).
  const std::size_t left = first > first_ ? left_of(std::min(first, last_) - 1, first) : none;
  const std::size_t right = last < last_ ? right_of(last, last) : none;
  const bool left_across = left != none && marks_[first - first_].breaks > marks_[left + 1 - first_].breaks;
  const bool right_across = right != none && marks_[right - first_].breaks > marks_[last - first_].breaks;
  if (left != none && right != none && left_across != right_across) {
    return marks_[(left_across ? right : left) - first_].said;
  }
  if (left != none && (right == none || first - left <= right - last + 1)) return marks_[left - first_].said;
  if (right != none) return marks_[right - first_].said;
  return tense::none;
}

}  // namespace chronicle::detail
