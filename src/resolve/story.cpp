#include "resolve/story.hpp"

#include <cstdlib>
#include <string_view>

namespace chronicle::detail {
namespace {

// Whether the word at tokens[i] is one of the table's (whose entries are single words).
bool is_one_of(const word_table* table, const story_place& p, std::size_t i) {
  return longest_entry(*table, p.tokens, p.words, i) != nullptr;
}

bool clause_break(const token& t) {
  return t.lower == "," || t.lower == ";" || t.lower == ":";
}

// A year heads its sentence ("In 1941, Germany ...", "1942 saw ...") or a clause set off by
// commas ("..., and in 1943, the Allies ...").
bool heads_clause(const recognized& r, const story_place& p) {
  std::size_t i = r.first;
  int lead = 0;
  while (i > p.sentence_first && lead < 4 && is_one_of(p.pack.year_lead_ins, p, i - 1)) {
    --i;
    ++lead;
  }
  if (i == p.sentence_first) return true;
  const token& before = p.tokens[i - 1];
  const bool after_break =
      clause_break(before) || (is_one_of(p.pack.clause_conjunctions, p, i - 1) &&
                               i - 1 > p.sentence_first && clause_break(p.tokens[i - 2]));
  if (!after_break) return false;
  return r.last >= p.sentence_last || clause_break(p.tokens[r.last]);
}

// "... had met, in 1614, ...": a pluperfect looks back from the story's time.
bool pluperfect_before(const recognized& r, const story_place& p) {
  for (std::size_t i = p.sentence_first; i < r.first; ++i) {
    if (is_one_of(p.pack.pluperfect_auxiliaries, p, i) && i + 1 < r.first &&
        !is_one_of(p.pack.infinitive_markers, p, i + 1)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool moves_story(const recognized& r, const resolution& res, const resolve_context& context,
                 const story_place& place) {
  if (!res.first_day || !res.grain) return false;
  if (res.type != timex_type::date && res.type != timex_type::time) return false;
  // A history's plans and forecasts ("withdrawal by late 2008") do not move its story on.
  if (context.narrative && context.clause == tense::future && context.story &&
      *res.first_day > context.story->day) {
    return false;
  }
  if (!context.narrative) return true;
  if (*res.grain < granularity::year) return false;
  const expression& e = r.expr;
  if (context.story) {
    // "That year", "the end of 1916" after "6 December 1916": the same time, less precisely.
    const bool coarser = *res.grain < context.story->grain;
    if (coarser && res.last_day && *res.first_day <= context.story->day &&
        context.story->day <= *res.last_day) {
      return false;
    }
    // "A year earlier", "the previous year", "two years ago": a look back, not a step.
    const bool looks_back = (e.kind == expr_kind::anaphor || e.kind == expr_kind::relative) &&
                            e.offset < 0 && e.unit != "day" && e.unit != "hour" &&
                            e.unit != "minute";
    if (looks_back) return false;
  }
  if (e.kind == expr_kind::date && e.year && !e.month) {
    // A year near the story's own is the story going on ("the 1777 campaigns" after 1776);
    // a distant one is a story told in passing, unless it heads its clause. The first year
    // a story names starts it wherever it stands.
    if (!context.story) return true;
    const int story_year = static_cast<int>(date::year_month_day{context.story->day}.year());
    const bool near = std::abs(*e.year - story_year) <= 2;
    if (r.rule.find("year-attributive") != std::string::npos) return near;
    return near || (heads_clause(r, place) && !pluperfect_before(r, place));
  }
  return true;
}

}  // namespace chronicle::detail
