#pragma once
// Sentence boundaries over tokens: the unit events and tense are read in.

#include <cstddef>
#include <span>
#include <vector>

#include "text/tokenize.hpp"

namespace chronicle::detail {

struct word_table;

struct sentence {
  std::size_t first = 0;  // token range [first, last)
  std::size_t last = 0;
};

// A sentence ends after ".", "!" or "?" (and any closing quotes or brackets) unless the period
// belongs to an abbreviation from `abbreviations`, and at every blank line.
std::vector<sentence> split_sentences(std::span<const token> tokens, const word_table& abbreviations);

// The sentence of split_sentences(tokens, abbreviations) that holds tokens[at], found from the
// tokens around it alone: the tagger needs only the sentences its expressions stand in, about
// half of a text's tokens.
sentence sentence_at(std::span<const token> tokens, std::size_t at,
                     const word_table& abbreviations);

}  // namespace chronicle::detail
