#pragma once
// The tense of the clause around a time expression, from the nearest tense marker.

#include <cstddef>
#include <vector>

#include "recognize/pack.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {

enum class tense { none, past, present, future };

// Looks at the tokens of the sentence [sentence_first, sentence_last) outside the expression
// [first, last), nearest first, for a marker from the pack's tense tables or a regular
// "-ed" past form.
tense clause_tense(const std::vector<token>& tokens, std::size_t sentence_first,
                   std::size_t sentence_last, std::size_t first, std::size_t last,
                   const language_pack& pack);

// clause_tense for every expression of one sentence: the markers are found once, so that a
// sentence of many expressions and few verbs (a scraped table, a list of dates) costs its
// length rather than its length times its expressions.
class sentence_tenses {
 public:
  sentence_tenses(const std::vector<token>& tokens, std::size_t sentence_first,
                  std::size_t sentence_last, const language_pack& pack);
  // The same answer as clause_tense(tokens, sentence_first, sentence_last, first, last, pack).
  tense around(std::size_t first, std::size_t last) const;

 private:
  const std::vector<token>& tokens_;
  std::size_t first_;
  std::size_t last_;
  const language_pack& pack_;
  std::vector<tense> marker_;        // per token of the sentence
  std::vector<std::size_t> before_;  // before_[i]: nearest marker at or before first_ + i, or npos
  std::vector<std::size_t> after_;   // after_[i]: nearest marker at or after first_ + i, or npos
};

}  // namespace chronicle::detail
