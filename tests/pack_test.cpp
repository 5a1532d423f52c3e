#include "recognize/pack.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/error.hpp"

namespace chronicle::detail {
namespace {

const std::string_view good_words =
    "# a comment\n"
    "\n"
    "[month]\n"
    "june = 6\n"
    "sept = 9\n"
    "[unit]\n"
    "  day = day  \r\n"
    "[ampm]\n"
    "p.m. = pm\n";

const std::string_view good_patterns =
    "# a comment\n"
    "date/month-day: <month> .? <day> => date m=$month d=$day\n"
    "rel/ago: <count> <unit> ago => relative unit=$unit n=-$count\n"
    "ref/now: now|currently => ref value=PRESENT_REF\n";

std::string_view kind_name(element::kind k) {
  switch (k) {
    case element::kind::literal: return "lit";
    case element::kind::table: return "table";
    case element::kind::shape: return "shape";
  }
  return "?";
}

// An element as it is written in a pattern, so that a row reads back its own input.
std::string print(const element& e) {
  std::string out;
  if (e.negated) out += '!';
  if (e.attached) out += '~';
  if (e.capitalized) out += '^';
  out += std::string(kind_name(e.what)) + "(";
  if (e.what == element::kind::literal) {
    for (std::size_t i = 0; i < e.words.size(); ++i) out += (i ? "|" : "") + e.words[i];
  } else {
    out += e.name;
  }
  out += ")";
  if (e.optional) out += '?';
  return e.context ? "[" + out + "]" : out;
}

std::string print(const expression_template& action) {
  std::string out;
  for (const auto& f : action.fields) {
    out += " " + std::string(name_of(f.key)) + "=" + (f.negate ? "-" : "") +
           (f.capture.empty() ? f.literal : "$" + f.capture);
  }
  return out;
}

std::string print(const pattern& p) {
  std::string out = p.name + ":";
  for (const element& e : p.elements) out += " " + print(e);
  return out + " =>" + print(p.action);
}

TEST_CASE("load_language_pack: a good pack loads") {
  const auto pack = load_language_pack(good_words, good_patterns);
  REQUIRE(pack->tables.size() == 3);
  CHECK(pack->table("month").entries.size() == 2);
  // Phrases are tokenized like text, so "p.m." is four tokens.
  const auto& ampm = pack->table("ampm");
  REQUIRE(ampm.entries.size() == 1);
  CHECK(ampm.entries[0].tokens == std::vector<std::string>{"p", ".", "m", "."});
  CHECK(pack->table("unit").entries[0].value == "day");

  REQUIRE(pack->patterns.size() == 3);
  CHECK(print(pack->patterns[0]) ==
        "date/month-day: table(month) lit(.)? shape(day) => m=$month d=$day");
  CHECK(pack->patterns[0].line == 2);
  CHECK(print(pack->patterns[1]) ==
        "rel/ago: shape(count) table(unit) lit(ago) => unit=$unit n=-$count");
  CHECK(pack->patterns[2].action.kind == expr_kind::ref);

  // Patterns are indexed by the words and the shapes they can start with.
  CHECK(pack->by_first_word.at("june").patterns == std::vector<std::size_t>{0});
  CHECK(pack->by_first_word.at("sept").patterns == std::vector<std::size_t>{0});
  CHECK(pack->by_first_word.at("currently").patterns == std::vector<std::size_t>{2});
  CHECK(pack->by_first_shape.at(static_cast<std::size_t>(shape::count)) == std::vector<std::size_t>{1});

  CHECK_THROWS_WITH_AS(pack->table("weekday"), "language pack: no word table [weekday]",
                       chronicle::error);
}

TEST_CASE("load_language_pack: an empty pack loads") {
  const auto pack = load_language_pack("", "");
  CHECK(pack->tables.empty());
  CHECK(pack->patterns.empty());
}

struct element_row {
  std::string_view pattern;
  std::string_view expected;
};

TEST_CASE("load_language_pack: element syntax") {
  const element_row rows[] = {
      {"p: a|an|the => ref", "p: lit(a|an|the) =>"},
      {"p: the? <month> => date m=$month", "p: lit(the)? table(month) => m=$month"},
      {"p: [on] <month> => date", "p: [lit(on)] table(month) =>"},
      {"p: ^<month> ~. => date", "p: ^table(month) ~lit(.) =>"},
      {"p: <year> !<content_word> !~% => date y=$year",
       "p: shape(year) !shape(content_word) !~lit(%) => y=$year"},
      {"p: [~^<month>?] => date", "p: [~^table(month)?] =>"},
      {"p: <day> ? => date", "p: shape(day) lit(?) =>"},
      {"p: june => date m=6 d=-3 unit=$unit", "p: lit(june) => m=6 d=-3 unit=$unit"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.pattern);
    const auto pack = load_language_pack(good_words, r.pattern);
    REQUIRE(pack->patterns.size() == 1);
    CHECK(print(pack->patterns[0]) == r.expected);
  }
}

TEST_CASE("load_language_pack: first words of a pattern") {
  // Optional and negated elements let the next element start the match too.
  const auto pack = load_language_pack(good_words,
                                       "a: the? <month> => date\n"
                                       "b: !the <month> => date\n"
                                       "c: the? <day> => date\n");
  CHECK(pack->by_first_word.at("the").patterns == std::vector<std::size_t>{0, 2});
  CHECK(pack->by_first_word.at("june").patterns == std::vector<std::size_t>{0, 1});
  CHECK(pack->by_first_shape.at(static_cast<std::size_t>(shape::day)) == std::vector<std::size_t>{2});
}

TEST_CASE("load_language_pack: tokens a pattern wants at fixed distances") {
  // Past the first two tokens while each element takes one token, or past one number as if it
  // took one; behind the match, each.
  const auto pack = load_language_pack(good_words,
                                       "a: [in] the near|short term !~- => ref\n"
                                       "b: @the @<content_word> <year2> => date\n"
                                       "c: the <count> <unit> ago => relative\n"
                                       "d: the? near term => ref\n"
                                       "e: <count> <count> <unit> ago => relative\n");
  auto print = [&](const pattern& p) {
    std::string out;
    for (std::size_t k = 0; k < p.fixed.size(); ++k) {
      const auto& [offset, gate] = p.fixed[k];
      // The gates that stand only if the number takes one token follow a mark.
      if (k == p.sure) out += "(if one token at " + std::to_string(p.number_offset) + ") ";
      out += std::to_string(offset) + ":";
      std::vector<std::string> taken;
      pack->by_first_word.for_each([&](const std::string& word, const first_word& known) {
        if (gate.takes(known.id)) taken.push_back(word);
      });
      std::sort(taken.begin(), taken.end());
      for (const auto& word : taken) out += word + ",";
      if (gate.shapes != 0) out += "<" + std::to_string(gate.shapes) + ">";
      out += " ";
    }
    return out;
  };
  CHECK(print(pack->patterns[0]) == "2:near,short, 3:term, ");
  CHECK(print(pack->patterns[1]) ==
        "-2:the, -1:<" + std::to_string(shape_bit(shape::content_word)) + "> ");
  // A count may take several tokens, and mostly takes one.
  CHECK(print(pack->patterns[2]) == "(if one token at 1) 2:day, 3:ago, ");
  // The match may start at "the" or at "near": the gates count from "near", wherever it is.
  CHECK(pack->patterns[3].optional_start);
  CHECK(print(pack->patterns[3]) == "0:near, 1:term, ");
  CHECK_FALSE(pack->patterns[0].optional_start);
  CHECK(print(pack->patterns[4]).empty());  // past a second number, no gate stands
}

struct error_row {
  std::string_view words;
  std::string_view patterns;
  const char* message;  // doctest compares what() with a C string
};

TEST_CASE("load_language_pack: malformed input names the file and line") {
  const error_row rows[] = {
      {"june = 6\n", "", "data/en/words.txt:1:1: expected `phrase = value` under a [class]"},
      {"# c\n\n[month]\njune = 6\n  June = 6\n", "",
       "data/en/words.txt:5:1: phrase listed twice in its class"},
      {"[month]\njune=6\n", "", "data/en/words.txt:2:1: expected `phrase = value` under a [class]"},
      {"[month\n", "", "data/en/words.txt:1:1: unclosed [class]"},
      {good_words, "p: <nope> => date\n", "data/en/patterns.txt:1:1: unknown class <nope>"},
      {good_words, "# c\np: june => bogus\n", "data/en/patterns.txt:2:1: unknown kind bogus"},
      {good_words, "p: june => date zz=1\n", "data/en/patterns.txt:1:1: bad field zz=1"},
      {good_words, "p: june => date y\n", "data/en/patterns.txt:1:1: bad field y"},
      {good_words, "p: june\n", "data/en/patterns.txt:1:1: expected `name: elements => action`"},
      {good_words, "p june => date\n",
       "data/en/patterns.txt:1:1: expected `name: elements => action`"},
      {good_words, "p: june =>\n", "data/en/patterns.txt:1:1: expected `name: elements => action`"},
      {good_words, "p: a||b => date\n", "data/en/patterns.txt:1:1: empty alternative"},
      {good_words, "p: a| => date\n", "data/en/patterns.txt:1:1: empty alternative"},
      // "@x" looks at the tokens before the match: it leads, and something must follow it.
      {good_words, "p: @the => date\n",
       "data/en/patterns.txt:1:1: @x looks before the match: leading, plain, not alone"},
      {good_words, "p: june @the => date\n",
       "data/en/patterns.txt:1:1: @x looks before the match: leading, plain, not alone"},
      {good_words, "p: @the? june => date\n",
       "data/en/patterns.txt:1:1: @x looks before the match: leading, plain, not alone"},
      {good_words, "p:  => date\n", "data/en/patterns.txt:1:1: no elements"},
      // An expression views its words in the pack: a computed count cannot be one.
      {good_words, "p: <count> june => duration unit=$count\n",
       "data/en/patterns.txt:1:1: unit= takes a word, not the shape <count>"},
      {good_words, "p: june => relative unit=-$month\n",
       "data/en/patterns.txt:1:1: unit= takes no sign"},
      // A direction is a word of the pattern language the resolver knows.
      {good_words, "p: june => relative dir=sideways\n",
       "data/en/patterns.txt:1:1: dir= takes a direction, not sideways"},
      {good_words, "p: june => relative dir=$month\n",
       "data/en/patterns.txt:1:1: dir= takes a direction, not $month"},
      {good_words, "p: june => relative dir=-last\n",
       "data/en/patterns.txt:1:1: dir= takes a direction, not -last"},
      {good_words, "p: june => relative dir=\n",
       "data/en/patterns.txt:1:1: dir= takes a direction, not "},
  };
  for (const auto& r : rows) {
    CAPTURE(r.words);
    CAPTURE(r.patterns);
    CHECK_THROWS_WITH_AS(load_language_pack(r.words, r.patterns), r.message,
                         chronicle::error);
  }
}

TEST_CASE("english_pack: the real pack loads and is shared") {
  const auto pack = english_pack();
  REQUIRE(pack != nullptr);
  CHECK(pack == english_pack());
  CHECK(pack->patterns.size() > 100);
  for (const std::string_view name :
       {"month", "weekday", "unit", "number", "ordinal", "holiday", "abbreviation", "past_marker",
        "future_marker", "present_marker", "not_past", "function_word"}) {
    CAPTURE(name);
    CHECK_FALSE(pack->table(name).entries.empty());
  }
  // Typographic apostrophes are folded by the tokenizer, so one entry serves both spellings.
  const auto m = pack->table("holiday").match(tokenize("New Year\u2019s Day").tokens, 0);
  REQUIRE(m.has_value());
  CHECK(m->first == 5);
  CHECK(m->second == "fixed 1 1");
}

TEST_CASE("known_or_unknown: a word the pack does not know is known as nothing") {
  const auto pack = english_pack();
  const first_word& unknown = known_or_unknown(nullptr, *pack);
  CHECK(&unknown == &pack->unknown_word);
  CHECK_FALSE(unknown.number);
  CHECK_FALSE(unknown.ordinal);
  CHECK(unknown.tables == 0);
  CHECK(unknown.patterns.empty());
  CHECK(unknown.entries.empty());
  // Its id is no word's, so no gate takes it for one.
  std::size_t words = 0;
  pack->by_first_word.for_each([&](std::string_view, const first_word& known) {
    ++words;
    CHECK(known.id != unknown.id);
    CHECK_FALSE(known.next.takes(unknown.id));
  });
  CHECK(words > 0);
  const first_word* the = pack->by_first_word.find("the");
  REQUIRE(the != nullptr);
  CHECK(&known_or_unknown(the, *pack) == the);
}

TEST_CASE("longest_entry: the longest entry of the table that starts at a token") {
  // Phrases are listed in no order of length, and another table's phrases start with the same
  // words: the longest of the asked table's wins.
  const auto pack = load_language_pack(
      "[a]\nnew = 1\nnew year s eve = 3\nnew year = 2\n[b]\nnew york city = 4\nnew = 5\nyork = 6\n",
      "");
  struct row {
    std::string_view table;
    std::string_view text;
    std::size_t at;
    std::string_view expected;  // the entry's value, or "" for none
  };
  const row rows[] = {
      {"a", "a new year party", 1, "2"},
      {"a", "new year s eve", 0, "3"},
      {"a", "new year s day", 0, "2"},
      {"a", "new york city", 0, "1"},
      {"b", "new york city", 0, "4"},
      {"b", "new york", 0, "5"},
      {"b", "new year", 0, "5"},
      {"a", "old year", 0, ""},
      {"a", "york", 0, ""},
      {"b", "york city", 0, "6"},
  };
  for (const row& r : rows) {
    CAPTURE(r.table);
    CAPTURE(r.text);
    const token_list tokenized = tokenize(r.text);
    const auto* entry = longest_entry(pack->table(r.table), tokenized.tokens,
                                      look_up_words(tokenized.tokens, *pack), r.at);
    CHECK((entry == nullptr ? std::string_view() : std::string_view(entry->value)) == r.expected);
  }
}

TEST_CASE("entry_before: the longest entry that ends right before a token") {
  const auto pack = load_language_pack("[aux]\nhad = x\nhad been = x\nwas = x\n", "");
  const auto& table = pack->table("aux");
  struct row {
    std::string_view text;
    std::size_t end;            // the token the entry must end before
    std::string_view expected;  // its words, or "" for none
  };
  const row rows[] = {
      {"it had been due", 3, "had been"},
      {"it had been due", 2, "had"},
      {"it was due", 2, "was"},
      {"it is due", 2, ""},
      {"had", 0, ""},  // nothing before the first token
      {"been due", 1, ""},
  };
  for (const row& r : rows) {
    CAPTURE(r.text);
    CAPTURE(r.end);
    const token_list tokenized = tokenize(r.text);
    const auto* entry =
        entry_before(table, tokenized.tokens, look_up_words(tokenized.tokens, *pack), r.end);
    std::string words;
    if (entry != nullptr) {
      for (const auto& w : entry->tokens) words += (words.empty() ? "" : " ") + w;
    }
    CHECK(words == r.expected);
  }
}

}  // namespace
}  // namespace chronicle::detail
