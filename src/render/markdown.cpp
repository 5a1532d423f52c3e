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

std::string day_words(date::sys_days day) {
  const date::year_month_day ymd{day};
  return fmt::format("{}, {} {}, {}", weekday_names[date::weekday{day}.c_encoding()],
                     month_names[static_cast<unsigned>(ymd.month()) - 1], static_cast<unsigned>(ymd.day()),
                     static_cast<int>(ymd.year()));
}

// "Friday, June 26, 2020", "May 2020", "2020", "week 26 of 2020"; intervals ("2020-06-01/..")
// as "from ... to ...", "until ...", "from ... on".
std::string in_words(const when& w) {
  const auto start = parse_iso_day(w.start);
  std::string words;
  if (w.value.find('/') != std::string::npos) {
    const auto end = parse_iso_day(w.end);
    if (start && end) return "from " + day_words(*start) + " to " + day_words(*end);
    if (end) return "until " + day_words(*end);
    if (start) return "from " + day_words(*start) + " on";
  }
  if (w.value == "PRESENT_REF" && start) return "at publication, " + day_words(*start);
  if (!start) {
    if (w.value == "PAST_REF") return "before publication";
    if (w.value == "PRESENT_REF") return "at publication";
    if (w.value == "FUTURE_REF") return "after publication";
    if (w.value.empty()) return "undated";
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
  } else if (g == "season" && w.value.size() == 7) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> seasons = {
        {{"SP", "spring"}, {"SU", "summer"}, {"FA", "autumn"}, {"WI", "winter"}}};
    const auto code = std::string_view(w.value).substr(5);
    for (const auto& [c, name] : seasons) {
      if (c == code) words = fmt::format("{} {}", name, w.value.substr(0, 4));
    }
    if (words.empty()) words = w.value;
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

// Where an event stands outside the calendar: known only as before, at or after
// publication, or not dated at all.
std::string_view off_calendar_heading(const when& w) {
  if (w.value == "PAST_REF") return "## Before publication, day unknown";
  if (w.value == "PRESENT_REF") return "## At publication, day unknown";
  if (w.value == "FUTURE_REF") return "## After publication, day unknown";
  if (w.value.empty()) return "## Undated";
  return "## Not on the calendar";
}

std::string footnotes(const event& e) {
  std::string notes;
  for (const auto& s : e.sources) notes += fmt::format("[^{}]", s);
  return notes;
}

}  // namespace

std::string render_markdown(const timeline& t) { return render_markdown(t, markdown_options{}); }

std::string render_mermaid(const timeline& t) {
  // Mermaid splits a timeline line at colons and ends statements at semicolons or "#".
  auto clean = [](std::string_view text) {
    std::string out = one_line(text);
    for (char& c : out) {
      if (c == ':' || c == ';' || c == '#') c = ',';
    }
    return out;
  };
  std::string out = "```mermaid\ntimeline\n    title Chronology\n";
  std::string year;
  std::string period;
  for (const event& e : t.events) {
    const std::string& first = !e.when.start.empty() ? e.when.start : e.when.end;
    if (first.empty()) continue;
    if (first.substr(0, 4) != year) {
      year = first.substr(0, 4);
      out += "    section " + year + "\n";
      period.clear();
    }
    const std::string label = clean(e.title.empty() ? e.text.substr(0, 60) : e.title);
    if (e.when.value == period) {
      out += "               : " + label + "\n";
      continue;
    }
    period = e.when.value;
    out += "        " + clean(e.when.value) + " : " + label + "\n";
  }
  return out + "```\n";
}

std::string render_markdown(const timeline& t, const markdown_options& options) {
  std::string out = "# Chronology\n";
  if (options.mermaid) out += "\n" + render_mermaid(t);
  auto heading = [&out](const std::string& text) {
    out += (out.ends_with("\n\n") ? "" : "\n") + text + "\n\n";
  };
  std::string year;
  std::string month;
  std::string_view off_heading;
  for (const event& e : t.events) {
    std::string line = fmt::format("- **{}** ({}) — {}{} {}", in_words(e.when), e.when.value,
                                   e.title.empty() ? "" : "*" + one_line(e.title) + "*: ", one_line(e.text),
                                   footnotes(e));
    if (e.agreement > 1) line += fmt::format(" *({} sources)*", e.agreement);
    line += "\n";
    for (const auto& c : e.conflicts) line += "  - conflict: " + c + "\n";
    if (e.when.start.empty() && e.when.end.empty()) {
      if (off_calendar_heading(e.when) != off_heading) heading(std::string(off_calendar_heading(e.when)));
      off_heading = off_calendar_heading(e.when);
      out += line;
      continue;
    }
    // An interval open at its start stands where it ends, as order_events places it.
    const std::string& first = e.when.start.empty() ? e.when.end : e.when.start;
    // A day is YYYY-MM-DD, or beyond the years 0 to 9999 a sign and more digits for the year
    // ("+10000-01-03"): the year is what comes before the last six characters.
    auto cut = [](const std::string& day, std::size_t tail) {
      return day.size() >= 10 ? day.substr(0, day.size() - tail) : std::string();
    };
    const std::string this_year = cut(first, 6);
    // Events inside one month are listed under it; longer periods stand under their year.
    const std::string this_month = cut(first, 3) == cut(e.when.end, 3) ? cut(first, 3) : "";
    if (this_year != year) {
      heading("## " + this_year);
      year = this_year;
      month.clear();
    }
    if (this_month != month && !this_month.empty()) {
      const auto m = static_cast<std::size_t>(std::stoi(this_month.substr(this_month.size() - 2)));
      heading(fmt::format("### {} {}", month_names[m - 1], this_year));
    }
    month = this_month;
    out += line;
  }
  if (!t.warnings.empty()) heading("## Warnings");
  for (const auto& w : t.warnings) out += "- " + one_line(w) + "\n";
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
