// Merging timelines: same-event decisions on near misses, dates, conflicts, diff, and the
// properties every merge keeps (nothing lost, order-free, associative, self-merge stable).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "chronicle/error.hpp"
#include "chronicle/io.hpp"
#include "chronicle/merge.hpp"

using namespace chronicle;

namespace {

struct article {
  std::string id;
  std::string dct;
  std::string text;
};

timeline timeline_of(const article& a) {
  return extract(parse_document(a.text, a.id + ".txt"), tagger::english(),
                 {parse_iso_day(a.dct), text_mode::news});
}

std::vector<timeline> timelines_of(const std::vector<article>& articles) {
  std::vector<timeline> timelines;
  for (const auto& a : articles) timelines.push_back(timeline_of(a));
  return timelines;
}

// "2020-06-26 [a b] | ..." — each merged event's date and sources, then its conflicts.
std::string printed(const timeline& t) {
  std::string out;
  for (const auto& e : t.events) {
    if (!out.empty()) out += " | ";
    out += e.when.value + " [";
    for (std::size_t i = 0; i < e.sources.size(); ++i) out += (i ? " " : "") + e.sources[i];
    out += "]";
    for (const auto& c : e.conflicts) out += " conflict: " + c;
  }
  return out;
}

std::size_t reports_in(const timeline& t) {
  std::size_t n = 0;
  for (const auto& e : t.events) n += e.merged_from.empty() ? 1 : e.merged_from.size();
  return n;
}

}  // namespace

TEST_CASE("merge joins reports of one happening and keeps near misses apart") {
  struct row {
    std::vector<article> articles;
    std::string expected;
  };
  const row rows[] = {
      // The same call, reported on two days: "last Friday" from a Monday, "on Friday" from a Saturday.
      {{{"a", "2020-06-27", "Putin and Macron called for a ceasefire in Libya on Friday."},
        {"b", "2020-06-29", "Putin and Macron called last Friday for a ceasefire in Libya."}},
       "2020-06-26 [a b]"},
      // Same day, same people, different statements: two events.
      {{{"a", "2020-06-27", "Putin and Macron called for a ceasefire in Libya on Friday."},
        {"b", "2020-06-27", "Putin and Macron discussed Syria and Ukraine on Friday."}},
       "2020-06-26 [a] | 2020-06-26 [b]"},
      // A month and a day inside it: one event, known to the day.
      {{{"a", "2020-06-27", "Shares of the carmaker tumbled last month after the recall."},
        {"b", "2020-06-27", "Shares of the carmaker tumbled on May 9 after the recall was announced."}},
       "2020-05-09 [a b]"},
      // Alike words but dates that cannot both hold: different events unless clearly the same...
      {{{"a", "2020-06-27", "The bank raised rates on Tuesday."},
        {"b", "2020-06-27", "Stocks fell on Wednesday."}},
       "2020-06-23 [a] | 2020-06-24 [b]"},
      // ...and when clearly the same, one event with the conflict in plain sight.
      {{{"a", "2020-06-27",
         "The central bank raised its benchmark interest rate by half a point on Tuesday."},
        {"b", "2020-06-27",
         "The central bank raised its benchmark interest rate by half a point on Wednesday."}},
       "2020-06-23 [a b] conflict: a gives 2020-06-23, b gives 2020-06-24"},
      // In stories about one phone maker, "phone" and "maker" are in every other report: a
      // month and a day inside it sharing only them are two happenings.
      {{{"a", "2020-07-20",
         "The phone maker confirmed in July that its design chief had left. The phone maker sold "
         "more phones in 2019. The phone maker opened a store in 2018."},
        {"b", "2020-07-20",
         "The phone maker answered criticism of the antenna on July 16. The phone maker hired "
         "engineers in 2017. A rival phone maker grew in 2016."}},
       "2016 [b] | 2017 [b] | 2018 [a] | 2019 [a] | 2020-07 [a] | 2020-07-16 [b]"},
      // The same words years apart: an event that recurs, not one told two ways.
      {{{"a", "2015-06-09",
         "Jobs gave the opening keynote of the developers conference at Moscone Center on June 8, 2015."},
        {"b", "2020-06-23",
         "Jobs gave the opening keynote of the developers conference at Moscone Center on June 22, 2020."}},
       "2015-06-08 [a] | 2020-06-22 [b]"},
      // Nothing in common: nothing joined.
      {{{"a", "2020-06-27", "Floods hit the coast on Friday."},
        {"b", "2020-06-27", "The parliament passed a budget on Friday."}},
       "2020-06-26 [a] | 2020-06-26 [b]"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.expected);
    CHECK(printed(merge(timelines_of(r.articles))) == r.expected);
  }
}

TEST_CASE("merge refuses two different sources with one id") {
  const timeline a = timeline_of({"same", "2020-06-27", "It rained on Friday."});
  timeline b = timeline_of({"same", "2020-06-27", "It snowed on Friday."});
  b.sources.front().path = "other/same.txt";
  CHECK_THROWS_WITH_AS(merge({a, b}),
                       "two different sources share the id 'same' (same.txt, other/same.txt); rename one of the files",
                       error);
}

TEST_CASE("merge properties hold over generated timelines") {
  const std::vector<std::string> subjects = {"The union", "The central bank", "Rebel forces",
                                             "The minister", "Shareholders"};
  const std::vector<std::string> actions = {
      "called a strike", "raised interest rates", "captured the airport", "resigned from office",
      "approved the merger"};
  const std::vector<std::string> when = {"on Friday", "on Thursday", "last month", "on June 3",
                                         "in early June", "recently"};
  std::mt19937 random(20200626);  // fixed: the same timelines every run
  auto pick = [&](const std::vector<std::string>& v) { return v[random() % v.size()]; };
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<timeline> inputs;
    for (int source = 0; source < 3; ++source) {
      std::string text;
      for (int sentence = 0; sentence < 5; ++sentence) {
        text += pick(subjects) + " " + pick(actions) + " " + pick(when) + ". ";
      }
      inputs.push_back(timeline_of({"s" + std::to_string(trial) + "-" + std::to_string(source),
                                    "2020-06-2" + std::to_string(6 + source), text}));
    }
    CAPTURE(to_yaml(inputs[0]));
    const timeline all = merge(inputs);
    const std::string bytes = to_yaml(all);

    std::size_t input_reports = 0;
    for (const auto& t : inputs) input_reports += reports_in(t);
    CHECK(reports_in(all) == input_reports);  // no report is lost

    std::vector<timeline> reversed(inputs.rbegin(), inputs.rend());
    CHECK(to_yaml(merge(reversed)) == bytes);  // order of inputs does not matter
    std::swap(inputs[0], inputs[1]);
    CHECK(to_yaml(merge(inputs)) == bytes);

    CHECK(to_yaml(merge({merge({inputs[0], inputs[1]}), inputs[2]})) == bytes);  // associative
    CHECK(to_yaml(merge({inputs[0], merge({inputs[1], inputs[2]})})) == bytes);
    CHECK(to_yaml(merge({all})) == bytes);            // merging again changes nothing
    CHECK(to_yaml(merge({all, all})) == bytes);       // nor does merging with itself
    CHECK(to_yaml(merge({inputs[0], inputs[0]})) == to_yaml(merge({inputs[0]})));
    CHECK(to_yaml(timeline_from_yaml(bytes, "m.yaml")) == bytes);  // the YAML keeps it all
  }
}

TEST_CASE("diff says what a new source changed") {
  const article a{"a", "2020-06-27", "Shares of the carmaker tumbled last month after the recall."};
  const article b{"b", "2020-06-27", "Shares of the carmaker tumbled on May 9 after the recall was announced. Floods hit the coast on Friday."};
  const timeline older = merge({timeline_of(a)});
  const timeline newer = merge({timeline_of(a), timeline_of(b)});
  CHECK(diff(older, newer) ==
        "date refined: 2020-05 -> 2020-05-09 \"Shares of the carmaker tumbled on May 9 after the recall was announced.\"\n"
        "source added: b to 2020-05-09 \"Shares of the carmaker tumbled on May 9 after the recall was announced.\"\n"
        "added: 2020-06-26 \"Floods hit the coast on Friday.\"\n");
  CHECK(diff(newer, newer) == "");
  CHECK(diff(newer, older).starts_with("date changed: 2020-05-09 -> 2020-05"));
}

// Found by fuzz/merge_fuzz: a hand-written event with two pieces of evidence, or none, made a
// merged event whose reports and evidence no longer paired up, so it could not be read back.
TEST_CASE("merge pairs every report with one evidence, whatever the input holds") {
  timeline t = timeline_of({"a", "2020-06-27", "Shares of the carmaker tumbled on Friday."});
  REQUIRE(t.events.size() == 1);
  event twice = t.events.front();
  evidence second = twice.evidence.front();
  second.begin = 0;
  second.end = 6;
  twice.evidence.push_back(second);
  event bare = t.events.front();
  bare.text = "Floods hit the coast.";
  bare.evidence.clear();
  t.events = {twice, bare};
  const timeline merged = merge({t});
  for (const auto& e : merged.events) CHECK(e.merged_from.size() == e.evidence.size());
  const std::string yaml = to_yaml(merged);
  CHECK(to_yaml(timeline_from_yaml(yaml, "m.yaml")) == yaml);
  CHECK(to_yaml(merge({merged})) == yaml);
  CHECK(reports_in(merged) == 3);
}

// Found by fuzz/merge_fuzz (10-minute run): two inputs holding one report with different
// details made the merged timeline depend on which input came first.
TEST_CASE("merge is order-free when inputs hold one report with different details") {
  const timeline a = timeline_of({"a", "2020-06-27", "Shares of the carmaker tumbled on Friday."});
  timeline b = a;
  REQUIRE(!b.events.empty());
  b.events.front().evidence.front().anchor.rule = "another rule";
  CHECK(to_yaml(merge({a, b})) == to_yaml(merge({b, a})));
}
