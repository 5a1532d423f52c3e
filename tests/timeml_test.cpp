#include "chronicle/timeml.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "chronicle/error.hpp"

// Inside the namespace: glibc's <sys/timex.h> declares a ::timex of its own.
namespace chronicle {
namespace {

using namespace date::literals;

const std::string timebank_like =
    "<?xml version=\"1.0\" ?>\n"
    "<TimeML>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" "
    "functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n"
    "<TEXT>\n"
    "In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01\">January</TIMEX3> stocks "
    "<EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> at AT&amp;T for "
    "<TIMEX3 value=\"P1W\" type=\"DURATION\" mod=\"APPROX\" tid=\"t2\">about a week</TIMEX3>.\n"
    "</TEXT>\n"
    "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\" />\n"
    "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\" />\n"
    "</TimeML>\n";

const std::string timebank_like_text = "\nIn January stocks fell at AT&amp;T for about a week.\n";

std::vector<timex> gold_as_timexes(const timeml_document& doc) {
  std::vector<timex> out;
  for (const auto& g : doc.timexes) {
    timex x;
    x.begin = g.begin;
    x.end = g.end;
    x.type = g.type == "DURATION" ? timex_type::duration : timex_type::date;
    x.value = g.value;
    x.mod = g.mod;
    out.push_back(x);
  }
  return out;
}

// A TEXT element between fixed head and tail, for annotation rows.
timeml_document small_document(std::string text, std::string dct_tid = "t0") {
  return parse_timeml("<TimeML>\n<DCT><TIMEX3 tid=\"" + dct_tid +
                          "\" type=\"DATE\" value=\"2020-06-27\">x</TIMEX3></DCT>\n<TEXT>" +
                          std::move(text) + "</TEXT>\n</TimeML>\n",
                      "small.tml");
}

TEST_CASE("parse_timeml reads the DCT, the text and the gold TIMEX3") {
  const auto doc = parse_timeml(timebank_like, "tb.tml");
  CHECK(doc.path == "tb.tml");
  CHECK(doc.raw == timebank_like);
  REQUIRE(doc.dct.has_value());
  CHECK(*doc.dct == date::sys_days{1998_y / 1 / 8});
  CHECK(doc.dct_tid == "t0");
  CHECK(doc.text == timebank_like_text);
  CHECK(doc.raw.substr(doc.text_open - 6, 6) == "<TEXT>");
  CHECK(doc.raw.substr(doc.text_close, 7) == "</TEXT>");
  REQUIRE(doc.raw_offset.size() == doc.text.size() + 1);
  CHECK(doc.raw_offset.back() == doc.text_close);
  for (std::size_t i = 0; i < doc.text.size(); ++i) {
    CAPTURE(i);
    CHECK(doc.raw[doc.raw_offset[i]] == doc.text[i]);
  }

  struct row {
    std::string_view text, tid, type, value, mod;
  };
  const row expected[] = {
      {"January", "t1", "DATE", "1998-01", ""},
      {"about a week", "t2", "DURATION", "P1W", "APPROX"},
  };
  REQUIRE(doc.timexes.size() == std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    const auto& got = doc.timexes[i];
    CAPTURE(expected[i].text);
    CHECK(doc.text.substr(got.begin, got.end - got.begin) == expected[i].text);
    CHECK(got.tid == expected[i].tid);
    CHECK(got.type == expected[i].type);
    CHECK(got.value == expected[i].value);
    CHECK(got.mod == expected[i].mod);
  }
}

TEST_CASE("parse_timeml: DCT forms") {
  struct row {
    std::string input;
    std::optional<date::sys_days> dct;
    std::string tid;
  };
  const row rows[] = {
      {"<DCT><TIMEX3 tid=\"t0\" value=\"1998-02-27T08:00:00\">x</TIMEX3></DCT><TEXT></TEXT>",
       date::sys_days{1998_y / 2 / 27}, "t0"},
      {"<DCT>KUALA LUMPUR, <TIMEX3 type=\"TIME\" value=\"1997-04-01\" tid=\"t9\">April 1</TIMEX3>"
       " (AFP)</DCT><TEXT></TEXT>",
       date::sys_days{1997_y / 4 / 1}, "t9"},
      {"<DCT><TIMEX3 tid='t0' value='2001-09-11'>x</TIMEX3></DCT><TEXT></TEXT>",
       date::sys_days{2001_y / 9 / 11}, "t0"},
      {"<DCT><TIMEX3 tid=\"t0\" value=\"XXXX-XX-XX\">x</TIMEX3></DCT><TEXT></TEXT>", std::nullopt,
       "t0"},
      {"<TEXT></TEXT>", std::nullopt, ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.input);
    const auto doc = parse_timeml(r.input, "d.tml");
    CHECK(doc.dct == r.dct);
    CHECK(doc.dct_tid == r.tid);
    CHECK(doc.text.empty());
  }
}

TEST_CASE("parse_timeml: errors name the place") {
  struct row {
    std::string input;
    std::string expected;
  };
  const row rows[] = {
      {"<TimeML></TimeML>", "e.tml:1:1: no <TEXT> element"},
      {"<TimeML>\n<TEXT>abc", "e.tml:2:1: <TEXT> is not closed by </TEXT>"},
      {"<TEXT>\na <TIMEX3 tid=\"t1\" b</TEXT>", "e.tml:2:3: <TIMEX3 is not closed by '>'"},
      {"<TEXT>a <EVENT eid=\"e1\"", "e.tml:1:9: <EVENT is not closed by '>'"},
      {"<TEXT><EVENT>a</TIMEX3></TEXT>", "e.tml:1:15: </TIMEX3> does not match <EVENT> at 1:7"},
      {"<TEXT>\n<TIMEX3>a\n</TEXT>", "e.tml:3:1: </TEXT> does not match <TIMEX3> at 2:1"},
      {"<TEXT>a</EVENT></TEXT>", "e.tml:1:8: </EVENT> closes no open element"},
      {"<TEXT>a < b</TEXT>", "e.tml:1:9: '<' starts no tag (write &lt; for a literal '<')"},
      {"<TEXT>a <!-- b</TEXT>", "e.tml:1:9: comment is not closed by -->"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.input);
    CHECK_THROWS_WITH_AS(parse_timeml(r.input, "e.tml"), r.expected.c_str(), error);
  }
}

TEST_CASE("parse_timeml: markup and self-closing tags inside TEXT") {
  const auto doc =
      parse_timeml("<TEXT><!-- note -->A<SIGNAL/> <TIMEX3 tid=\"t5\"/>B</TEXT>", "m.tml");
  CHECK(doc.text == "A B");
  CHECK(doc.timexes.empty());  // a non-consuming TIMEX3 covers no text
}

TEST_CASE("parse_timeml: an EVENT nested in a TIMEX3") {
  const auto doc = parse_timeml(
      "<TEXT>In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1991\">the <EVENT eid=\"e1\">war</EVENT> "
      "year</TIMEX3>.</TEXT>",
      "n.tml");
  CHECK(doc.text == "In the war year.");
  REQUIRE(doc.timexes.size() == 1);
  CHECK(doc.text.substr(doc.timexes[0].begin, doc.timexes[0].end - doc.timexes[0].begin) ==
        "the war year");
}

TEST_CASE("annotate_timeml round trip on a TimeBank-like document") {
  const auto doc = parse_timeml(timebank_like, "tb.tml");
  const auto out = annotate_timeml(doc, gold_as_timexes(doc));
  const std::string expected =
      "<?xml version=\"1.0\" ?>\n"
      "<TimeML>\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" "
      "functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n"
      "<TEXT>\n"
      "In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01\">January</TIMEX3> stocks fell at "
      "AT&amp;T for <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P1W\" mod=\"APPROX\">about a "
      "week</TIMEX3>.\n"
      "</TEXT>\n"
      "</TimeML>\n";
  CHECK(out == expected);

  const auto again = parse_timeml(out, "out.tml");
  CHECK(again.text == doc.text);
  CHECK(again.dct == doc.dct);
  REQUIRE(again.timexes.size() == doc.timexes.size());
  for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
    CHECK(again.timexes[i].begin == doc.timexes[i].begin);
    CHECK(again.timexes[i].end == doc.timexes[i].end);
    CHECK(again.timexes[i].value == doc.timexes[i].value);
    CHECK(again.timexes[i].mod == doc.timexes[i].mod);
  }
}

TEST_CASE("annotate_timeml: what goes into TEXT") {
  struct span {
    std::size_t begin, end;
    std::string value;
    std::string mod = "";
  };
  struct row {
    std::string name;
    std::string text;  // TEXT content, tags and all
    std::string dct_tid;
    std::vector<span> found;
    std::string expected;  // TEXT content of the output
  };
  const row rows[] = {
      {"nothing found: old tags go", "a <EVENT eid=\"e1\">b</EVENT> c", "t0", {}, "a b c"},
      {"mod written when present",
       "x about 3 days",
       "t0",
       {{2, 14, "P3D", "APPROX"}},
       "x <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"P3D\" mod=\"APPROX\">about 3 days</TIMEX3>"},
      {"out of order input comes out in text order, numbered in text order",
       "May and June",
       "t0",
       {{8, 12, "2020-06"}, {0, 3, "2020-05"}},
       "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-05\">May</TIMEX3> and "
       "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020-06\">June</TIMEX3>"},
      {"overlapping later one skipped",
       "last May 5",
       "t0",
       {{0, 8, "2019-05"}, {5, 10, "2020-05-05"}},
       "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2019-05\">last May</TIMEX3> 5"},
      {"the DCT's tid is never reused",
       "May and June",
       "t1",
       {{0, 3, "2020-05"}, {8, 12, "2020-06"}},
       "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020-05\">May</TIMEX3> and "
       "<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2020-06\">June</TIMEX3>"},
      {"attribute values escaped",
       "now",
       "t0",
       {{0, 3, "a<b&\"c\">"}},
       "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"a&lt;b&amp;&quot;c&quot;&gt;\">now</TIMEX3>"},
      {"a boundary inside an entity reference moves out of it",
       "Q&amp;A 2020",
       "t0",
       {{2, 12, "2020"}},
       "Q<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020\">&amp;A 2020</TIMEX3>"},
      {"empty and out-of-range spans skipped", "now", "t0", {{1, 1, "X"}, {2, 9, "X"}}, "now"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const auto doc = small_document(r.text, r.dct_tid);
    std::vector<timex> found;
    for (const auto& s : r.found) {
      timex x;
      x.begin = s.begin;
      x.end = s.end;
      x.value = s.value;
      x.mod = s.mod;
      found.push_back(x);
    }
    const auto out = annotate_timeml(doc, found);
    CHECK(out == "<TimeML>\n<DCT><TIMEX3 tid=\"" + r.dct_tid +
                     "\" type=\"DATE\" value=\"2020-06-27\">x</TIMEX3></DCT>\n<TEXT>" + r.expected +
                     "</TEXT>\n</TimeML>\n");
    CHECK(parse_timeml(out, "out.tml").text == doc.text);
  }
}

TEST_CASE("annotate_timeml drops link elements outside TEXT and their line breaks") {
  struct row {
    std::string name;
    std::string tail;  // after </TEXT>
    std::string expected;
  };
  const row rows[] = {
      {"LF lines", "\n<MAKEINSTANCE eiid=\"ei1\" />\n<TLINK lid=\"l1\" />\n</TimeML>\n",
       "\n</TimeML>\n"},
      {"CRLF lines", "\r\n<SLINK lid=\"l1\" />\r\n<ALINK lid=\"l2\"/>\r\n</TimeML>\r\n",
       "\r\n</TimeML>\r\n"},
      {"not self-closing", "\n<TLINK lid=\"l1\"></TLINK>\n</TimeML>", "\n</TimeML>"},
      {"same line, no break", "<TLINK lid=\"l1\" /><TLINK lid=\"l2\" /></TimeML>", "</TimeML>"},
      {"other elements kept", "\n<TLINKS/>\n<NOTE>TLINK</NOTE>\n",
       "\n<TLINKS/>\n<NOTE>TLINK</NOTE>\n"},
      // Found by fuzz/timeml_fuzz: a '<' inside a quoted attribute starts no tag.
      {"'<' in an attribute", "\n<NOTE a=\"<TLINK lid=\"/>\n</TimeML>\n",
       "\n<NOTE a=\"<TLINK lid=\"/>\n</TimeML>\n"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const std::string head = "<TimeML>\n<TLINK lid=\"l0\" />\n<TEXT>a</TEXT>";
    const auto doc = parse_timeml(head + r.tail, "l.tml");
    CHECK(annotate_timeml(doc, {}) == "<TimeML>\n<TEXT>a</TEXT>" + r.expected);
  }
}

}  // namespace
}  // namespace chronicle
