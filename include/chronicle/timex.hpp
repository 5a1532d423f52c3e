#pragma once
// A TIMEX3 time expression found in a text and resolved to a value.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace chronicle {

enum class timex_type { date, time, duration, set };
enum class granularity { century, decade, year, season, quarter, month, week, day, hour, minute, second };
// How a value was reached: from the expression alone, from the publication date (DCT), from
// the story's running date, or from another event.
enum class anchor_kind { absolute, dct, narrative, event };

struct timex {
  std::size_t begin = 0;  // byte offsets into the tagged text
  std::size_t end = 0;
  std::string text;
  timex_type type = timex_type::date;
  std::string value;  // TIMEX3 value, e.g. "2020-06-26", "P3Y", "PAST_REF"
  std::string mod;    // TIMEX3 mod (START, APPROX, ...) or empty
  std::string quant;  // SET only: EVERY, ...
  std::string freq;   // SET only: 2X, ...
  // The calendar days the value covers, inclusive; absent for durations, sets, *_REF and
  // open interval ends.
  std::optional<date::sys_days> first_day;
  std::optional<date::sys_days> last_day;
  std::optional<granularity> grain;
  anchor_kind anchor = anchor_kind::absolute;
  // The recognition rule and resolution step, e.g. "weekday/past", if tag_options::explain.
  std::string rule;
  std::string anchor_ref;  // the value it was resolved against, if any
};

std::string_view to_string(timex_type type);
// "DATE" -> timex_type::date, as to_string writes it; nullopt for anything else.
std::optional<timex_type> timex_type_from_string(std::string_view name);
std::string_view to_string(granularity grain);
std::string_view to_string(anchor_kind kind);
std::optional<granularity> granularity_from_string(std::string_view name);

// "2020-06-26" to a day; nullopt unless it is a real calendar date.
std::optional<date::sys_days> parse_iso_day(std::string_view text);
// A day as "2020-06-26" (years outside 0..9999 are written with a sign, as ISO 8601 expands).
std::string iso_day(date::sys_days day);

}  // namespace chronicle
