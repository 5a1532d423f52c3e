#pragma once
// Internals shared by the resolver's files: anchoring helpers, and the resolution of periods
// of a year, holidays and business news's reporting periods (periods.cpp).

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include <date/date.h>

#include "resolve/resolve.hpp"

namespace chronicle::detail::resolving {

using span = std::pair<date::sys_days, date::sys_days>;

// Which way a date without a year leans from its reference.
enum class lean { past, future, nearest };

struct anchor_point {
  std::optional<reference> ref;
  anchor_kind kind = anchor_kind::dct;
};

// What a relative expression counts from: the story's latest date for anaphora and in
// narrative text, the publication date otherwise, whichever exists.
anchor_point anchor_for(const resolve_context& c, bool anaphoric);
lean lean_of(const resolve_context& c, const anchor_point& a);

// Sets the days a resolution covers, and its granularity.
void set_days(resolution& r, span days, granularity grain);
// The period of `grain` around `day`, its value and days.
resolution period(date::sys_days day, granularity grain);
// Records what `r` was resolved against and how. In place: a resolution is four strings, and
// moving one through a function's argument and result costs more than its setting.
void set_anchor(resolution& r, const anchor_point& a, resolution_step step);
// A day-level resolution with the clock time or part of day the expression adds, if any.
resolution on_day(date::sys_days day, const expression& e);
std::string clock_suffix(const expression& e);
resolution unresolved(std::string value, timex_type type = timex_type::date);

// Picks the year, among the reference's and its neighbours, whose period `in_year` gives
// lies the way the clause leans. `tense_may_be_the_events`: see periods.cpp.
std::optional<span> choose_year(const reference& ref, lean direction,
                                const std::function<std::optional<span>(date::year)>& in_year,
                                bool tense_may_be_the_events = false);

// "The quarter", "a year earlier" in business news; nullopt when the expression is no such
// reporting period.
std::optional<resolution> resolve_story_period(const expression& e, const resolve_context& c);
resolution resolve_period_of_year(const expression& e, const resolve_context& c);
resolution resolve_holiday(const expression& e, const resolve_context& c);

}  // namespace chronicle::detail::resolving
