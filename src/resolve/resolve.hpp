#pragma once
// Resolution: a typed expression and what it is relative to, to a TIMEX3 value and the days
// it covers.

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "chronicle/timex.hpp"
#include "recognize/expression.hpp"
#include "resolve/tense.hpp"

namespace chronicle::detail {

// A date the text has established: the publication date or the story's latest date.
struct reference {
  date::sys_days day;
  granularity grain = granularity::day;
};

struct resolve_context {
  std::optional<date::sys_days> dct;
  std::optional<reference> story;  // the latest date the text mentioned before this point
  // The latest quarter the text mentioned: what business news compares with ("third-quarter
  // profit rose from a year earlier") and reports on ("in the quarter").
  std::optional<reference> story_quarter;
  bool narrative = false;          // relative expressions follow the story, not the DCT
  tense clause = tense::none;
  // The day its sentence names elsewhere ("Thursday ... at 8 p.m."): a clock time's day.
  std::optional<date::sys_days> sentence_day;
};

// How an expression was resolved, for explanations (tag_options::explain): "weekday/past",
// "relative/" and the unit counted, or a day's step and "/week-of". Views of literals and of
// the pack, joined only where an explanation is asked for: a joined step is often longer than
// a string holds without allocating, and most resolutions are never explained.
struct resolution_step {
  // Not explicit: a step is most often a literal, written as one.
  resolution_step() = default;
  resolution_step(const char* how_resolved) : how(how_resolved) {}                    // NOLINT
  resolution_step(std::string_view how_resolved, std::string_view unit_counted = {})  // NOLINT
      : how(how_resolved), unit(unit_counted) {}
  std::string_view how;
  std::string_view unit;
  bool week_of = false;
  bool empty() const { return how.empty(); }
  std::string text() const;
};

struct resolution {
  timex_type type = timex_type::date;
  std::string value;
  std::optional<date::sys_days> first_day;
  std::optional<date::sys_days> last_day;
  std::optional<granularity> grain;
  anchor_kind anchor = anchor_kind::absolute;
  resolution_step step;
  std::string anchor_ref;  // ISO day it was resolved against
  std::string quant;
  std::string freq;
};

resolution resolve(const expression& e, const resolve_context& context);

// Whether resolve(e, context) reads context.clause. Where not, it resolves alike whatever the
// tense of its clause (a date with its year, a duration, a set), and the tagger need not find it.
bool leans_on_tense(const expression& e);

}  // namespace chronicle::detail
