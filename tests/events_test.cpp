// Events: clauses, their titles, and how each is dated (src/events).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "chronicle/error.hpp"
#include "chronicle/timeline.hpp"
#include "events/clauses.hpp"
#include "events/lexicon.hpp"

using namespace chronicle;

namespace {

// "value start..end [kind rule] title" for each event, in order.
std::string printed(const timeline& t) {
  std::string out;
  for (const auto& e : t.events) {
    const auto& a = e.evidence.at(0).anchor;
    out += e.when.value + " " + e.when.start + ".." + e.when.end + " [" + a.kind + " " + a.rule + "] " + e.title + "\n";
  }
  for (const auto& w : t.warnings) out += "warning: " + w + "\n";
  return out;
}

std::string extracted(const std::string& text, const std::string& dct, text_mode mode = text_mode::news) {
  const document doc = parse_document(text, "a.txt");
  return printed(extract(doc, tagger::english(), {parse_iso_day(dct), mode}));
}

struct row {
  std::string text;
  std::string expected;
};

}  // namespace

TEST_CASE("clauses: cut where a new clause begins, frames kept with what they report") {
  const row rows[] = {
      {"Russia backs Haftar, and France is suspected of favoring him – although Paris insists it is neutral.",
       "present|Russia backs Haftar, and France is suspected of favoring him –\n"
       "present|although Paris insists it is neutral.\n"},
      {"Putin and Macron called on Friday for a cease-fire, the Kremlin said in a statement.",
       "past|Putin and Macron called on Friday for a cease-fire, the Kremlin said in a statement.\n"},
      {"He fought cancer in 2004 and took six months off in early 2009.",
       "past|He fought cancer in 2004\npast|and took six months off in early 2009.\n"},
      {"No date has been set for the visit, which officials said could take place in the autumn.",
       "perfect|No date has been set for the visit,\nmodal|which officials said could take place in the autumn.\n"},
      // A dateline on its own line is no clause of the sentence it heads, and has no verb.
      {"July 17, 2010\nApple announced Friday that it will give owners free cases.",
       "none|July 17, 2010\npast|Apple announced Friday that it will give owners free cases.\n"},
      {"Paris, Berlin and Rome issued a statement.", "past|Paris, Berlin and Rome issued a statement.\n"},
      // A present verb in -s is told from a plural noun by its neighbours.
      {"The iPod Nano comes in two colors and will cost $199.", "present|The iPod Nano comes in two colors and will cost $199.\n"},
      {"Government troops retook Tarhuna.", "past|Government troops retook Tarhuna.\n"},
      // ", after" begins a clause when a verb follows soon, not before a noun phrase.
      {"The nano is the second model, after the Shuffle was introduced in January.",
       "present|The nano is the second model,\npast|after the Shuffle was introduced in January.\n"},
      {"The talks resumed, after a pause of two weeks.", "past|The talks resumed, after a pause of two weeks.\n"},
      // "... and that ..." is a second thing reported.
      {"The firm said songs had been downloaded since 2003 and that the store leads the market.",
       "past|The firm said songs had been downloaded since 2003\npresent|and that the store leads the market.\n"},
  };
  const auto& lex = detail::english_events();
  for (const auto& r : rows) {
    CAPTURE(r.text);
    std::string out;
    const std::string lower = detail::lower_case(r.text);
    const auto split = detail::split_clauses(r.text, lower, tagger::english().sentences(r.text), {}, lex);
    for (const auto& c : split.clauses) {
      out += std::string(detail::to_string(c.tense)) + "|" + r.text.substr(c.begin, c.end - c.begin) + "\n";
    }
    CHECK(out == r.expected);
  }
}

TEST_CASE("events: own date, interval, another event, episode, tense") {
  const row rows[] = {
      // Own time expression; the title leaves it out with its preposition.
      {"Putin and Macron called on Friday for a cease-fire in Libya, the Kremlin said.",
       "2020-06-26 2020-06-26..2020-06-26 [dct weekday/bare weekday/past] Putin and Macron called for a cease-fire in Libya\n"},
      // Another event: "two days after" dates the clause after it from the one before.
      {"Government troops retook Tarhuna on June 5, two days after they regained full control of Tripoli's airport.",
       "2020-06-03 2020-06-03..2020-06-03 [event event/two days after] they regained full control of Tripoli's airport\n"
       "2020-06-05 2020-06-05..2020-06-05 [dct date/month-day month-day/year-from-anchor] Government troops retook Tarhuna\n"},
      // Intervals, open ends open.
      {"Haftar's forces have lost towns since early June.",
       "2020-06-01/2020-06-29 2020-06-01..2020-06-29 [dct interval/since] Haftar's forces have lost towns\n"},
      {"Haftar has endured a series of defeats in recent weeks.",
       "../2020-06-29 ..2020-06-29 [dct interval/recent] Haftar has endured a series of defeats\n"},
      {"Prices rose from March to May.",
       "2020-03-01/2020-05-31 2020-03-01..2020-05-31 [absolute interval/from] Prices rose\n"},
      {"He lived there between 2011 and 2014.",
       "2011-01-01/2014-12-31 2011-01-01..2014-12-31 [absolute interval/between] He lived there\n"},
      {"The talks will last until Friday.",
       "../2020-07-03 ..2020-07-03 [absolute interval/until] The talks will last\n"},
      // The episode: a clause without a date continues the one its paragraph tells.
      {"The troops entered the city on June 5. They raised a flag.\n\nThey left.",
       "2020-06-05 2020-06-05..2020-06-05 [dct date/month-day month-day/year-from-anchor] The troops entered the city\n"
       "2020-06-05 2020-06-05..2020-06-05 [narrative narrative/past] They raised a flag\n"
       "PAST_REF .. [dct tense/past] They left\n"},
      // The tense, against the publication date: present on that day, past and future apart.
      // "Russia backs Haftar." is too short to tell a verb: no event (a state, undated).
      {"Russia backs Haftar. France is suspected of favoring him. Macron has accepted. They will meet.",
       "PRESENT_REF 2020-06-29..2020-06-29 [dct tense/present] France is suspected of favoring him\n"
       "PAST_REF .. [dct tense/perfect] Macron has accepted\n"
       "FUTURE_REF .. [dct tense/future] They will meet\n"},
      // A present state measured against a past period holds on the publication day.
      {"There are 500 engineers at their largest conference in the past decade.",
       "PRESENT_REF 2020-06-29..2020-06-29 [dct tense/present-state] There are 500 engineers at their largest conference\n"},
      // The sentence right after a dated one continues its episode across a paragraph break.
      {"He had planned to attend the parade last month.\n\nBut that event was canceled.",
       "2020-05 2020-05-01..2020-05-31 [dct rel/last-unit relative/month] He had planned to attend the parade\n"
       "2020-05 2020-05-01..2020-05-31 [narrative narrative/past] that event was canceled\n"},
      // "now" in a past clause dates what is on sale, not the announcement.
      {"Jobs announced a phone, on sale now.", "PAST_REF .. [dct tense/past] Jobs announced a phone\n"},
      // "the 1991 agreement" dates the agreement, not the claim.
      {"Apple Corps says Apple violates the 1991 agreement.",
       "PRESENT_REF 2020-06-29..2020-06-29 [dct tense/present] Apple Corps says Apple violates the 1991 agreement\n"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    CHECK(extracted(r.text, "2020-06-29") == r.expected);
  }
}

TEST_CASE("events: contradictions become warnings") {
  const row rows[] = {
      // "two days later" that the text's own date puts before the event it follows.
      {"The army took the town on June 10. On June 2, two days later, it withdrew.",
       "2020-06-02 2020-06-02..2020-06-02 [dct date/month-day month-day/year-from-anchor] it withdrew\n"
       "2020-06-10 2020-06-10..2020-06-10 [dct date/month-day month-day/year-from-anchor] The army took the town\n"
       "warning: e1 has two dates: 2020-06-02 (\"June 2\") and 2020-06-04 (\"two days later\")\n"
       "warning: e1 (2020-06-02, \"two days later\") is placed before e2 (2020-06-10), which the text puts it after\n"},
      // One clause, two different days: which is the event's?
      {"The army took the town on June 10 and on June 12.",
       "2020-06-10 2020-06-10..2020-06-10 [dct date/month-day month-day/year-from-anchor] The army took the town\n"
       "warning: e1 has two dates: 2020-06-10 (\"June 10\") and 2020-06-12 (\"June 12\")\n"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    CHECK(extracted(r.text, "2020-06-29") == r.expected);
  }
}

TEST_CASE("events: undated reports of the lead take its date, background does not") {
  const row rows[] = {
      // Sharing the lead's actors and topic words ("Putin", "Macron") more than the episode's.
      {"Putin and Macron called on Friday for a cease-fire in Libya.\n\n"
       "On Thursday, France and Italy called for talks in Libya.\n\n"
       "The Kremlin also said that Putin invited Macron to Russia.\n\n"
       "The company was sold to investors.",
       "2020-06-25 2020-06-25..2020-06-25 [dct weekday/bare weekday/past] Italy called for talks in Libya\n"
       "2020-06-26 2020-06-26..2020-06-26 [dct weekday/bare weekday/past] Putin and Macron called for a cease-fire in Libya\n"
       "2020-06-26 2020-06-26..2020-06-26 [event lead/shared-words] Putin invited Macron to Russia\n"
       "PAST_REF .. [dct tense/past] The company was sold to investors\n"},
      // The episode its own sentence tells wins over the lead.
      {"Putin and Macron called on Friday for a cease-fire in Libya.\n\n"
       "In April, Putin and Macron met in Paris and discussed Libya.",
       "2020-04 2020-04-01..2020-04-30 [dct date/in-month month/year-from-anchor] Macron met in Paris\n"
       "2020-04 2020-04-01..2020-04-30 [narrative narrative/past] discussed Libya\n"
       "2020-06-26 2020-06-26..2020-06-26 [dct weekday/bare weekday/past] Putin and Macron called for a cease-fire in Libya\n"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    CHECK(extracted(r.text, "2020-06-29") == r.expected);
  }
  // Narrative text has no lead: the past told in another paragraph stays undated.
  CHECK(extracted("Putin and Macron called on June 26 for a cease-fire in Libya.\n\nA year later, it held.\n\n"
                  "Putin invited Macron to Russia.",
                  "2020-06-29", text_mode::narrative) ==
        "2020-06-26 2020-06-26..2020-06-26 [dct date/month-day month-day/year-from-anchor] Putin and Macron called for a cease-fire in Libya\n"
        "2021 2021-01-01..2021-12-31 [narrative ana/a-later anaphor/year] it held\n"
        "PAST_REF .. [dct tense/past] Putin invited Macron to Russia\n");
}

TEST_CASE("lexicon: a malformed lexicon names its line") {
  struct row {
    std::string_view text;
    std::string_view message;
  };
  const row rows[] = {
      {"met\n", "t.txt:1:1: a phrase before any [section]"},
      {"[past\nmet\n", "t.txt:1:1: bad section header"},
      {"[past] met\n", "t.txt:1:1: bad section header"},
      {"# the past\n[pats]\nmet\n", "t.txt:2:1: no stage reads [pats]"},
      {"[]\nmet\n", "t.txt:1:1: no stage reads []"},
  };
  for (const row& r : rows) {
    CAPTURE(r.text);
    CHECK_THROWS_WITH_AS(detail::event_lexicon::parse(r.text, "t.txt"), r.message.data(),
                         chronicle::error);
  }
}

TEST_CASE("lexicon: a word's sections are read once, and phrases where they may start") {
  const auto lex = detail::event_lexicon::parse("[past]\nmet left\n[reporting]\nsaid\naccording to\n", "t.txt");
  const std::string lower = detail::lower_case("They met, according to Reuters, and left.");
  const auto words = detail::words_of(lower, 0, 41, lex);
  std::string listed;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (lex.has("past", words[i])) listed += "past:" + std::string(words[i].lower) + " ";
    if (const auto n = lex.match("reporting", words, i)) listed += "reporting:" + std::to_string(n) + " ";
  }
  CHECK(listed == "past:met reporting:2 past:left ");
  CHECK(lex.has("past", "left"));
  CHECK_FALSE(lex.has("future", "left"));  // no such section
  // An empty lexicon knows nothing, and says so.
  const detail::event_lexicon none;
  CHECK_FALSE(none.has("past", words[1]));
  CHECK_FALSE(none.has("past", "met"));
}

TEST_CASE("words: each word's hash is word_hash of its lower-cased bytes, short or long") {
  const auto& lex = detail::english_events();
  // Words of one to more than sixteen bytes, at the text's end too (where fewer than eight
  // bytes are left to read), with marks and joined words.
  const std::string text =
      "A cease-fire, \xe2\x80\x9cinternationalization\xe2\x80\x9d of Tripoli's 3.5 km roads; "
      "they'd met\xe2\x80\x94"
      "at last. Ab";
  const std::string lower = detail::lower_case(text);
  const auto words = detail::words_of(lower, 0, lower.size(), lex);
  REQUIRE(words.size() == 19);
  for (const auto& w : words) CHECK(w.hash == detail::word_hash(w.lower));
  CHECK(words[1].lower == "cease-fire");
  CHECK(words[4].lower == "internationalization");
  CHECK(words.back().lower == "ab");
  // A dash in a text's last sixteen bytes, which are read a byte at a time, ends a word too.
  const std::string tail = detail::lower_case(
      "He said\xe2\x80\x94"
      "no");
  const auto tail_words = detail::words_of(tail, 0, tail.size(), lex);
  REQUIRE(tail_words.size() == 4);
  CHECK(tail_words[1].lower == "said");
  CHECK(tail_words[2].lower == "\xe2\x80\x94");
}

TEST_CASE("words: a whole text's words, read sixty-four bytes at a time, are words_of's") {
  // split_clauses finds where words end from bits made for the whole text; words_of reads a
  // range byte by byte. Random texts of word bytes, joints, spaces, marks and stray UTF-8
  // bytes, cut into sentences anywhere (blocks end anywhere in them), must read alike.
  const auto& lex = detail::english_events();
  const std::string pieces[] = {"a",
                                "B",
                                "z",
                                " ",
                                " ",
                                "-",
                                ".",
                                "'",
                                ",",
                                "1",
                                "\xe2\x80\x93",
                                "\xe2\x80\x99",
                                "\xe2",
                                "\x80",
                                "\xe2\x80",
                                "\xc3\xa9",
                                "ab",
                                "said"};
  std::uint64_t seed = 42;
  const auto next = [&seed](std::uint64_t n) {  // a fixed sequence: the same texts every run
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t size = round % 3 == 0 ? 64 * (1 + next(3)) : next(200);
    while (text.size() < size) text += pieces[next(std::size(pieces))];
    if (round % 3 == 0) text.resize(size);  // ends on a block's end, maybe inside a mark
    const std::string lower = detail::lower_case(text);
    std::vector<std::pair<std::size_t, std::size_t>> sentences;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t begin = at + next(5);
      const std::size_t end = std::min(text.size(), begin + next(90));
      if (begin >= text.size()) break;
      if (end > begin) sentences.emplace_back(begin, end);
      at = std::max(end, begin + 1);
    }
    const auto read = detail::split_clauses(text, lower, sentences, {}, lex);
    std::vector<detail::word> expected;
    for (const auto& [begin, end] : sentences) {
      for (const auto& w : detail::words_of(lower, begin, end, lex)) expected.push_back(w);
    }
    CAPTURE(text);
    REQUIRE(read.words.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(read.words[i].begin == expected[i].begin);
      CHECK(read.words[i].end == expected[i].end);
    }
  }
}
