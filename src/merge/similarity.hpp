#pragma once
// How much two reports say the same thing: shared content words, rare words weighing more
// than common ones, names and numbers more than other words.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle::detail {

struct language_pack;

// The content words of a text, lower-cased and lightly stemmed ("called" -> "call",
// "cease-fire" -> "ceasefire"), each with a weight factor: 2 for numbers and capitalized words
// (names, or a sentence's first word), 1 for words seen in lower case. Bytes in
// [skip_begin, skip_end) are left out (the time expression: dates are compared apart).
std::map<std::string, double> content_words(std::string_view text, std::size_t skip_begin,
                                            std::size_t skip_end, const language_pack& pack);

// A word seen in lower case in any report is no name in any of them: "Shares" opening one
// sentence and "shares" inside another are the same word.
void settle_names(std::vector<std::map<std::string, double>>& reports);

// Inverse document frequencies over a set of reports' content words.
std::map<std::string, double> inverse_frequencies(
    const std::vector<std::map<std::string, double>>& reports);

struct likeness {
  double dice = 0;                // weighted Dice overlap in [0, 1]
  std::size_t shared_words = 0;   // shared words that are neither names nor numbers
  std::size_t shared_rare = 0;    // ... of which few reports speak (see similarity.cpp)
};

// Shared people and places say little on their own: the same leaders make many statements on
// one day. Shared words about what happened ("ceasefire", "attend") are what tell.
likeness similarity(const std::map<std::string, double>& a, const std::map<std::string, double>& b,
                    const std::map<std::string, double>& idf);

}  // namespace chronicle::detail
