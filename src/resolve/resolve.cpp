#include "resolve/resolve.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

#include "resolve/calendar.hpp"
#include "resolve/periods.hpp"

namespace chronicle::detail {

std::string resolution_step::text() const {
  std::string joined;
  joined.reserve(how.size() + unit.size() + 8);
  joined.append(how).append(unit);
  if (week_of) joined.append("/week-of");
  return joined;
}

namespace resolving {

using namespace date;

anchor_point anchor_for(const resolve_context& c, bool anaphoric) {
  if ((anaphoric || c.narrative) && c.story) return {c.story, anchor_kind::narrative};
  if (c.dct) return {reference{*c.dct, granularity::day}, anchor_kind::dct};
  if (c.story) return {c.story, anchor_kind::narrative};
  return {};
}

lean lean_of(const resolve_context& c, const anchor_point& a) {
  if (a.kind == anchor_kind::narrative) return lean::nearest;
  switch (c.clause) {
    case tense::past: return lean::past;
    case tense::future: return lean::future;
    default: return lean::nearest;
  }
}

void set_days(resolution& r, span days, granularity grain) {
  r.first_day = days.first;
  r.last_day = days.second;
  r.grain = grain;
}

resolution period(sys_days day, granularity grain) {
  resolution r;
  r.value = period_value(day, grain);
  set_days(r, period_days(day, grain), grain);
  return r;
}

void set_anchor(resolution& r, const anchor_point& a, resolution_step step) {
  r.anchor = a.kind;
  r.anchor_ref = iso_day(a.ref->day);
  r.step = step;
}

namespace {

// Whether the expression gives a time of day: an hour, or a part of the day ("morning").
bool has_clock(const expression& e) {
  return e.hour || !e.part_of_day.empty();
}

}  // namespace

std::string clock_suffix(const expression& e) {
  if (!has_clock(e)) return "";
  if (e.hour) {
    long hour = *e.hour;
    if (e.ampm == "pm" && hour < 12) hour += 12;
    if (e.ampm == "am" && hour == 12) hour = 0;
    return fmt::format("T{:02}:{:02}{}", hour, e.minute.value_or(0), e.zone);
  }
  return "T" + std::string(e.part_of_day);
}

resolution on_day(sys_days day, const expression& e) {
  resolution r = period(day, granularity::day);
  if (!has_clock(e)) return r;  // most days have no time of their own, and no suffix to build
  r.type = timex_type::time;
  r.value += clock_suffix(e);
  r.grain = e.hour ? (e.minute ? granularity::minute : granularity::hour) : granularity::day;
  return r;
}

resolution unresolved(std::string value, timex_type type) {
  resolution r;
  r.type = type;
  r.value = std::move(value);
  r.step = "unanchored";
  return r;
}

}  // namespace resolving

namespace {

using namespace date;
using namespace resolving;

std::string duration_value(const expression& e) {
  struct unit_code {
    std::string_view unit;
    std::string_view code;
    bool clock;
  };
  static constexpr std::array<unit_code, 11> codes = {{{"year", "Y", false},
                                                       {"month", "M", false},
                                                       {"week", "W", false},
                                                       {"day", "D", false},
                                                       {"decade", "DE", false},
                                                       {"century", "CE", false},
                                                       {"quarter", "Q", false},
                                                       {"weekend", "WE", false},
                                                       {"hour", "H", true},
                                                       {"minute", "M", true},
                                                       {"second", "S", true}}};
  std::string unit(e.unit);
  std::string amount = e.amount.empty() ? "1" : e.amount;
  if (unit == "fortnight") {
    unit = "week";
    const long n = std::strtol(amount.c_str(), nullptr, 10);
    amount = amount == "X" ? "X" : std::to_string(2 * n);
  }
  const auto code_of = [&](std::string_view u) {
    for (const auto& c : codes) {
      if (c.unit == u) return &c;
    }
    return &codes[3];  // days
  };
  // Halves are written in the next smaller unit: "half an hour" is PT30M, not PT0.5H, and
  // "5 1/2 hours" PT5H30M.
  struct half_unit {
    std::string_view unit;
    long amount;  // of the smaller unit
    std::string_view smaller;
  };
  static constexpr std::array<half_unit, 6> halves = {{
      {"hour", 30, "minute"},
      {"day", 12, "hour"},
      {"year", 6, "month"},
      {"decade", 5, "year"},
      {"century", 50, "year"},
      {"minute", 30, "second"},
  }};
  const auto half = std::find_if(halves.begin(), halves.end(), [&](const half_unit& h) { return h.unit == unit; });
  const bool whole = amount != "X" && amount.find('.') == std::string::npos;
  if (half != halves.end() && (amount == "0.5" || (e.half && *e.half == 1 && whole))) {
    const auto* small = code_of(half->smaller);
    if (amount == "0.5") return fmt::format("P{}{}{}", small->clock ? "T" : "", half->amount, small->code);
    const auto* big = code_of(unit);
    if (!small->clock || big->clock) {  // within one side of the "T": P2Y6M, PT5H30M
      if (big->code == "DE" || big->code == "CE") {  // no mixing of TimeML's units: in years
        const long n = std::strtol(amount.c_str(), nullptr, 10);
        return fmt::format("P{}Y", n * (big->code == "DE" ? 10 : 100) + half->amount);
      }
      return fmt::format("P{}{}{}{}{}", big->clock ? "T" : "", amount, big->code, half->amount, small->code);
    }
    return fmt::format("P{}{}T{}{}", amount, big->code, half->amount, small->code);  // P2DT12H
  }
  // "two and a half weeks": no smaller unit takes the half whole.
  if (e.half && *e.half == 1 && whole) amount += ".5";
  // Most durations are written here, by appending: the general formatter costs several times
  // as much.
  const auto* c = code_of(unit);
  std::string value = c->clock ? "PT" : "P";
  return value.append(amount).append(c->code);
}

std::optional<span> month_day_in(year y, const expression& e) {
  if (!e.month) return std::nullopt;
  const month m{static_cast<unsigned>(*e.month)};
  if (!e.day) return span{sys_days{y / m / 1}, sys_days{y / m / last}};
  const year_month_day ymd{y, m, day{static_cast<unsigned>(*e.day)}};
  if (!ymd.ok()) return std::nullopt;
  return span{sys_days{ymd}, sys_days{ymd}};
}

resolution resolve_date(const expression& e, const resolve_context& c) {
  if (e.month && (*e.month < 1 || *e.month > 12)) return unresolved("", timex_type::date);
  if (e.year) {
    const year y{static_cast<int>(*e.year)};
    if (!e.month) {
      resolution r = period(sys_days{y / 1 / 1}, granularity::year);
      r.step = "absolute";
      return r;
    }
    const auto days = month_day_in(y, e);
    if (!days) return unresolved("");  // "February 30, 2021" is no calendar date
    resolution r = e.day ? on_day(days->first, e) : period(days->first, granularity::month);
    r.step = "absolute";
    return r;
  }
  const anchor_point a = anchor_for(c, false);
  if (!a.ref) {
    const std::string mm = e.month ? fmt::format("{:02}", *e.month) : "XX";
    return unresolved(e.day ? fmt::format("XXXX-{}-{:02}", mm, *e.day) : "XXXX-" + mm);
  }
  // "last November" lies wholly before the reference's month, "next March" wholly after it;
  // "this September" is the reference's year.
  reference from = *a.ref;
  lean leaning = lean_of(c, a);
  // "last December" says its direction itself; the clause's tense cannot overrule it.
  const bool said_way = e.dir == direction::last || e.dir == direction::next;
  if (said_way) {
    const year_month_day ref_ymd{from.day};
    const year_month ref_month{ref_ymd.year(), ref_ymd.month()};
    const bool last_one = e.dir == direction::last;
    from.day = last_one ? sys_days{ref_month / 1} - days{1} : sys_days{ref_month / last} + days{1};
    from.grain = granularity::day;
    leaning = last_one ? lean::past : lean::future;
  }
  const auto in_year = [&](year y) { return month_day_in(y, e); };
  const year from_year = year_month_day{from.day}.year();
  // "In January, the firm hired", "the year ended Jan. 31": where the pattern knows the
  // clause's tense is the date's own (dir=tense), it is not the event's alone.
  const bool own_tense = said_way || e.dir == direction::tense;
  const auto found = e.dir == direction::current ? in_year(from_year)
                     : e.dir == direction::year_offset
                         ? in_year(from_year + years{e.offset})
                         : choose_year(from, leaning, in_year, !own_tense);
  if (!found) return unresolved("");
  resolution r = e.day ? on_day(found->first, e) : period(found->first, granularity::month);
  set_anchor(r, a, e.day ? "month-day/year-from-anchor" : "month/year-from-anchor");
  return r;
}

// "the week of March 6": the week the day falls in.
resolution week_of(resolution day) {
  if (!day.first_day) return day;
  resolution week = period(*day.first_day, granularity::week);
  week.anchor = day.anchor;
  week.anchor_ref = day.anchor_ref;
  week.step = day.step;
  week.step.week_of = true;
  return week;
}

resolution resolve_weekday(const expression& e, const resolve_context& c) {
  // "the previous Friday", "the following Monday" count from the day the text is on, when it
  // is on a day; a year or a month holds no weekday to count from.
  const bool anaphoric = (e.dir == direction::previous || e.dir == direction::following) &&
                         c.story && c.story->grain >= granularity::day;
  const anchor_point a = anchor_for(c, anaphoric);
  const weekday target{static_cast<unsigned>(*e.weekday % 7)};
  if (!a.ref) return unresolved(fmt::format("XXXX-WXX-{}", *e.weekday));
  const sys_days ref = a.ref->day;
  sys_days day = ref;
  std::string_view step;
  if (e.dir == direction::last || e.dir == direction::previous) {
    day = weekday_on_or_before(ref - days{1}, target);
    step = e.dir == direction::last ? "weekday/last" : "weekday/previous";
  } else if (e.dir == direction::following) {
    day = weekday_on_or_after(ref + days{1}, target);
    step = "weekday/following";
  } else if (e.dir == direction::next) {
    day = weekday_on_or_after(ref + days{1}, target);
    step = "weekday/next";
  } else if (e.dir == direction::past) {
    day = weekday_on_or_before(ref, target);
    step = "weekday/on-or-before";
  } else if (e.dir == direction::current) {
    day = weekday_on_or_before(ref, Monday) + (target - Monday);
    step = "weekday/this";
  } else {
    const sys_days before = weekday_on_or_before(ref, target);
    const sys_days after = weekday_on_or_after(ref, target);
    switch (a.kind == anchor_kind::narrative ? lean::future : lean_of(c, a)) {
      case lean::past: day = before; step = "weekday/past"; break;
      case lean::future: day = after; step = "weekday/future"; break;
      case lean::nearest:
        day = (ref - before) <= (after - ref) ? before : after;
        step = "weekday/nearest";
        break;
    }
  }
  resolution r = on_day(day, e);
  // "Friday night" is a date with a part of day in TimeBank's usage (DATE, ...TNI), unlike a
  // clock time; "tonight" and "this morning" stay TIME as annotated there.
  if (!e.hour && !e.part_of_day.empty()) r.type = timex_type::date;
  set_anchor(r, a, std::move(step));
  return r;
}

// A value at granularity `said` of which only the digits down to `known` are known:
// "1915" to "1915-XX-XX" for a day. Counting away from a month ("four days later" after
// "October 1915") may leave it, so only the year is kept then.
std::string unknown_within(const std::string& value, granularity known, granularity said,
                           bool same_period) {
  const bool plain_year = value.size() >= 4 && std::isdigit(static_cast<unsigned char>(value[0]));
  if (known < granularity::year || !plain_year) return value;
  std::string year_part = value.substr(0, 4);
  std::string month_part = "XX";
  if (known == granularity::month && same_period && value.size() >= 7) month_part = value.substr(5, 2);
  switch (said) {
    case granularity::month: return year_part + "-" + month_part;
    case granularity::week: return year_part + "-WXX";
    case granularity::day: return year_part + "-" + month_part + "-XX";
    default: return value;
  }
}

resolution resolve_relative(const expression& e, const resolve_context& c, bool anaphoric) {
  if (e.dir == direction::event && !c.narrative) {
    resolution r;
    r.type = timex_type::duration;
    expression length = e;
    if (length.amount.starts_with('-')) length.amount.erase(0, 1);
    r.value = duration_value(length);
    r.step = "duration/from-event";
    return r;
  }
  if (auto r = resolve_story_period(e, c)) return std::move(*r);
  const anchor_point a = anchor_for(c, anaphoric);
  const auto unit_grain = unit_granularity(e.unit);
  if (!a.ref || !unit_grain) {
    if (e.offset == 0 && e.unit == "day") return unresolved("PRESENT_REF");
    return unresolved(e.offset < 0 ? "PAST_REF" : "FUTURE_REF");
  }
  if (e.amount == "X" || e.amount == "-X") {
    resolution r = unresolved(e.offset < 0 || e.amount == "-X" ? "PAST_REF" : "FUTURE_REF");
    set_anchor(r, a, "relative/vague");
    return r;
  }
  auto day = shift(a.ref->day, e.unit, e.offset);
  if (!day) return unresolved("");
  // "Over the weekend" in a weekday's news is the one just past, or the coming one when the
  // clause looks ahead.
  if (e.unit == "weekend" && e.offset == 0 && !anaphoric && a.kind == anchor_kind::dct) {
    const weekday wd{*day};
    const bool in_weekend = wd == Saturday || wd == Sunday;
    if (!in_weekend && c.clause == tense::past) *day -= weeks{1};
  }
  // An anaphor cannot be finer than the date it counts from: "two days later" after "1939"
  // covers 1939 and is written 1939-XX-XX, TimeBank's way of saying which day is unknown.
  granularity grain = std::min(*unit_grain, granularity::day);
  const granularity said = grain;
  if (anaphoric && a.ref->grain < grain) grain = a.ref->grain;
  resolution r = grain == granularity::day ? on_day(*day, e) : period(*day, grain);
  if (said != grain) r.value = unknown_within(r.value, grain, said, e.offset == 0);
  if (e.unit == "weekend" && grain == granularity::week) {
    r.value += "-WE";
    r.first_day = weekday_on_or_before(*day, Monday) + days{5};
    r.last_day = *r.first_day + days{1};
  }
  set_anchor(r, a, {anaphoric ? "anaphor/" : "relative/", e.unit});
  return r;
}

resolution resolve_time(const expression& e, const resolve_context& c) {
  if (c.sentence_day) {
    const anchor_point named{reference{*c.sentence_day, granularity::day}, anchor_kind::narrative};
    resolution r = on_day(*c.sentence_day, e);
    set_anchor(r, named, "time/on-named-day");
    return r;
  }
  const anchor_point a = anchor_for(c, false);
  if (!a.ref) return unresolved("XXXX-XX-XX" + clock_suffix(e), timex_type::time);
  resolution r = on_day(a.ref->day, e);
  set_anchor(r, a, "time/on-anchor-day");
  return r;
}

}  // namespace

bool leans_on_tense(const expression& e) {
  switch (e.kind) {
    case expr_kind::date:
      return !e.year;
    case expr_kind::weekday:
    case expr_kind::relative:
    case expr_kind::anaphor:
    case expr_kind::quarter:
    case expr_kind::half:
    case expr_kind::season:
    case expr_kind::holiday:
      return true;
    case expr_kind::time:  // its day is the anchor's or the one its sentence names
    case expr_kind::decade:
    case expr_kind::century:
    case expr_kind::fiscal:
    case expr_kind::ref:
    case expr_kind::duration:
    case expr_kind::set:
    case expr_kind::modifier:
      return false;
  }
  return true;
}

namespace {

// "the '90s": the latest such decade not after the anchor.
resolution resolve_decade(const expression& e, const resolve_context& c) {
  long decade = e.decade.value_or(0);
  if (e.dir == direction::short_form) {
    const anchor_point a = anchor_for(c, false);
    const int ref_year = a.ref ? static_cast<int>(year_month_day{a.ref->day}.year()) : 2000;
    decade = ref_year / 100 * 10 + decade / 10;
    if (decade * 10 > ref_year) decade -= 10;
  }
  resolution r = period(sys_days{year{static_cast<int>(decade * 10)} / 1 / 1}, granularity::decade);
  r.step = "absolute";
  return r;
}

resolution resolve_century(const expression& e) {
  // "the 19th century" is 1801..1900 by the count, "18" (the 1800s) by TIMEX3 custom.
  const long century = e.century.value_or(1) - 1;
  resolution r =
      period(sys_days{year{static_cast<int>(century * 100)} / 1 / 1}, granularity::century);
  r.step = "absolute";
  return r;
}

resolution resolve_fiscal(const expression& e) {
  long y = e.year.value_or(0);
  if (y < 100) y += y < 50 ? 2000 : 1900;
  resolution r;
  r.value = "FY" + year_string(year{static_cast<int>(y)});
  r.step = "absolute";
  return r;
}

resolution resolve_duration(const expression& e, const resolve_context& c) {
  // An age ("52 years old") is a time expression in histories, not in news: TimeBank and
  // TempEval mark none of them.
  if (e.dir == direction::age && !c.narrative) {
    resolution r = unresolved("", timex_type::duration);
    r.step = "age/not-in-news";
    return r;
  }
  resolution r;
  r.type = timex_type::duration;
  r.value = duration_value(e);
  r.step = "duration";
  return r;
}

resolution resolve_set(const expression& e) {
  resolution r;
  r.type = timex_type::set;
  if (!e.value.empty())
    r.value = e.value;
  else if (e.weekday)
    r.value = fmt::format("XXXX-WXX-{}{}", *e.weekday, clock_suffix(e));
  else if (e.month)
    r.value = fmt::format("XXXX-{:02}", *e.month);
  else if (!e.season.empty())
    r.value = "XXXX-" + std::string(e.season);
  else if (!e.part_of_day.empty())
    r.value = "XXXX-XX-XXT" + std::string(e.part_of_day);
  else
    r.value = duration_value(e);
  r.quant = e.quant;
  r.freq = e.freq;
  r.step = "set";
  return r;
}

// The resolution of each kind, built where the caller's result lies rather than assigned to
// it: a resolution is five strings, and assigning one cost a tenth of the resolving.
resolution resolve_kind(const expression& e, const resolve_context& c) {
  switch (e.kind) {
    case expr_kind::date:
      if (e.dir == direction::week_of) return week_of(resolve_date(e, c));
      return resolve_date(e, c);
    case expr_kind::weekday:
      return resolve_weekday(e, c);
    case expr_kind::relative:
      return resolve_relative(e, c, false);
    case expr_kind::anaphor:
      return resolve_relative(e, c, true);
    case expr_kind::quarter:
    case expr_kind::half:
    case expr_kind::season:
      return resolve_period_of_year(e, c);
    case expr_kind::holiday:
      return resolve_holiday(e, c);
    case expr_kind::time:
      return resolve_time(e, c);
    case expr_kind::decade:
      return resolve_decade(e, c);
    case expr_kind::century:
      return resolve_century(e);
    case expr_kind::fiscal:
      return resolve_fiscal(e);
    case expr_kind::ref: {
      resolution r = unresolved(std::string(e.value));
      r.step = "reference";
      return r;
    }
    case expr_kind::duration:
      return resolve_duration(e, c);
    case expr_kind::set:
      return resolve_set(e);
    case expr_kind::modifier:
      return unresolved("");
  }
  return resolution{};
}

}  // namespace

resolution resolve(const expression& e, const resolve_context& c) {
  resolution r = resolve_kind(e, c);
  if (!e.type.empty() && e.kind != expr_kind::modifier) {  // most patterns give no type= of their own
    if (const auto type = timex_type_from_string(e.type)) r.type = *type;
  }
  return r;
}

}  // namespace chronicle::detail
