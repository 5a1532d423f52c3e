#pragma once
// The tense of the clause around a time expression, from the nearest tense marker.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "recognize/pack.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {

enum class tense { none, past, present, future };

// The pack's tables of tense markers and clause words, looked up once for a text rather than
// once a sentence.
struct tense_tables {
  explicit tense_tables(const language_pack& pack);
  const word_table& report;
  const word_table& future;
  const word_table& past;
  const word_table& present;
  const word_table& not_past;
  const word_table& modal_perfect;
  const word_table& opens_report;  // words opening a reported clause ("that")
  const word_table& clause_break;
};

// The tense markers of one sentence [sentence_first, sentence_last), found once so that a
// sentence of many expressions and few verbs (a scraped table, a list of dates) costs its
// length rather than its length times its expressions. A marker is a word of the pack's tense
// tables or a regular "-ed" past form.
class sentence_tenses {
 public:
  // `words` is look_up_words(tokens, pack) of the pack the tables are from.
  sentence_tenses(std::span<const token> tokens, const known_words& words, std::size_t sentence_first,
                  std::size_t sentence_last, const tense_tables& tables) {
    read(tokens, words, sentence_first, sentence_last, tables);
  }
  sentence_tenses() = default;
  // Finds the markers of another sentence, in the memory of the last: a text has a sentence
  // to read every few expressions.
  void read(std::span<const token> tokens, const known_words& words, std::size_t sentence_first,
            std::size_t sentence_last, const tense_tables& tables);
  // The tense of the nearest marker outside the expression [first, last).
  tense around(std::size_t first, std::size_t last) const;

 private:
  // Token indices are kept in 32 bits: a text is read in pieces far shorter than 4G tokens.
  using index = std::uint32_t;
  static constexpr std::size_t none = static_cast<index>(-1);
  // The nearest marker at or before (after) sentence token i that may date an expression
  // beyond `bound`: a reporting verb does not reach across the "that" of what it reports.
  std::size_t left_of(std::size_t i, std::size_t bound) const;
  std::size_t right_of(std::size_t i, std::size_t bound) const;
  bool reported_between(std::size_t from, std::size_t to) const;

  // What is known at sentence token first_ + i, in one record a token: a sentence is read
  // whenever it holds an expression, and one allocation serves it.
  struct mark {
    tense said = tense::none;  // the token's own marker
    bool reporting = false;    // the marker is a reporting verb
    index before = none;       // the nearest marker at or before the token
    index after = none;        // the nearest marker at or after it
    index opens = 0;           // words opening a reported clause before the token
    index breaks = 0;          // clause breaks (and such words) before it
  };

  std::size_t first_ = 0;
  std::size_t last_ = 0;
  std::vector<mark> marks_;  // one a token of the sentence, and one past its end (opens, breaks)
};

}  // namespace chronicle::detail
