#include "resolve/calendar.hpp"

#include <charconv>
#include <vector>

#include <date/iso_week.h>
#include <fmt/format.h>

namespace chronicle::detail {

using namespace date;

std::string year_string(year y) {
  const int v = static_cast<int>(y);
  if (v >= 0 && v <= 9999) {
    char out[4];
    put_digits(out, static_cast<unsigned>(v), 4);
    return {out, 4};
  }
  // Recognition writes "490 BC" as year -490; TIMEX3 (after TIMEX2) spells it BC0490.
  if (v < 0 && v >= -9999) return fmt::format("BC{:04}", -v);
  return fmt::format("{:+05}", v);
}

std::string period_value(sys_days day, granularity grain) {
  const year_month_day ymd{day};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  switch (grain) {
    case granularity::century: return fmt::format("{:02}", y / 100);
    case granularity::decade: return fmt::format("{:03}", y / 10);
    case granularity::year: return year_string(ymd.year());
    case granularity::season: {
      // December belongs to the next year's winter.
      static constexpr std::string_view names[] = {"WI", "WI", "SP", "SP", "SP", "SU",
                                                   "SU", "SU", "FA", "FA", "FA", "WI"};
      const year season_year = m == 12 ? ymd.year() + years{1} : ymd.year();
      return year_string(season_year) + "-" + std::string(names[m - 1]);
    }
    case granularity::quarter: return fmt::format("{}-Q{}", year_string(ymd.year()), (m - 1) / 3 + 1);
    case granularity::month: {
      char month[3] = {'-'};
      put_digits(month + 1, m, 2);
      return year_string(ymd.year()).append(month, 3);
    }
    case granularity::week: {
      const iso_week::year_weeknum_weekday iso{day};
      char week[4] = {'-', 'W'};
      put_digits(week + 2, static_cast<unsigned>(iso.weeknum()), 2);
      return year_string(year{static_cast<int>(iso.year())}).append(week, 4);
    }
    case granularity::day:
    case granularity::hour:
    case granularity::minute:
    case granularity::second:
      return iso_day(day);
  }
  return iso_day(day);
}

std::pair<sys_days, sys_days> quarter_days(year y, unsigned quarter) {
  const month first{(quarter - 1) * 3 + 1};
  return {sys_days{y / first / 1}, sys_days{y / (first + months{2}) / last}};
}

std::pair<sys_days, sys_days> half_days(year y, unsigned half) {
  return half == 1 ? std::pair{sys_days{y / January / 1}, sys_days{y / June / 30}}
                   : std::pair{sys_days{y / July / 1}, sys_days{y / December / 31}};
}

std::optional<std::pair<sys_days, sys_days>> season_days(year y, std::string_view season) {
  // Meteorological seasons: the simplest convention that readers recognize.
  if (season == "SP") return std::pair{sys_days{y / March / 1}, sys_days{y / May / 31}};
  if (season == "SU") return std::pair{sys_days{y / June / 1}, sys_days{y / August / 31}};
  if (season == "FA") return std::pair{sys_days{y / September / 1}, sys_days{y / November / 30}};
  if (season == "WI") {
    return std::pair{sys_days{(y - years{1}) / December / 1}, sys_days{y / February / last}};
  }
  return std::nullopt;
}

std::pair<sys_days, sys_days> period_days(sys_days day, granularity grain) {
  const year_month_day ymd{day};
  const year y = ymd.year();
  switch (grain) {
    case granularity::century: {
      const int first = static_cast<int>(y) / 100 * 100;
      return {sys_days{year{first} / 1 / 1}, sys_days{year{first + 99} / 12 / 31}};
    }
    case granularity::decade: {
      const int first = static_cast<int>(y) / 10 * 10;
      return {sys_days{year{first} / 1 / 1}, sys_days{year{first + 9} / 12 / 31}};
    }
    case granularity::year: return {sys_days{y / 1 / 1}, sys_days{y / 12 / 31}};
    case granularity::season: {
      const unsigned m = static_cast<unsigned>(ymd.month());
      const std::string value = period_value(day, granularity::season);
      const year season_year = m == 12 ? y + years{1} : y;
      return *season_days(season_year, std::string_view(value).substr(value.size() - 2));
    }
    case granularity::quarter:
      return quarter_days(y, (static_cast<unsigned>(ymd.month()) - 1) / 3 + 1);
    case granularity::month: return {sys_days{y / ymd.month() / 1}, sys_days{y / ymd.month() / last}};
    case granularity::week: {
      const sys_days monday = weekday_on_or_before(day, Monday);
      return {monday, monday + days{6}};
    }
    default: return {day, day};
  }
}

std::optional<granularity> unit_granularity(std::string_view unit) {
  if (unit == "weekend" || unit == "fortnight") return granularity::week;
  return granularity_from_string(unit);
}

std::optional<sys_days> shift(sys_days day, std::string_view unit, long count) {
  auto by_months = [&](long n) -> std::optional<sys_days> {
    // date::year holds a short: a shift past the years we write would wrap around, so it is
    // refused before the date library sees it.
    constexpr long most_months = 12L * 20000;
    if (n > most_months || n < -most_months) return std::nullopt;
    const year_month_day ymd{day};
    const year_month shifted = year_month{ymd.year(), ymd.month()} + months{n};
    if (!shifted.ok() || std::abs(static_cast<int>(shifted.year())) > 9999) return std::nullopt;
    const year_month_day result = shifted / ymd.day();
    return result.ok() ? sys_days{result} : sys_days{shifted / last};
  };
  if (unit == "day") return day + days{count};
  if (unit == "week" || unit == "weekend") return day + weeks{count};
  if (unit == "fortnight") return day + weeks{2 * count};
  if (unit == "month") return by_months(count);
  if (unit == "quarter") return by_months(3 * count);
  if (unit == "season") return by_months(3 * count);
  if (unit == "year") return by_months(12 * count);
  if (unit == "decade") return by_months(120 * count);
  if (unit == "century") return by_months(1200 * count);
  if (unit == "hour" || unit == "minute" || unit == "second") return day;
  return std::nullopt;
}

sys_days weekday_on_or_before(sys_days day, weekday target) {
  return day - (weekday{day} - target);
}

sys_days weekday_on_or_after(sys_days day, weekday target) {
  return day + (target - weekday{day});
}

namespace {

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher) for Easter Sunday.
sys_days easter_sunday(year y) {
  const int Y = static_cast<int>(y);
  const int a = Y % 19, b = Y / 100, c = Y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int mon = (h + l - 7 * m + 114) / 31, dd = (h + l - 7 * m + 114) % 31 + 1;
  return sys_days{y / month{static_cast<unsigned>(mon)} / day{static_cast<unsigned>(dd)}};
}

std::vector<long> numbers_of(std::string_view text) {
  std::vector<long> numbers;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    long v = 0;
    const auto [end, ec] = std::from_chars(text.data() + start, text.data() + i, v);
    if (ec == std::errc{} && end == text.data() + i) numbers.push_back(v);
  }
  return numbers;
}

}  // namespace

std::optional<sys_days> holiday_in(year y, std::string_view rule) {
  const auto space = rule.find(' ');
  const std::string_view how = rule.substr(0, space);
  const auto n = numbers_of(space == std::string_view::npos ? "" : rule.substr(space + 1));
  if (how == "fixed" && n.size() == 2) {
    const year_month_day d{y, month{static_cast<unsigned>(n[0])}, day{static_cast<unsigned>(n[1])}};
    if (d.ok()) return sys_days{d};
  } else if (how == "nth" && n.size() == 3) {
    const month m{static_cast<unsigned>(n[0])};
    const weekday wd{static_cast<unsigned>(n[1] % 7)};
    if (!m.ok() || n[1] < 0 || n[1] > 7) return std::nullopt;  // a typo in the pack invents nothing
    if (n[2] < 0) return sys_days{y / m / wd[last]};
    const year_month_weekday d{y / m / wd[static_cast<unsigned>(n[2])]};
    if (d.ok()) return sys_days{d};
  } else if (how == "easter" && n.size() == 1) {
    return easter_sunday(y) + days{n[0]};
  }
  return std::nullopt;
}

}  // namespace chronicle::detail
