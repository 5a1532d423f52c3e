#include "recognize/shapes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "recognize/pack.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {
namespace {

// "tokens consumed:value" for the shape at the first token of `text`, or "no".
std::string print(std::string_view name, std::string_view text) {
  const token_list tokenized = tokenize(text);
  const std::vector<token>& tokens = tokenized.tokens;
  REQUIRE_FALSE(tokens.empty());
  const auto form = shape_from_name(name);
  if (!form) return "no";
  const auto& pack = *english_pack();
  const auto m = match_shape(*form, tokens, look_up_words(tokens, pack), 0, pack);
  // Whatever a shape matches, the cheap pre-test must have let it try.
  if (m) {
    CHECK(may_start(*form, tokens[0],
                    known_or_unknown(pack.by_first_word.find(tokens[0].lower), pack)));
  }
  return m ? std::to_string(m->first) + ":" + std::string(m->second.text()) : "no";
}

struct row {
  std::string_view shape;
  std::string_view text;
  std::string_view expected;
};

void check_rows(const auto& rows) {
  for (const row& r : rows) {
    CAPTURE(r.shape);
    CAPTURE(r.text);
    CHECK(print(r.shape, r.text) == r.expected);
  }
}

TEST_CASE("match_shape: calendar numbers") {
  const row rows[] = {
      {"year", "2020", "1:2020"},
      {"year", "1000", "1:1000"},
      {"year", "999", "no"},
      {"year", "3000", "no"},
      {"year", "20201", "no"},
      {"year", "1990s", "no"},
      {"year", "June", "no"},
      // The whole part of a decimal is a value, not a year; at a sentence's end it is one.
      {"year", "2082.1", "no"},
      {"year_exact", "2596.72", "no"},
      {"year", "2020.", "1:2020"},
      // Spoken years: a century's number, then the years within it.
      {"year", "nineteen ninety-six", "4:1996"},
      {"year", "twenty ten", "2:2010"},
      {"year_exact", "nineteen seventy-nine", "4:1979"},
      {"year", "eleven thirty", "no"},
      {"year", "nineteen 96", "no"},
      {"year", "nineteen five", "no"},
      {"year2", "98", "1:98"},
      {"year2", "05", "1:5"},
      {"year2", "7", "no"},
      {"year2", "198", "no"},
      {"day", "26", "1:26"},
      {"day", "1", "1:1"},
      {"day", "09", "1:9"},
      {"day", "0", "no"},
      {"day", "32", "no"},
      {"day", "100", "no"},
      {"day", "26th", "1:26"},
      {"day", "26TH", "1:26"},
      {"day", "1st", "1:1"},
      {"day", "22nd", "1:22"},
      {"day", "3rd", "1:3"},
      {"day", "31st", "1:31"},
      {"day", "32nd", "no"},
      {"day", "0th", "no"},
      {"day", "26xy", "no"},
      {"day", "first", "1:1"},
      {"day", "twenty-first", "3:21"},
      {"day", "thirty-first of May", "3:31"},
      {"month_num", "12", "1:12"},
      {"month_num", "06", "1:6"},
      {"month_num", "0", "no"},
      {"month_num", "13", "no"},
      {"hour", "0", "1:0"},
      {"hour", "9", "1:9"},
      {"hour", "24", "1:24"},
      {"hour", "25", "no"},
      {"hour", "007", "no"},
      {"minute", "30", "1:30"},
      {"minute", "00", "1:0"},
      {"minute", "5", "no"},
      {"minute", "60", "no"},
  };
  check_rows(rows);
}

TEST_CASE("match_shape: counts in digits and words") {
  const row rows[] = {
      {"count", "3", "1:3"},
      {"count", "0", "1:0"},
      {"count", "123456", "1:123456"},
      {"count", "1234567", "no"},
      {"count", "1.5 hours", "3:1.5"},
      {"count", "1. Then", "1:1"},
      {"count", "1 . 5", "1:1"},
      // A comma between digits groups thousands; with a space, or not three digits, it does not.
      {"count", "4,000 years", "3:4000"},
      {"count", "1,500,000", "5:1500000"},
      {"count", "1998, 1999", "1:1998"},
      {"count", "4, 000", "1:4"},
      {"count", "4,00", "1:4"},
      {"count", "1234,000", "1:1234"},
      {"count", "ten", "1:10"},
      {"count", "zero", "1:0"},
      {"count", "dozen", "1:12"},
      {"count", "twenty-five", "3:25"},
      {"count", "twenty five", "2:25"},
      {"count", "ninety-nine days", "3:99"},
      {"count", "one hundred", "2:100"},
      {"count", "hundred", "1:100"},
      {"count", "one hundred twenty", "3:120"},
      {"count", "two thousand", "2:2000"},
      {"count", "two thousand twenty", "3:2020"},
      // Two number words that cannot be one number are two numbers.
      {"count", "five six", "1:5"},
      {"count", "five-six", "1:5"},
      {"count", "fifteen twenty", "1:15"},
      {"count", "twenty thirty", "1:20"},
      // "and" ends a count: "three hundred and five" is not read, "two and a half" is a count.
      {"count", "three hundred and five", "2:300"},
      {"count", "two and a half", "1:2"},
      {"count", "five -", "1:5"},
      {"count", "a few", "no"},
      {"count", "first", "no"},
      {"ord", "19th", "1:19"},
      {"ord", "100th", "1:100"},
      {"ord", "101st", "no"},
      {"ord", "nineteenth", "1:19"},
      {"ord", "twenty-first", "3:21"},
      {"ord", "third", "1:3"},
      {"ord", "19", "no"},
      {"number", "123", "1:123"},
      {"number", "123456789", "1:123456789"},
      {"number", "1234567890", "no"},
      {"number", "three", "no"},
  };
  check_rows(rows);
}

TEST_CASE("match_shape: decades, quarters, fiscal years, words") {
  const row rows[] = {
      {"decade", "1990s", "1:199"},
      {"decade", "2000s", "1:200"},
      {"decade", "1995s", "no"},
      {"decade", "1990", "no"},
      {"decade", "90s", "no"},
      {"decade2", "90s", "1:90"},
      {"decade2", "00s", "1:0"},
      {"decade2", "95s", "no"},
      {"decade2", "1990s", "no"},
      {"quarter_code", "Q3", "1:3"},
      {"quarter_code", "q1", "1:1"},
      {"quarter_code", "Q10", "no"},
      {"quarter_code", "Q", "no"},
      {"quarter_code", "QA", "no"},
      {"fy", "FY2021", "1:2021"},
      {"fy", "FY21", "1:21"},
      {"fy", "fy98", "1:98"},
      {"fy", "FY1", "no"},
      {"fy", "FY20210", "no"},
      {"word", "Hello", "1:hello"},
      {"word", "26th", "1:26th"},
      {"word", "123", "no"},
      {"word", ",", "no"},
      {"content_word", "soldiers", "1:soldiers"},
      {"content_word", "Soldiers", "no"},
      {"content_word", "the", "no"},
      {"content_word", "election", "no"},
      {"content_word", "2000", "no"},
      {"bogus", "2020", "no"},
  };
  check_rows(rows);
}

TEST_CASE("may_go_on_as_number: a number takes one token unless more of it follows") {
  struct go_on_row {
    std::string_view text;
    bool goes_on;
  };
  const go_on_row rows[] = {
      {"three years", false}, {"3 years", false},
      {"26th of", false},     {"1998, 1999", false},
      {"twenty five", true},  {"twenty-five", true},
      {"twenty-first", true}, {"nineteen ninety-six", true},
      {"1.5 years", true},    {"4,000 years", true},
      {"three", false},
  };
  const auto& pack = *english_pack();
  for (const auto& r : rows) {
    CAPTURE(r.text);
    const token_list tokenized = tokenize(r.text);
    const std::vector<token>& tokens = tokenized.tokens;
    const known_words words = look_up_words(tokens, pack);
    const bool goes_on = may_go_on_as_number(tokens, words, 0);
    CHECK(goes_on == r.goes_on);
    // Whatever number shape takes more than the first token, the test must have said so.
    for (const shape form :
         {shape::year, shape::year_exact, shape::day, shape::count, shape::ord}) {
      const auto m = match_shape(form, tokens, words, 0, pack);
      if (m && m->first > 1) CHECK(goes_on);
    }
  }
}

TEST_CASE("facts_of_tokens: a number word starts a spoken year as a century, or after \"year\"") {
  const auto& pack = *english_pack();
  const token_list tokenized = tokenize("nineteen or two, the year two thousand");
  const std::vector<token>& tokens = tokenized.tokens;
  const known_words words = look_up_words(tokens, pack);
  const auto facts = facts_of_tokens(tokens, words, pack);
  REQUIRE(facts.size() == 8);
  const std::uint32_t year = shape_bit(shape::year);
  CHECK((facts[0].shapes & year) != 0);  // nineteen
  CHECK((facts[2].shapes & year) == 0);  // two, a count only
  CHECK((facts[2].shapes & shape_bit(shape::count)) != 0);
  CHECK((facts[6].shapes & year) != 0);  // two, after "year"
  // Each token's word id, the unknown word's for a word the pack does not know.
  for (std::size_t i = 0; i < tokens.size(); ++i)
    CHECK(facts[i].word_id == known_or_unknown(words[i], pack).id);
  CHECK(facts[0].word_id == pack.by_first_word.find("nineteen")->id);
}

TEST_CASE("shape_from_name") {
  for (const std::string_view name :
       {"year", "year_exact", "year2", "day", "month_num", "hour", "minute", "count", "ord",
        "decade", "decade2", "quarter_code", "fy", "content_word", "number", "word"}) {
    CAPTURE(name);
    CHECK(shape_from_name(name).has_value());
  }
  CHECK_FALSE(shape_from_name("month").has_value());
  CHECK_FALSE(shape_from_name("").has_value());
}

}  // namespace
}  // namespace chronicle::detail
