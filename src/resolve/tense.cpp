#include "resolve/tense.hpp"

#include <algorithm>
#include <string_view>

namespace chronicle::detail {
namespace {

// The tense of the participle at tokens[at], whose own is `own`, as the auxiliary before it
// tells: "will be paid Dec. 14" is a passive whose tense lies in the auxiliary before that.
tense of_participle(std::span<const token> tokens, const known_words& words, std::size_t at,
                    const tense_tables& tables, tense own) {
  const auto* auxiliary = entry_before(tables.participle_auxiliary, tokens, words, at);
  if (auxiliary == nullptr) return own;
  return auxiliary->value == "future" ? tense::future : tense::none;
}

struct said_by {
  tense said = tense::none;
  bool reporting = false;  // a reporting verb ("said", "says")
};

said_by marker_at(std::span<const token> tokens, const known_words& words, std::size_t at,
                 const tense_tables& tables) {
  const token& t = tokens[at];
  // Every marker starts an entry of the tables, but for the regular "-ed" past. A negated
  // participle ("unspecified", "unidentified", "unchanged") is an adjective, no verb: the few
  // "un-" verbs ("unveiled") are among the pack's past markers.
  const first_word* known = words[at];
  const bool regular_past = t.lower.size() > 4 && t.lower.ends_with("ed") && !t.capitalized &&
                            !(t.lower.starts_with("un") && !t.lower.starts_with("under"));
  if (!regular_past && !starts_entry_of_any(tables.marker_tables, known)) {
    return {};
  }
  // Punctuation may begin a marker ("'ll" is "'" and "ll"), so only the tables decide for it.
  if (t.kind != token_kind::word && t.kind != token_kind::punct) return {};
  if (const auto* m = longest_entry(tables.report, tokens, words, at)) {
    const tense own = m->value == "past" ? tense::past : tense::present;
    const tense said = of_participle(tokens, words, at, tables, own);
    return {said, said != tense::none};
  }
  if (const auto* m = longest_entry(tables.future, tokens, words, at)) {
    if (m->value == "none") return {};
    // An infinitive's time is its governing verb's: "had been due to expire Friday".
    if (entry_before(tables.infinitive_marker, tokens, words, at) != nullptr) return {};
    // "could have emerged", "would have been": a modal perfect looks back.
    if (at + 1 < tokens.size() && starts_entry(tables.modal_perfect, known) &&
        longest_entry(tables.perfect_auxiliary, tokens, words, at + 1) != nullptr) {
      return {tense::past};
    }
    // A plan told in the past ("was due to attend", "had been expected to") lies before now.
    const bool past_plan = entry_before(tables.past_plan_auxiliary, tokens, words, at) != nullptr;
    return {past_plan ? tense::past : tense::future};
  }
  const bool past = longest_entry(tables.past, tokens, words, at) != nullptr ||
                    (regular_past && !starts_entry(tables.not_past, known));
  if (past) return {of_participle(tokens, words, at, tables, tense::past)};
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
      clause_break(pack.table("clause_break")),
      participle_auxiliary(pack.table("participle_auxiliary")),
      perfect_auxiliary(pack.table("perfect_auxiliary")),
      past_plan_auxiliary(pack.table("past_plan_auxiliary")),
      infinitive_marker(pack.table("infinitive_marker")) {
  const auto bit = [](const word_table& t) { return std::uint64_t{1} << t.id; };
  marker_tables = bit(report) | bit(future) | bit(past) | bit(present);
  clause_tables = bit(opens_report) | bit(clause_break);
}

void sentence_tenses::read(std::span<const token> tokens, const known_words& words,
                           std::size_t sentence_first, std::size_t sentence_last,
                           const tense_tables& tables) {
  first_ = sentence_first;
  last_ = sentence_last;
  markers_.clear();
  opens_.clear();
  breaks_.clear();
  const std::uint64_t asked_tables = tables.marker_tables | tables.clause_tables;
  for (std::size_t at = first_; at < last_; ++at) {
    // Most words are neither markers nor clause words, nor end as a regular past does: one
    // test of the word's tables and its ending passes them by.
    if (!starts_entry_of_any(asked_tables, words[at]) && !tokens[at].lower.ends_with("ed"))
      continue;
    const said_by m = marker_at(tokens, words, at, tables);
    if (m.said != tense::none) markers_.push_back(marker{static_cast<index>(at), m.said, m.reporting});
    if (!starts_entry_of_any(tables.clause_tables, words[at])) continue;
    const bool opens = longest_entry(tables.opens_report, tokens, words, at) != nullptr;
    if (opens) opens_.push_back(static_cast<index>(at));
    if (opens || longest_entry(tables.clause_break, tokens, words, at) != nullptr) {
      breaks_.push_back(static_cast<index>(at));
    }
  }
}

std::size_t sentence_tenses::count_before(const std::vector<index>& positions, std::size_t i) {
  const auto after = std::lower_bound(positions.begin(), positions.end(), i);
  return static_cast<std::size_t>(after - positions.begin());
}

std::size_t sentence_tenses::at_or_before(std::size_t i) const {
  const auto after = std::upper_bound(markers_.begin(), markers_.end(), i,
                                      [](std::size_t token, const marker& m) { return token < m.at; });
  return after == markers_.begin() ? none : static_cast<std::size_t>(after - markers_.begin()) - 1;
}

std::size_t sentence_tenses::at_or_after(std::size_t i) const {
  const auto found = std::lower_bound(markers_.begin(), markers_.end(), i,
                                      [](const marker& m, std::size_t token) { return m.at < token; });
  return found == markers_.end() ? none : static_cast<std::size_t>(found - markers_.begin());
}

std::size_t sentence_tenses::left_of(std::size_t i, std::size_t bound) const {
  std::size_t m = at_or_before(i);
  while (m != none && markers_[m].reporting && reported_between(markers_[m].at + 1, bound)) {
    m = m > 0 ? m - 1 : none;
  }
  return m;
}

std::size_t sentence_tenses::right_of(std::size_t i, std::size_t bound) const {
  std::size_t m = at_or_after(i);
  while (m != none && markers_[m].reporting && reported_between(bound, markers_[m].at)) {
    m = m + 1 < markers_.size() ? m + 1 : none;
  }
  return m;
}

tense sentence_tenses::around(std::size_t first, std::size_t last) const {
  // A reporting verb right beside the expression dates it ("officials said Friday that ..."),
  // whatever lies nearer on the other side.
  for (const std::size_t at : {first > first_ ? first - 1 : last, last}) {
    if (at >= last_) continue;
    const std::size_t m = at_or_before(at);
    if (m != none && markers_[m].at == at && markers_[m].reporting) return markers_[m].said;
  }
  // Otherwise the nearest marker of the expression's own clause: one across the "that" of a
  // report lies in another ("Bush told reporters on Tuesday that the blockade will hold").
  // Between two of the same standing the nearer wins, the left one when it is no farther
  // (the verb usually precedes its date in English).
  const std::size_t left = first > first_ ? left_of(std::min(first, last_) - 1, first) : none;
  const std::size_t right = last < last_ ? right_of(last, last) : none;
  const auto breaks_before = [&](std::size_t i) { return count_before(breaks_, i); };
  const bool left_across = left != none && breaks_before(first) > breaks_before(markers_[left].at + 1);
  const bool right_across = right != none && breaks_before(markers_[right].at) > breaks_before(last);
  if (left != none && right != none && left_across != right_across) {
    return markers_[left_across ? right : left].said;
  }
  if (left != none && (right == none || first - markers_[left].at <= markers_[right].at - last + 1)) {
    return markers_[left].said;
  }
  if (right != none) return markers_[right].said;
  return tense::none;
}

}  // namespace chronicle::detail
