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
      "\n## Not on the calendar\n\n"
      "- **in the past** (PAST_REF) — Recently. [^a]\n"
      "\n## Sources\n\n"
      "[^a]: A story, a.txt, published 2020-06-27\n";
  CHECK(render_markdown(t) == expected);
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
