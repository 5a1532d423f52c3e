#include "resolve/tense.hpp"

#include <string_view>

namespace chronicle::detail {
namespace {

// The pack's tense tables, looked up once per clause rather than once per word.
struct tense_tables {
  const word_table& report;
  const word_table& future;
  const word_table& past;
  const word_table& present;
  const word_table& not_past;
};

tense tense_of(const std::vector<token>& tokens, std::size_t at, const tense_tables& tables) {
  const token& t = tokens[at];
  // Punctuation may begin a marker ("'ll" is "'" and "ll"), so only the tables decide for it.
  if (t.kind != token_kind::word && t.kind != token_kind::punct) return tense::none;
  if (tables.report.match(tokens, at)) return tense::none;
  const std::string& w = t.lower;
  const std::string_view before = at > 0 ? std::string_view(tokens[at - 1].lower) : "";
  if (tables.future.match(tokens, at)) {
    // A plan told in the past ("was due to attend", "had been expected to") lies before now.
    const std::string_view two_before = at > 1 ? std::string_view(tokens[at - 2].lower) : "";
    const bool past_plan = before == "was" || before == "were" || before == "had" ||
                           (before == "been" && two_before == "had");
    return past_plan ? tense::past : tense::future;
  }
  const bool past = tables.past.match(tokens, at) ||
                    (w.size() > 4 && w.ends_with("ed") && !t.capitalized &&
                     !tables.not_past.contains(w));
  if (past) {
    // A participle after "be" is a passive whose tense lies in the auxiliary before it
    // ("will be paid Dec. 14"); after "been" or "being" it says nothing on its own.
    if (before == "be") return tense::future;
    if (before == "been" || before == "being") return tense::none;
    return tense::past;
  }
  if (tables.present.match(tokens, at)) return tense::present;
  return tense::none;
}

}  // namespace

tense clause_tense(const std::vector<token>& tokens, std::size_t sentence_first,
                   std::size_t sentence_last, std::size_t first, std::size_t last,
                   const language_pack& pack) {
  // Alternate left and right of the expression so that the nearest marker wins; markers
  // before the expression win ties, as the verb usually precedes its date in English.
  const tense_tables tables{pack.table("report_marker"), pack.table("future_marker"),
                            pack.table("past_marker"), pack.table("present_marker"),
                            pack.table("not_past")};
  const word_table& report = tables.report;
  for (const std::size_t at : {first > sentence_first ? first - 1 : last, last}) {
    if (at >= sentence_last) continue;
    if (const auto m = report.match(tokens, at)) return m->second == "past" ? tense::past : tense::present;
  }
  std::size_t left = first;
  std::size_t right = last;
  while (left > sentence_first || right < sentence_last) {
    if (left > sentence_first) {
      --left;
      if (const tense t = tense_of(tokens, left, tables); t != tense::none) return t;
    }
    if (right < sentence_last) {
      if (const tense t = tense_of(tokens, right, tables); t != tense::none) return t;
      ++right;
    }
  }
  return tense::none;
}

sentence_tenses::sentence_tenses(const std::vector<token>& tokens, std::size_t sentence_first,
                                 std::size_t sentence_last, const language_pack& pack)
    : tokens_(tokens), first_(sentence_first), last_(sentence_last), pack_(pack) {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  const tense_tables tables{pack.table("report_marker"), pack.table("future_marker"),
                            pack.table("past_marker"), pack.table("present_marker"),
                            pack.table("not_past")};
  const std::size_t n = last_ > first_ ? last_ - first_ : 0;
  marker_.resize(n, tense::none);
  before_.resize(n, none);
  after_.resize(n, none);
  for (std::size_t i = 0; i < n; ++i) {
    marker_[i] = tense_of(tokens, first_ + i, tables);
    before_[i] = marker_[i] != tense::none ? first_ + i : i > 0 ? before_[i - 1] : none;
  }
  for (std::size_t i = n; i-- > 0;) {
    after_[i] = marker_[i] != tense::none ? first_ + i : i + 1 < n ? after_[i + 1] : none;
  }
}

tense sentence_tenses::around(std::size_t first, std::size_t last) const {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  const word_table& report = pack_.table("report_marker");
  for (const std::size_t at : {first > first_ ? first - 1 : last, last}) {
    if (at >= last_) continue;
    if (const auto m = report.match(tokens_, at)) return m->second == "past" ? tense::past : tense::present;
  }
  // clause_tense steps outward one token a side, the left first: the left marker wins when
  // it is no farther than the right one, counting the right side from `last` as step one.
  const std::size_t left = first > first_ ? before_[std::min(first, last_) - 1 - first_] : none;
  const std::size_t right = last < last_ ? after_[last - first_] : none;
  if (left != none && (right == none || first - left <= right - last + 1)) return marker_[left - first_];
  if (right != none) return marker_[right - first_];
  return tense::none;
}

}  // namespace chronicle::detail
