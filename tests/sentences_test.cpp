#include "text/sentences.hpp"

#include <doctest/doctest.h>

#include <span>
#include <string>
#include <string_view>

#include "known_bug.hpp"
#include "recognize/pack.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {
namespace {

// Each sentence as the original text from its first token to its last, joined by " | ".
std::string print(std::string_view text) {
  const token_list tokenized = tokenize(text);
  const std::vector<token>& tokens = tokenized.tokens;
  const auto sentences = split_sentences(tokens, english_pack()->table("abbreviation"));
  std::string out;
  for (const sentence& s : sentences) {
    if (!out.empty()) out += " | ";
    if (s.first == s.last) {
      out += "(empty)";
      continue;
    }
    const std::size_t begin = tokens[s.first].begin;
    out += text.substr(begin, tokens[s.last - 1].end - begin);
  }
  return out;
}

using row = testing::text_row;

// Whether sentence_at finds, for every token, the sentence split_sentences puts it in.
bool sentence_at_agrees(std::string_view text) {
  const token_list tokenized = tokenize(text);
  const std::vector<token>& tokens = tokenized.tokens;
  const word_table& abbreviations = english_pack()->table("abbreviation");
  for (const sentence& s : split_sentences(tokens, abbreviations)) {
    for (std::size_t at = s.first; at < s.last; ++at) {
      const sentence found = sentence_at(tokens, at, abbreviations);
      if (found.first != s.first || found.last != s.last) return false;
    }
  }
  return true;
}

// Every row also checks that sentence_at agrees with split_sentences on its text.
void check_rows(std::span<const row> rows) {
  testing::check_text_rows(rows, print);
  for (const row& r : rows) {
    CAPTURE(r.input);
    CHECK(sentence_at_agrees(r.input));
  }
}

TEST_CASE("split_sentences: terminal punctuation") {
  const row rows[] = {
      {"", ""},
      {"no period here", "no period here"},
      {"He left. She stayed.", "He left. | She stayed."},
      {"Did he? Yes! Fine.", "Did he? | Yes! | Fine."},
      {"Really?! Yes.", "Really?! | Yes."},
      // A period inside a token run (a decimal, a version) is no boundary.
      {"Rates rose 2.5 points. Then fell.", "Rates rose 2.5 points. | Then fell."},
      {"Wait... what?", "Wait... | what?"},
      // Closing quotes and brackets after the period stay with their sentence.
      {"He said \"yes.\" Then left.", "He said \"yes.\" | Then left."},
      {"He said \u201cyes.\u201d Then left.", "He said \u201cyes.\u201d | Then left."},
      {"He said 'yes.' Then left.", "He said 'yes.' | Then left."},
      {"(See above.) Next one.", "(See above.) | Next one."},
      {"It ended [in 2019.] Then more.", "It ended [in 2019.] | Then more."},
  };
  check_rows(rows);
}

TEST_CASE("split_sentences: abbreviations and initials") {
  const row rows[] = {
      // Titles never end a sentence, whatever follows.
      {"Gen. Khalifa Haftar met Putin. He left.", "Gen. Khalifa Haftar met Putin. | He left."},
      {"Mr. Smith arrived. Dr. Jones left.", "Mr. Smith arrived. | Dr. Jones left."},
      {"It was held on Dec. 12 in Paris.", "It was held on Dec. 12 in Paris."},
      // Other abbreviations end one only when a capitalized word follows.
      {"U.S. officials said so. Others did not.", "U.S. officials said so. | Others did not."},
      {"They met in the U.S. The talks failed.", "They met in the U.S. | The talks failed."},
      {"The talks at the U.N. ended.", "The talks at the U.N. ended."},
      {"It ends at 2:30 p.m. on Friday. Then more.",
       "It ends at 2:30 p.m. on Friday. | Then more."},
      {"They met at 2:30 p.m. Officials said so.", "They met at 2:30 p.m. | Officials said so."},
      {"Acme Inc. said so.", "Acme Inc. said so."},
      // A single capital letter and a period are an initial.
      {"Khalifa H. Haftar said so. Then left.", "Khalifa H. Haftar said so. | Then left."},
      // An unknown word before the period is an ordinary word.
      {"He went home. Then left.", "He went home. | Then left."},
      // "No." is a title only before a number ("No. 5"); the word "no" ends sentences.
      {"He said no. Then he left.", "He said no. | Then he left."},
  };
  check_rows(rows);
}

TEST_CASE("split_sentences: blank lines") {
  const row rows[] = {
      {"Title line\n\nFirst sentence here", "Title line | First sentence here"},
      {"Title line\n  \t\nBody", "Title line | Body"},
      {"Title line\r\n\r\nBody", "Title line | Body"},
      // A single line break is wrapping, not a boundary.
      {"one line\nwraps here.", "one line\nwraps here."},
      {"Done.\n\nNext part.", "Done. | Next part."},
      {"A\n\n\n\nB", "A | B"},
      // A period an abbreviation keeps still ends its paragraph.
      {"He met Gen.\n\nThen left.", "He met Gen. | Then left."},
      {"\n\nLeading blank lines.", "Leading blank lines."},
  };
  check_rows(rows);
}

TEST_CASE("split_sentences: sentences cover every token, in order") {
  const std::string_view text = "Gen. Haftar left. \"Why?\" he asked.\n\nU.S. officials said so";
  const token_list tokenized = tokenize(text);
  const std::vector<token>& tokens = tokenized.tokens;
  const auto sentences = split_sentences(tokens, english_pack()->table("abbreviation"));
  REQUIRE_FALSE(sentences.empty());
  CHECK(sentences.front().first == 0);
  CHECK(sentences.back().last == tokens.size());
  for (std::size_t i = 1; i < sentences.size(); ++i) {
    CHECK(sentences[i].first == sentences[i - 1].last);
    CHECK(sentences[i].first < sentences[i].last);
  }
}

}  // namespace
}  // namespace chronicle::detail
