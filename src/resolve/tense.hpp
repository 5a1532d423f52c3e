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

}  // namespace chronicle::detail
