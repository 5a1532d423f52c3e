#pragma once
// The tense of the clause around a time expression, from the nearest tense marker.

#include <cstddef>
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
  sentence_tenses(const std::vector<token>& tokens, const known_words& words, std::size_t sentence_first,
                  std::size_t sentence_last, const tense_tables& tables);
  // The tense of the nearest marker outside the expression [first, last).
  tense around(std::size_t first, std::size_t last) const;

 private:
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  // The nearest marker at or before (after) sentence token i that may date an expression
  // beyond `bound`: a reporting verb does not reach across the "that" of what it reports.
  std::size_t left_of(std::size_t i, std::size_t bound) const;
  std::size_t right_of(std::size_t i, std::size_t bound) const;
  bool reported_between(std::size_t from, std::size_t to) const;

  std::size_t first_;
  std::size_t last_;
  std::vector<tense> marker_;        // per token of the sentence
  std::vector<bool> reporting_;      // per token: the marker is a reporting verb
  std::vector<std::size_t> before_;  // before_[i]: nearest marker at or before first_ + i, or none
  std::vector<std::size_t> after_;   // after_[i]: nearest marker at or after first_ + i, or none
  std::vector<std::size_t> opens_;   // opens_[i]: words opening a reported clause before first_ + i
  std::vector<std::size_t> breaks_;  // breaks_[i]: clause breaks (and such words) before first_ + i
};

}  // namespace chronicle::detail
