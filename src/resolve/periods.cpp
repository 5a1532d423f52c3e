// Periods of a year (quarters, halves, seasons), holidays, the year a month-day falls in,
// and business news's reporting periods.
#include "resolve/periods.hpp"

#include <fmt/format.h>

#include "resolve/calendar.hpp"

namespace chronicle::detail::resolving {

using namespace date;

// Picks the year, among the reference's and its neighbours, whose period `in_year` gives
// lies the way the clause leans: the latest before the reference, the earliest after, or
// the nearest. A reference known only to the year keeps its year.
std::optional<span> choose_year(const reference& ref, lean direction,
                                const std::function<std::optional<span>(year)>& in_year,
                                bool tense_may_be_the_events) {
  const year base = year_month_day{ref.day}.year();
  if (ref.grain <= granularity::year) return in_year(base);
  std::optional<span> best;
  long best_distance = 0;
  std::optional<span> nearest;
  long nearest_distance = 0;
  for (const int delta : {-1, 0, 1}) {
    const auto candidate = in_year(base + years{delta});
    if (!candidate) continue;
    const bool before = candidate->first <= ref.day;
    const bool after = candidate->second >= ref.day;
    long distance = 0;
    if (candidate->second < ref.day) distance = (ref.day - candidate->second).count();
    if (candidate->first > ref.day) distance = (candidate->first - ref.day).count();
    if (!nearest || distance < nearest_distance) {
      nearest = candidate;
      nearest_distance = distance;
    }
    if (direction == lean::past && !before) continue;
    if (direction == lean::future && !after) continue;
    const bool better = !best || (direction == lean::past    ? candidate->first > best->first
                                  : direction == lean::future ? candidate->first < best->first
                                                              : distance < best_distance);
    if (better) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A past clause's tense may be the event's ("the offer was extended to Nov. 20"): a day or
  // month within a quarter of the reference beats one most of a year away. A future clause
  // keeps its tense ("she will go in May", said in June), and so do longer periods
  // ("third-quarter profit was" in June is last year's) and holidays.
  const bool short_period = nearest && nearest->second - nearest->first < days{32};
  if (tense_may_be_the_events && direction == lean::past && best && short_period &&
      best_distance > 183 && nearest_distance <= 92) {
    return nearest;
  }
  return best;
}

// Business news compares a period with the same period a year before ("profit rose in the
// third quarter from a year earlier") and calls the period it reports on "the quarter".
std::optional<resolution> resolve_story_period(const expression& e, const resolve_context& c) {
  const auto& p = c.story_quarter;
  auto anchored_period = [](sys_days day, granularity grain, const anchor_point& from,
                            resolution_step step) {
    resolution r = period(day, grain);
    set_anchor(r, from, step);
    return r;
  };
  const bool compares = e.dir == direction::compare || e.dir == direction::compare_quarter;
  if (compares && p) {
    const auto day = shift(p->day, e.unit, e.offset);
    if (!day) return std::nullopt;
    return anchored_period(*day, p->grain, {p, anchor_kind::narrative}, {"compare/", e.unit});
  }
  // "the year-earlier quarter" with no quarter named yet: the reported one (as for "the
  // quarter" below) a year back.
  if (e.dir == direction::compare_quarter && c.dct) {
    const auto reported = shift(*c.dct, "quarter", c.clause == tense::future ? 0 : -1);
    const auto day = reported ? shift(*reported, e.unit, e.offset) : std::nullopt;
    if (!day) return std::nullopt;
    return anchored_period(*day, granularity::quarter,
                           {reference{*c.dct, granularity::day}, anchor_kind::dct},
                           "compare/quarter-dct");
  }
  if (e.dir == direction::story && e.unit == "quarter" && e.year) {
    // "the 1988 quarter": the reported quarter's number in that year, else just the year.
    const year y{static_cast<int>(*e.year)};
    if (!p) {
      resolution r = period(sys_days{y / 1 / 1}, granularity::year);
      r.step = "absolute";
      return r;
    }
    const year_month_day reported{p->day};
    return anchored_period(sys_days{y / reported.month() / 1}, p->grain,
                           {p, anchor_kind::narrative}, "story/quarter-of-year");
  }
  if (e.dir == direction::story && e.unit == "quarter") {
    if (p) return anchored_period(p->day, p->grain, {p, anchor_kind::narrative}, "story/quarter");
    if (!c.dct) return std::nullopt;
    // No quarter named yet: the one being reported on has ended, unless the clause looks ahead.
    const auto day = shift(*c.dct, "quarter", c.clause == tense::future ? 0 : -1);
    return anchored_period(*day, granularity::quarter,
                           {reference{*c.dct, granularity::day}, anchor_kind::dct},
                           "story/quarter-dct");
  }
  return std::nullopt;
}

resolution resolve_period_of_year(const expression& e, const resolve_context& c) {
  // Quarters, halves and seasons: fixed when the year is given, else the anchor's year
  // moved by the offset ("last summer"), leaning with the tense when no offset is said.
  std::function<std::optional<span>(year)> in_year;
  std::string suffix;
  if (e.kind == expr_kind::quarter) {
    if (!e.quarter || *e.quarter < 1 || *e.quarter > 4) return unresolved("");
    in_year = [&](year y) { return std::optional<span>(quarter_days(y, static_cast<unsigned>(*e.quarter))); };
    suffix = fmt::format("-Q{}", *e.quarter);
  } else if (e.kind == expr_kind::half) {
    if (!e.half || *e.half < 1 || *e.half > 2) return unresolved("");
    in_year = [&](year y) { return std::optional<span>(half_days(y, static_cast<unsigned>(*e.half))); };
    suffix = fmt::format("-H{}", *e.half);
  } else {
    in_year = [&](year y) { return season_days(y, e.season); };
    suffix = "-" + std::string(e.season);
  }
  const auto grain = e.kind == expr_kind::season ? granularity::season : granularity::quarter;
  auto make = [&](year y, resolution_step step) {
    const auto days = in_year(y);
    resolution r;
    if (!days) return unresolved("");
    r.value = year_string(y) + suffix;
    set_days(r, *days, grain);
    r.step = step;
    return r;
  };
  if (e.year) return make(year{static_cast<int>(*e.year)}, "absolute");
  const anchor_point a = anchor_for(c, false);
  if (!a.ref) return unresolved("XXXX" + suffix);
  // The period in year y, counted from the anchor: its step is the anchor's.
  auto anchored_in = [&](year y, resolution_step step) {
    resolution r = make(y, {});
    set_anchor(r, a, step);
    return r;
  };
  const year base = year_month_day{a.ref->day}.year();
  // A history's season without a year is the one of the story's year ("In 1919 ... before
  // the onset of winter"): the season the story is in, else the one that year names, winter
  // being the one that starts in its December.
  if (e.dir == direction::none && e.kind == expr_kind::season && a.kind == anchor_kind::narrative) {
    if (a.ref->grain >= granularity::season) {
      for (const int delta : {0, 1}) {
        const auto days = in_year(base + years{delta});
        if (days && days->first <= a.ref->day && a.ref->day <= days->second) {
          return anchored_in(base + years{delta}, "period/story-season");
        }
      }
    }
    const year y = e.season == "WI" ? base + years{1} : base;
    return anchored_in(y, "period/story-year");
  }
  if (e.dir == direction::none) {
    // A company "expects to report third-quarter results" for a quarter already over: a
    // quarter or half looks back with a past clause, else it is the nearest one.
    lean leaning = lean_of(c, a);
    if (e.kind != expr_kind::season && leaning == lean::future) leaning = lean::nearest;
    const auto days = choose_year(*a.ref, leaning, in_year);
    if (!days) return unresolved("");
    // The season's year is the year its last day falls in (winter 2020 ends in February).
    return anchored_in(year_month_day{days->second}.year(), "period/year-from-anchor");
  }
  // "last winter" is the latest that has ended, "next summer" the first still to begin,
  // "this spring" the one of the anchor's year: winter 2020 ended in February 2020.
  if (e.offset != 0 && e.kind == expr_kind::season) {
    std::optional<year> chosen;
    for (const int delta : {-2, -1, 0, 1, 2}) {
      const year y = base + years{delta};
      const auto days = in_year(y);
      if (!days) continue;
      if (e.offset < 0 && days->second < a.ref->day) chosen = y;  // the latest wins
      if (e.offset > 0 && days->first > a.ref->day && !chosen) chosen = y;
    }
    if (chosen) return anchored_in(*chosen, "period/offset");
  }
  return anchored_in(base + years{e.offset}, "period/offset");
}

resolution resolve_holiday(const expression& e, const resolve_context& c) {
  auto in_year = [&](year y) -> std::optional<span> {
    const auto d = holiday_in(y, e.holiday);
    if (!d) return std::nullopt;
    return span{*d, *d};
  };
  if (e.year) {
    const auto d = in_year(year{static_cast<int>(*e.year)});
    if (!d) return unresolved("");
    resolution r = on_day(d->first, e);
    r.step = "holiday/absolute";
    return r;
  }
  const anchor_point a = anchor_for(c, false);
  if (!a.ref) return unresolved("XXXX-XX-XX");
  const auto d = choose_year(*a.ref, lean_of(c, a), in_year);
  if (!d) return unresolved("");
  resolution r = on_day(d->first, e);
  set_anchor(r, a, "holiday/year-from-anchor");
  return r;
}

}  // namespace chronicle::detail::resolving
