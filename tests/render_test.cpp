// The Markdown chronology.
#include <doctest/doctest.h>

#include <string>

#include "chronicle/render.hpp"

using namespace chronicle;

namespace {

event make_event(std::string value, std::string start, std::string end, std::string grain,
                 std::string text, std::string mod = "") {
  event e;
  e.when = when{std::move(value), std::move(start), std::move(end), std::move(grain), std::move(mod)};
  e.text = std::move(text);
  e.sources = {"a"};
  return e;
}

}  // namespace

TEST_CASE("render_markdown groups by year and month and puts undated events apart") {
  timeline t;
  t.sources.push_back(source{"a", "A story", "", "", "a.txt", "2020-06-27", "metadata"});
  t.events = {
      make_event("2019", "2019-01-01", "2019-12-31", "year", "Long ago."),
      make_event("2020-05", "2020-05-01", "2020-05-31", "month", "Last\nmonth."),
      make_event("2020-06-26", "2020-06-26", "2020-06-26", "day", "On Friday."),
      make_event("2020", "2020-09-08", "2020-12-31", "year", "Later.", "END"),
      make_event("PAST_REF", "", "", "", "Recently."),
  };
  const std::string expected =
      "# Chronology\n"
      "\n## 2019\n\n"
      "- **2019** (2019) — Long ago. [^a]\n"
      "\n## 2020\n\n"
      "### May 2020\n\n"
      "- **May 2020** (2020-05) — Last month. [^a]\n"
      "\n### June 2020\n\n"
      "- **Friday, June 26, 2020** (2020-06-26) — On Friday. [^a]\n"
      "- **late 2020** (2020) — Later. [^a]\n"
      "\n## Before publication, day unknown\n\n"
      "- **before publication** (PAST_REF) — Recently. [^a]\n"
      "\n## Sources\n\n"
      "[^a]: A story, a.txt, published 2020-06-27\n";
  CHECK(render_markdown(t) == expected);
}

TEST_CASE("render_markdown words intervals and places off-calendar events in their sections") {
  struct row {
    event e;
    std::string expected_line;  // the event's line, under its heading
  };
  event titled = make_event("2020-06-26", "2020-06-26", "2020-06-26", "day", "They met on Friday.");
  titled.title = "They met";
  const row rows[] = {
      {titled, "### June 2020\n\n- **Friday, June 26, 2020** (2020-06-26) — *They met*: They met on Friday. [^a]\n"},
      {make_event("2020-06-01/2020-06-29", "2020-06-01", "2020-06-29", "month", "Since June."),
       "- **from Monday, June 1, 2020 to Monday, June 29, 2020** (2020-06-01/2020-06-29) — Since June. [^a]\n"},
      {make_event("../2020-06-26", "", "2020-06-26", "week", "In recent weeks."),
       "### June 2020\n\n- **until Friday, June 26, 2020** (../2020-06-26) — In recent weeks. [^a]\n"},
      {make_event("2020-06-26/..", "2020-06-26", "", "month", "In the next months."),
       "## 2020\n\n- **from Friday, June 26, 2020 on** (2020-06-26/..) — In the next months. [^a]\n"},
      {make_event("PRESENT_REF", "2020-06-26", "2020-06-26", "day", "Russia backs Haftar."),
       "- **at publication, Friday, June 26, 2020** (PRESENT_REF) — Russia backs Haftar. [^a]\n"},
      {make_event("2020-FA", "2020-09-01", "2020-11-30", "season", "In the autumn."),
       "- **autumn 2020** (2020-FA) — In the autumn. [^a]\n"},
      {make_event("FUTURE_REF", "", "", "", "They will meet."),
       "## After publication, day unknown\n\n- **after publication** (FUTURE_REF) — They will meet. [^a]\n"},
      {make_event("PRESENT_REF", "", "", "", "It is."), "## At publication, day unknown\n\n"},
      {make_event("", "", "", "", "Something."), "## Undated\n\n- **undated** () — Something. [^a]\n"},
  };
  for (const auto& r : rows) {
    timeline t;
    t.sources.push_back(source{"a", "A story", "", "https://example.org/a", "a.txt", "2020-06-27", "metadata"});
    t.events = {r.e};
    const std::string out = render_markdown(t);
    CAPTURE(out);
    CHECK(out.find(r.expected_line) != std::string::npos);
    CHECK(out.find("[^a]: A story, https://example.org/a, published 2020-06-27\n") != std::string::npos);
  }
}

TEST_CASE("render_markdown lists warnings, and with mermaid a timeline block") {
  timeline t;
  t.sources.push_back(source{"a", "A story", "", "", "a.txt", "2020-06-27", "metadata"});
  event e = make_event("2020-06-26", "2020-06-26", "2020-06-26", "day", "They met: twice.");
  event f = make_event("2020-06-26", "2020-06-26", "2020-06-26", "day", "Talks failed.");
  f.title = "Talks failed; again";
  t.events = {e, f, make_event("PAST_REF", "", "", "", "Recently.")};
  t.warnings = {"e2 has two dates"};
  const std::string out = render_markdown(t, {.mermaid = true});
  CHECK(out.starts_with("# Chronology\n\n" + render_mermaid(t) + "\n## 2020\n"));
  CHECK(render_mermaid(t) ==
        "```mermaid\ntimeline\n    title Chronology\n    section 2020\n"
        "        2020-06-26 : They met, twice.\n"
        "               : Talks failed, again\n```\n");
  CHECK(out.find("## Warnings\n\n- e2 has two dates\n") != std::string::npos);
  CHECK(render_markdown(t, {}) == render_markdown(t));
}

TEST_CASE("render_jsonl escapes text and adds attributes only where they apply") {
  chronicle::timex t;
  t.begin = 3;
  t.end = 10;
  t.text = "say \"x\"\n";
  t.value = "2020";
  t.mod = "END";
  CHECK(render_jsonl({t}, "") ==
        "{\"start\":3,\"end\":10,\"text\":\"say \\\"x\\\"\\n\",\"type\":\"DATE\",\"value\":\"2020\",\"mod\":\"END\"}\n");
  t.mod.clear();
  CHECK(render_jsonl({t}, "f.txt").starts_with("{\"file\":\"f.txt\",\"start\":3"));
}
