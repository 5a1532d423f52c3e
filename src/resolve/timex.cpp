// Names and ISO forms of the public timex types.
#include "chronicle/timex.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "resolve/calendar.hpp"

namespace chronicle {
namespace {

constexpr std::array<std::string_view, 11> granularity_names = {
    "century", "decade", "year", "season", "quarter", "month",
    "week",    "day",    "hour", "minute", "second"};

}  // namespace

std::string_view to_string(timex_type type) {
  switch (type) {
    case timex_type::date: return "DATE";
    case timex_type::time: return "TIME";
    case timex_type::duration: return "DURATION";
    case timex_type::set: return "SET";
  }
  return "DATE";
}

std::optional<timex_type> timex_type_from_string(std::string_view name) {
  for (const auto type : {timex_type::date, timex_type::time, timex_type::duration, timex_type::set}) {
    if (to_string(type) == name) return type;
  }
  return std::nullopt;
}

std::string_view to_string(granularity grain) {
  return granularity_names[static_cast<std::size_t>(grain)];
}

std::string_view to_string(anchor_kind kind) {
  switch (kind) {
    case anchor_kind::absolute: return "absolute";
    case anchor_kind::dct: return "dct";
    case anchor_kind::narrative: return "narrative";
    case anchor_kind::event: return "event";
  }
  return "absolute";
}

std::optional<granularity> granularity_from_string(std::string_view name) {
  for (std::size_t i = 0; i < granularity_names.size(); ++i) {
    if (granularity_names[i] == name) return static_cast<granularity>(i);
  }
  return std::nullopt;
}

std::optional<date::sys_days> parse_iso_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto number = [&](std::size_t at, std::size_t n, auto& out) {
    const auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + n, out);
    return ec == std::errc{} && end == text.data() + at + n;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd};
}

std::string iso_day(date::sys_days day) {
  const date::year_month_day ymd{day};
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month());
  const auto d = static_cast<unsigned>(ymd.day());
  // Timelines write several days an event: the common case is written digit by digit.
  if (y >= 0 && y <= 9999) {
    char out[10] = {0, 0, 0, 0, '-', 0, 0, '-'};
    detail::put_digits(out, static_cast<unsigned>(y), 4);
    detail::put_digits(out + 5, m, 2);
    detail::put_digits(out + 8, d, 2);
    return {out, 10};
  }
  return fmt::format("{:+05}-{:02}-{:02}", y, m, d);
}

}  // namespace chronicle
