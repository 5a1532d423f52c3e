// The single-article timeline: which sentences become events, their dates and their order;
// and the YAML schema that carries them.
#include <doctest/doctest.h>

#include <string>

#include "chronicle/error.hpp"
#include "chronicle/io.hpp"
#include "chronicle/timeline.hpp"

using namespace chronicle;

namespace {

std::string printed_events(const timeline& t) {
  std::string out;
  for (const auto& e : t.events) {
    out += e.when.value + " " + e.when.start + ".." + e.when.end + " " + e.evidence.at(0).timex.text + "; ";
  }
  return out;
}

}  // namespace

TEST_CASE("extract dates sentences and orders them") {
  struct row {
    std::string text;
    std::string dct;
    std::string expected;
  };
  const row rows[] = {
      {"They met on Friday. On Thursday, talks failed.", "2020-06-27",
       "2020-06-25 2020-06-25..2020-06-25 Thursday; 2020-06-26 2020-06-26..2020-06-26 Friday; "},
      {"Prices rose last month. Prices fell on June 3.", "2020-06-27",
       "2020-05 2020-05-01..2020-05-31 last month; 2020-06-03 2020-06-03..2020-06-03 June 3; "},
      // Of two periods starting together, the one that ends first comes first.
      {"It ended in June. It began on June 1.", "2020-06-27",
       "2020-06-01 2020-06-01..2020-06-01 June 1; 2020-06 2020-06-01..2020-06-30 June; "},
      // Sentences without a date are not events; undated references go last.
      {"Nothing here. Recently it rained. In 1998 it snowed.", "2020-06-27",
       "1998 1998-01-01..1998-12-31 1998; PAST_REF .. Recently; "},
      // "early" and "late" narrow the period to its first or last third.
      {"It happened in early June. It ends late this year.", "2020-06-27",
       "2020-06 2020-06-01..2020-06-10 early June; 2020 2020-09-01..2020-12-31 late this year; "},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    const document doc = parse_document(r.text, "a.txt");
    const timeline t = extract(doc, tagger::english(), {parse_iso_day(r.dct), text_mode::news});
    CHECK(printed_events(t) == r.expected);
  }
}

TEST_CASE("extract records where the publication date came from") {
  struct row {
    std::string text;
    std::string dct;  // the --dct argument, or empty
    std::string expected;
  };
  const row rows[] = {
      {"It rained on Friday.", "2020-06-27", "2020-06-27 argument"},
      {"---\npublished: 2020-06-27\n---\nIt rained on Friday.", "", "2020-06-27 metadata"},
      {"PARIS, June 29, 2020 - It rained on Monday.", "", "2020-06-29 text"},
      {"A photo from June 26, 2020. They spoke on Friday.", "", "2020-06-26 text"},
      {"It rained on Friday.", "", " unknown"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    const timeline t = extract(parse_document(r.text, "a.txt"), tagger::english(),
                               {r.dct.empty() ? std::nullopt : parse_iso_day(r.dct), text_mode::automatic});
    CHECK(t.sources.at(0).published + " " + t.sources.at(0).published_from == r.expected);
  }
}

TEST_CASE("a timeline read and written again keeps every byte") {
  const std::string article =
      "---\ntitle: \"Quotes \\\"and\\\" colons: here\"\nurl: https://example.org/a\n"
      "published: 2020-06-27\n---\nThey met on Friday. On Thursday, talks failed: \"no\".\n"
      "Prices rose last month. The plan runs until the end of the year.";
  const timeline first = extract(parse_document(article, "dir/a.txt"), tagger::english(), {});
  const std::string yaml = to_yaml(first);
  CHECK(yaml.starts_with("chronicle: 1\n"));
  const std::string again = to_yaml(timeline_from_yaml(yaml, "a.yaml"));
  CHECK(again == yaml);
}

TEST_CASE("titles, open interval ends, tense-dated events and warnings survive a round trip") {
  const std::string article =
      "They lost towns since early June. It lasts until Friday. Defeats came in recent weeks.\n\n"
      "Russia is neutral. They have met. They will meet. Troops retook Tarhuna on June 5, two days\n"
      "after they regained the airport. On June 2, two days later, they left.";
  const timeline first = extract(parse_document(article, "a.txt"), tagger::english(), {parse_iso_day("2020-06-29")});
  CHECK(!first.warnings.empty());
  const std::string yaml = to_yaml(first);
  CHECK(yaml.find("\nwarnings:\n  - \"") != std::string::npos);
  CHECK(yaml.find("value: \"../2020-06-29\"") != std::string::npos);
  CHECK(yaml.find("title: \"Troops retook Tarhuna\"") != std::string::npos);
  CHECK(to_yaml(timeline_from_yaml(yaml, "a.yaml")) == yaml);
}

TEST_CASE("order_events: the calendar, then before, at and after publication, then undated") {
  auto make = [](std::string value, std::string start, std::string end, std::string text) {
    event e;
    e.when = when{std::move(value), std::move(start), std::move(end), "", ""};
    e.text = std::move(text);
    return e;
  };
  std::vector<event> events = {
      make("", "", "", "undated"),
      make("FUTURE_REF", "", "", "future"),
      make("2020-06-26", "2020-06-26", "2020-06-26", "day 26"),
      make("PAST_REF", "", "", "past"),
      make("2020-06", "2020-06-01", "2020-06-30", "June"),
      make("PRESENT_REF", "", "", "present"),
      make("../2020-06-26", "", "2020-06-26", "until 26"),
      make("2020-06-01/..", "2020-06-01", "", "from June 1 on"),
      make("2020-06-01", "2020-06-01", "2020-06-01", "June 1"),
      make("PRESENT_REF", "2020-06-29", "2020-06-29", "present at publication"),
  };
  order_events(events);
  std::string out;
  for (const auto& e : events) out += e.id + " " + e.text + "; ";
  CHECK(out ==
        "e1 June 1; e2 June; e3 from June 1 on; e4 until 26; e5 day 26; e6 present at publication; "
        "e7 past; e8 present; e9 future; e10 undated; ");
}

TEST_CASE("timeline_from_yaml says what is wrong and where") {
  struct row {
    std::string yaml;
    std::string expected_error;
  };
  const row rows[] = {
      {"", "a.yaml: empty file, not a timeline"},
      {"[1, 2]", "a.yaml:1:1: a timeline must be a mapping"},
      {"events: []", "a.yaml:1:1: not a chronicle timeline (no 'chronicle:' schema version)"},
      {"chronicle: 2\nevents: []", "a.yaml:1:12: unknown schema version '2' (this chronicle reads 1)"},
      {"chronicle: 1\nevents: {a: 1}", "a.yaml:2:9: field 'events' must be a list"},
      {"chronicle: 1\nevents:\n  - id: e1\n", "a.yaml:3:5: missing field 'when'"},
      {"chronicle: 1\nevents:\n  - when: {start: \"2021-02-30\"}\n",
       "a.yaml:3:11: '2021-02-30' is not a calendar date"},
      {"chronicle: 1\nevents:\n  - when: {}\n    evidence:\n      - span: [5, x]\n",
       "a.yaml:5:19: an offset must be a non-negative whole number, not 'x'"},
      {"chronicle: 1\nsources:\n  - title: no id\n", "a.yaml:3:5: missing field 'id'"},
      {"chronicle: 1\nevents: [\n", "a.yaml:3:1: end of sequence flow not found"},
      {"chronicle: 1\nevents:\n  - when: {value: [1]}\n", "a.yaml:3:19: field 'value' must be a single value"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.yaml);
    std::string message;
    try {
      timeline_from_yaml(r.yaml, "a.yaml");
    } catch (const error& e) {
      message = e.what();
    }
    CHECK(message == r.expected_error);
  }
}
