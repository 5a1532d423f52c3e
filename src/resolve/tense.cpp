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
  tokens_ = tokens;
  words_ = &words;
  tables_ = &tables;
  first_ = sentence_first;
  last_ = sentence_last;
  from_ = to_ = 0;
  markers_.clear();
  opens_.clear();
  breaks_.clear();
}

void sentence_tenses::keep_token(std::size_t at) {
  const known_words& words = *words_;
  const tense_tables& tables = *tables_;
  // Tokens are read outward from an expression, so a token may go before those kept.
  const auto keep = [at](std::vector<index>& positions) {
    positions.insert(std::lower_bound(positions.begin(), positions.end(), at),
                     static_cast<index>(at));
  };
  const said_by m = marker_at(tokens_, words, at, tables);
  if (m.said != tense::none) {
    const auto place =
        std::lower_bound(markers_.begin(), markers_.end(), at,
                         [](const marker& kept, std::size_t token) { return kept.at < token; });
    markers_.insert(place, marker{static_cast<index>(at), m.said, m.reporting});
  }
  if (!starts_entry_of_any(tables.clause_tables, words[at])) return;
  const bool opens = longest_entry(tables.opens_report, tokens_, words, at) != nullptr;
  if (opens) keep(opens_);
  if (opens || longest_entry(tables.clause_break, tokens_, words, at) != nullptr) keep(breaks_);
}

void sentence_tenses::reach(std::size_t i) {
  if (from_ == to_) from_ = to_ = i;  // the first token read
  while (i < from_) read_token(--from_);
  while (i >= to_) read_token(to_++);
}

std::size_t sentence_tenses::count_before(const std::vector<index>& positions, std::size_t i) {
  const auto after = std::lower_bound(positions.begin(), positions.end(), i);
  return static_cast<std::size_t>(after - positions.begin());
}

std::optional<sentence_tenses::marker> sentence_tenses::at_or_before(std::size_t i) {
  reach(i);
  // The markers kept are those of tokens [from_, to_), which hold every token up to i.
  const auto after =
      std::upper_bound(markers_.begin(), markers_.end(), i,
                       [](std::size_t token, const marker& m) { return token < m.at; });
  if (after != markers_.begin()) return *(after - 1);
  // None of them lies at or before i: the first marker read further left is the nearest, and
  // it goes first among those kept.
  while (from_ > first_) {
    read_token(--from_);
    if (!markers_.empty() && markers_.front().at == from_) return markers_.front();
  }
  return std::nullopt;
}

std::optional<sentence_tenses::marker> sentence_tenses::at_or_after(std::size_t i) {
  reach(i);
  const auto found =
      std::lower_bound(markers_.begin(), markers_.end(), i,
                       [](const marker& m, std::size_t token) { return m.at < token; });
  if (found != markers_.end()) return *found;
  // None lies at or after i: the first marker read further right is the nearest, and it goes
  // last among those kept.
  while (to_ < last_) {
    const std::size_t at = to_++;
    read_token(at);
    if (!markers_.empty() && markers_.back().at == at) return markers_.back();
  }
  return std::nullopt;
}

std::optional<sentence_tenses::marker> sentence_tenses::left_of(std::optional<marker> m,
                                                                std::size_t bound) {
  while (m && m->reporting && reported_between(m->at + 1, bound)) {
    m = m->at > first_ ? at_or_before(m->at - 1) : std::nullopt;
  }
  return m;
}

std::optional<sentence_tenses::marker> sentence_tenses::right_of(std::optional<marker> m,
                                                                 std::size_t bound) {
  while (m && m->reporting && reported_between(bound, m->at)) {
    m = m->at + 1 < last_ ? at_or_after(m->at + 1) : std::nullopt;
  }
  return m;
}

tense sentence_tenses::around(std::size_t first, std::size_t last) {
  // The nearest marker on each side of the expression, if it has that side in the sentence.
  const std::optional<marker> nearest_left =
      first > first_ ? at_or_before(std::min(first, last_) - 1) : std::nullopt;
  const std::optional<marker> nearest_right = last < last_ ? at_or_after(last) : std::nullopt;
  // A reporting verb right beside the expression dates it ("officials said Friday that ..."),
  // whatever lies nearer on the other side.
  if (nearest_left && nearest_left->at + 1 == first && nearest_left->reporting) {
    return nearest_left->said;
  }
  if (nearest_right && nearest_right->at == last && nearest_right->reporting) {
    return nearest_right->said;
  }
  // Otherwise the nearest marker of the expression's own clause: one across the "that" of a
  // report lies in another ("Bush told reporters on Tuesday that the blockade will hold").
  // Between two of the same standing the nearer wins, the left one when it is no farther
  // (the verb usually precedes its date in English).
  const std::optional<marker> left = left_of(nearest_left, first);
  const std::optional<marker> right = right_of(nearest_right, last);
  const auto breaks_before = [&](std::size_t i) { return count_before(breaks_, i); };
  const bool left_across = left && breaks_before(first) > breaks_before(left->at + 1);
  const bool right_across = right && breaks_before(right->at) > breaks_before(last);
  if (left && right && left_across != right_across) return (left_across ? right : left)->said;
  if (left && (!right || first - left->at <= right->at - last + 1)) return left->said;
  if (right) return right->said;
  return tense::none;
}

}  // namespace chronicle::detail
