// A chronology for people: years and months as headings, one line per event, sources as
// footnotes.
#include "chronicle/render.hpp"

#include <array>

#include <fmt/format.h>

namespace chronicle {
namespace {

constexpr std::array<std::string_view, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> weekday_names = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string_view mod_words(std::string_view mod) {
  if (mod == "START") return "early ";
  if (mod == "MID") return "mid-";
  if (mod == "END") return "late ";
  if (mod == "APPROX") return "about ";
  if (mod == "BEFORE" || mod == "LESS_THAN") return "before ";
  if (mod == "AFTER" || mod == "MORE_THAN") return "after ";
  return "";
}

// "Friday, June 26, 2020", "May 2020", "2020", "week 26 of 2020".
std::string in_words(const when& w) {
  const auto start = parse_iso_day(w.start);
  std::string words;
  if (!start) {
    if (w.value == "PAST_REF") return "in the past";
    if (w.value == "PRESENT_REF") return "now";
    if (w.value == "FUTURE_REF") return "in the future";
    return w.value;
  }
  const date::year_month_day ymd{*start};
  const auto year = static_cast<int>(ymd.year());
  const auto month = month_names[static_cast<unsigned>(ymd.month()) - 1];
  const std::string& g = w.granularity;
  if (g == "day" || g == "hour" || g == "minute" || g == "second") {
    words = fmt::format("{}, {} {}, {}", weekday_names[date::weekday{*start}.c_encoding()], month,
                        static_cast<unsigned>(ymd.day()), year);
  } else if (g == "month") {
    words = fmt::format("{} {}", month, year);
  } else if (g == "week") {
    words = fmt::format("the week of {} {}, {}", month, static_cast<unsigned>(ymd.day()), year);
  } else if (g == "decade") {
    words = fmt::format("the {}s", year);
  } else if (g == "century") {
    words = fmt::format("the {}s", year);
  } else if (g == "year") {
    words = fmt::format("{}", year);
  } else {
    words = fmt::format("{} (from {} {})", w.value, month, year);
  }
  return std::string(mod_words(w.mod)) + words;
}

std::string one_line(std::string_view text) {
  std::string line;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  return line;
}

std::string footnotes(const event& e) {
  std::string notes;
  for (const auto& s : e.sources) notes += fmt::format("[^{}]", s);
  return notes;
}

}  // namespace

std::string render_markdown(const timeline& t) {
  std::string out = "# Chronology\n";
  auto heading = [&out](const std::string& text) {
    out += (out.ends_with("\n\n") ? "" : "\n") + text + "\n\n";
  };
  std::string year;
  std::string month;
  bool undated_heading = false;
  for (const event& e : t.events) {
    std::string line = fmt::format("- **{}** ({}) — {} {}", in_words(e.when), e.when.value,
                                   one_line(e.text), footnotes(e));
    if (e.agreement > 1) line += fmt::format(" *({} sources)*", e.agreement);
    line += "\n";
    for (const auto& c : e.conflicts) line += "  - conflict: " + c + "\n";
    if (e.when.start.empty()) {
      if (!undated_heading) heading("## Not on the calendar");
      undated_heading = true;
      out += line;
      continue;
    }
    const std::string this_year = e.when.start.substr(0, 4);
    // Events inside one month are listed under it; longer periods stand under their year.
    const std::string this_month =
        e.when.start.substr(0, 7) == e.when.end.substr(0, 7) ? e.when.start.substr(0, 7) : "";
    if (this_year != year) {
      heading("## " + this_year);
      year = this_year;
      month.clear();
    }
    if (this_month != month && !this_month.empty()) {
      const auto m = static_cast<std::size_t>(std::stoi(this_month.substr(5, 2)));
      heading(fmt::format("### {} {}", month_names[m - 1], this_year));
    }
    month = this_month;
    out += line;
  }
  if (!t.sources.empty()) heading("## Sources");
  for (const auto& s : t.sources) {
    const std::string& where = !s.url.empty() ? s.url : s.path;
    out += fmt::format("[^{}]: {}{}{}\n", s.id, s.title.empty() ? s.id : s.title,
                       where.empty() ? "" : ", " + where,
                       s.published.empty() ? "" : ", published " + s.published);
  }
  return out;
}

}  // namespace chronicle
