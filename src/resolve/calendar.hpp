#pragma once
// Calendar arithmetic on the date library's types: periods, shifts, weekdays, holidays.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <date/date.h>

#include "chronicle/timex.hpp"

namespace chronicle::detail {

// The TIMEX3 value naming the period of `grain` that contains `day`: 2020-06-26 at month
// granularity is "2020-06", at week "2020-W26", at decade "202".
std::string period_value(date::sys_days day, granularity grain);

// First and last day of that period, inclusive.
std::pair<date::sys_days, date::sys_days> period_days(date::sys_days day, granularity grain);

// `day` moved by `count` units ("month", "week", ...); month and year shifts clamp to the
// month's last day (January 31 + 1 month = February 28/29).
std::optional<date::sys_days> shift(date::sys_days day, std::string_view unit, long count);

std::optional<granularity> unit_granularity(std::string_view unit);

// The nearest `target` weekday on or before `day` (past), or on or after it (future).
date::sys_days weekday_on_or_before(date::sys_days day, date::weekday target);
date::sys_days weekday_on_or_after(date::sys_days day, date::weekday target);

// A holiday rule from the language pack ("fixed 12 25", "nth 11 4 4", "easter -2") in a year.
std::optional<date::sys_days> holiday_in(date::year year, std::string_view rule);

// Days of the quarter, half or season of a year. Winter is the one that starts in December.
std::pair<date::sys_days, date::sys_days> quarter_days(date::year year, unsigned quarter);
std::pair<date::sys_days, date::sys_days> half_days(date::year year, unsigned half);
std::optional<std::pair<date::sys_days, date::sys_days>> season_days(date::year year,
                                                                    std::string_view season);

// "2020" for the year 2020; four digits, sign for years outside 0..9999.
std::string year_string(date::year year);

// Writes `value` as its last `width` decimal digits, zero-padded ("07"). Every timex writes
// calendar numbers, and even a compiled fmt format into a string costs ten times as much.
constexpr void put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
}

}  // namespace chronicle::detail
