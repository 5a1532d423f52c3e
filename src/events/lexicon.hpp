#pragma once
// The event lexicon: word lists from data/<lang>/events.txt (reporting verbs, tense words,
// clause breaks, interval words), looked up by section.

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle::detail {

class event_lexicon {
 public:
  // Throws chronicle::error naming the line when the text is not `[section]` and phrases.
  static event_lexicon parse(std::string_view text, const std::string& name);

  bool has(std::string_view section, std::string_view word) const;
  // How many of words[at...] the longest phrase of `section` starting there covers, or 0.
  std::size_t match(std::string_view section, const std::vector<std::string>& words, std::size_t at) const;

 private:
  // Looked up for nearly every word of an article, several times: each word maps to the set
  // of its sections (one bit each), both found by hashing a string_view.
  struct word_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, unsigned, word_hash, std::equal_to<>> section_bit_;
  std::unordered_map<std::string, std::uint64_t, word_hash, std::equal_to<>> sections_of_;
  std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> phrases_;
};

// The English lexicon compiled into the library.
const event_lexicon& english_events();

}  // namespace chronicle::detail
