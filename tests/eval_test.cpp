#include "chronicle/eval.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "chronicle/error.hpp"
#include "chronicle/timeml.hpp"
#include "eval/score.hpp"

// Inside the namespace: glibc's <sys/timex.h> declares a ::timex of its own.
namespace chronicle {
namespace {

// An annotation given by its words; `nth` picks among repeated phrases.
struct mark {
  std::string_view phrase;
  std::string type;
  std::string value;
  std::size_t nth = 0;
};

std::size_t offset_of(std::string_view text, const mark& m) {
  auto at = text.find(m.phrase);
  for (std::size_t i = 0; i < m.nth; ++i) at = text.find(m.phrase, at + 1);
  REQUIRE(at != std::string_view::npos);
  return at;
}

timeml_document gold_document(std::string text, const std::vector<mark>& marks) {
  timeml_document doc;
  doc.path = "g.tml";
  doc.text = std::move(text);
  for (const auto& m : marks) {
    const auto at = offset_of(doc.text, m);
    doc.timexes.push_back({at, at + m.phrase.size(), "", m.type, m.value, ""});
  }
  return doc;
}

timex_type type_named(std::string_view name) {
  if (name == "TIME") return timex_type::time;
  if (name == "DURATION") return timex_type::duration;
  if (name == "SET") return timex_type::set;
  return timex_type::date;
}

std::vector<timex> system_timexes(std::string_view text, const std::vector<mark>& marks) {
  std::vector<timex> out;
  for (const auto& m : marks) {
    timex x;
    x.begin = offset_of(text, m);
    x.end = x.begin + m.phrase.size();
    x.type = type_named(m.type);
    x.value = m.value;
    out.push_back(x);
  }
  return out;
}

std::string kinds(const std::vector<eval_error>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : " ") + e.kind + ":" + e.text;
  return out;
}

TEST_CASE("score_document: TempEval-3 counts on tokens") {
  struct row {
    std::string name;
    std::string text;
    std::vector<mark> gold, system;
    eval_counts expected;  // gold, system, strict, relaxed, value, type
    std::string errors;
  };
  const row rows[] = {
      {"identical",
       "He left on March 3, 1998 and came back.",
       {{"March 3, 1998", "DATE", "1998-03-03"}},
       {{"March 3, 1998", "DATE", "1998-03-03"}},
       {1, 1, 1, 1, 1, 1},
       ""},
      {"same tokens, different characters: still strict",
       "It was built in 1998.",
       {{"1998", "DATE", "1998"}},
       {{"1998.", "DATE", "1998"}},
       {1, 1, 1, 1, 1, 1},
       ""},
      {"overlap only: relaxed, span error",
       "He left on March 3, 1998 and came back.",
       {{"March 3, 1998", "DATE", "1998-03-03"}},
       {{"March 3", "DATE", "1998-03-03"}},
       {1, 1, 0, 1, 1, 1},
       "span:March 3, 1998"},
      {"missed and spurious",
       "On Monday, the week ended.",
       {{"Monday", "DATE", "2020-06-22"}},
       {{"the week", "DURATION", "P1W"}},
       {1, 1, 0, 0, 0, 0},
       "missed:Monday spurious:the week"},
      {"wrong value",
       "On Monday it rained.",
       {{"Monday", "DATE", "2020-06-22"}},
       {{"Monday", "DATE", "2020-06-29"}},
       {1, 1, 1, 1, 0, 1},
       "value:Monday"},
      {"wrong type",
       "For two days it rained.",
       {{"two days", "DURATION", "P2D"}},
       {{"two days", "DATE", "P2D"}},
       {1, 1, 1, 1, 1, 0},
       "type:two days"},
      {"one system timex pairs with one gold only",
       "Monday and Tuesday were wet.",
       {{"Monday", "DATE", "2020-06-22"}, {"Tuesday", "DATE", "2020-06-23"}},
       {{"Monday and Tuesday", "DATE", "2020-06-22"}},
       {2, 1, 0, 1, 1, 1},
       "span:Monday missed:Tuesday"},
      {"a strict partner is kept for the gold it matches exactly",
       "It rained the week of Friday again.",
       {{"the week of Friday", "DATE", "2020-W26"}, {"the week", "DURATION", "P1W"}},
       {{"the week", "DURATION", "P1W"}, {"of Friday", "DATE", "2020-W26"}},
       {2, 2, 1, 2, 2, 2},
       "span:the week of Friday"},
      {"repeated phrase: each gold its own system timex",
       "Friday, and Friday again.",
       {{"Friday", "DATE", "2020-06-26"}, {"Friday", "DATE", "2020-06-26", 1}},
       {{"Friday", "DATE", "2020-06-26", 1}, {"Friday", "DATE", "2020-06-19"}},
       {2, 2, 2, 2, 1, 2},
       "value:Friday"},
      {"nothing at all", "No dates here.", {}, {}, {0, 0, 0, 0, 0, 0}, ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const auto gold = gold_document(r.text, r.gold);
    std::vector<eval_error> errors;
    const auto got = detail::score_document(gold, system_timexes(r.text, r.system), &errors);
    CHECK(got.gold == r.expected.gold);
    CHECK(got.system == r.expected.system);
    CHECK(got.strict_matches == r.expected.strict_matches);
    CHECK(got.relaxed_matches == r.expected.relaxed_matches);
    CHECK(got.value_matches == r.expected.value_matches);
    CHECK(got.type_matches == r.expected.type_matches);
    CHECK(kinds(errors) == r.errors);
    // Without an error list the counts are the same.
    CHECK(detail::score_document(gold, system_timexes(r.text, r.system), nullptr).relaxed_matches ==
          r.expected.relaxed_matches);
  }
}

TEST_CASE("score_document: error fields") {
  const std::string text =
      "The first part of the story is long enough to be cut.\nOn Monday\tit rained, "
      "and it went on raining for a long while after that.";
  const auto gold = gold_document(text, {{"Monday", "DATE", "2020-06-22"}});
  std::vector<eval_error> errors;
  detail::score_document(gold, system_timexes(text, {{"Monday", "TIME", "2020-06-22T09"}}),
                         &errors);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].file == "g.tml");
  CHECK(errors[0].kind == "value");
  CHECK(errors[0].text == "Monday");
  CHECK(errors[0].expected == "2020-06-22");
  CHECK(errors[0].got == "2020-06-22T09");
  CHECK(errors[0].context == "is long enough to be cut. On Monday it rained, and it went on rai");
  CHECK(errors[1].kind == "type");
  CHECK(errors[1].expected == "DATE");
  CHECK(errors[1].got == "TIME");
}

TEST_CASE("format_report") {
  struct row {
    std::string name;
    eval_report report;
    bool list_errors;
    std::string expected;
  };
  const row rows[] = {
      {"counts",
       {{4, 5, 2, 3, 2, 3}, 2, {}},
       false,
       "files 2  gold 4  system 5\n"
       "             P      R     F1\n"
       "strict   40.00  50.00  44.44\n"
       "relaxed  60.00  75.00  66.67\n"
       "value                  44.44\n"
       "type                   66.67\n"},
      {"nothing: no division by zero",
       {},
       false,
       "files 0  gold 0  system 0\n"
       "             P      R     F1\n"
       "strict    0.00   0.00   0.00\n"
       "relaxed   0.00   0.00   0.00\n"
       "value                   0.00\n"
       "type                    0.00\n"},
      {"errors listed one a line",
       {{1, 0, 0, 0, 0, 0}, 1, {{"a.tml", "missed", "last\nweek", "P1W", "", "so\tlast\nweek"}}},
       true,
       "files 1  gold 1  system 0\n"
       "             P      R     F1\n"
       "strict    0.00   0.00   0.00\n"
       "relaxed   0.00   0.00   0.00\n"
       "value                   0.00\n"
       "type                    0.00\n"
       "missed\ta.tml\t\"last week\"\texpected=P1W\tgot=\tso last week\n"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    CHECK(format_report(r.report, r.list_errors) == r.expected);
  }
}

TEST_CASE("read_system_output: another tagger's JSON lines, by document") {
  struct row {
    std::string_view jsonl;
    std::string_view expected;  // "id:start-end:TYPE:value ..." in id order, or the error
  };
  const row rows[] = {
      {"", ""},
      {"{\"id\":\"a.tml\",\"start\":3,\"end\":9,\"type\":\"DATE\",\"value\":\"2020-06-26\"}\n",
       "a.tml:3-9:DATE:2020-06-26"},
      // chronicle's own lines carry text and more; blank lines are skipped.
      {"{\"id\":\"b\",\"start\":0,\"end\":4,\"text\":\"then\",\"type\":\"SET\",\"value\":\"P1W\",\"quant\":\"EVERY\"}\n\n"
       "{\"id\":\"a\",\"start\":5,\"end\":6}",
       "a:5-6:DATE: b:0-4:SET:P1W"},
      {"{\"id\":\"a\",\"start\":5}", "out.jsonl:1:21: an expression needs \"id\", \"start\" and \"end\""},
      {"{\"id\":\"a\",\"start\":6,\"end\":6}", "out.jsonl:1:29: \"start\" must be before \"end\""},
      {"{\"id\":\"a\",\"begin\":6}", "out.jsonl:1:11: unknown field \"begin\" (id, start, end, type, value)"},
      {"{\"id\":\"a\",\"start\":-1}", "out.jsonl:1:19: expected a whole number"},
  };
  for (const row& r : rows) {
    CAPTURE(r.jsonl);
    std::string got;
    try {
      for (const auto& [id, found] : read_system_output(r.jsonl, "out.jsonl")) {
        for (const timex& t : found) {
          if (!got.empty()) got += ' ';
          got += id + ":" + std::to_string(t.begin) + "-" + std::to_string(t.end) + ":" +
                 std::string(to_string(t.type)) + ":" + t.value;
        }
      }
    } catch (const error& e) {
      got = e.what();
    }
    CHECK(got == r.expected);
  }
}

}  // namespace
}  // namespace chronicle
