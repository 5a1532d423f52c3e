#pragma once
// The event lexicon: word lists from data/<lang>/events.txt (reporting verbs, tense words,
// clause breaks, interval words), looked up by section.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/word_map.hpp"

namespace chronicle::detail {

// A word of an article as the event stages read it (see words_of).
struct word {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
  std::string lower;  // lower-cased; punctuation is a word of its own
  std::uint64_t hash = 0;  // word_hash(lower): the lexicon is asked of most words several times
};

class event_lexicon {
 public:
  // Throws chronicle::error naming the line when the text is not `[section]` and phrases.
  static event_lexicon parse(std::string_view text, const std::string& name);

  // A section's name, hashed when the program is compiled: every call names its section
  // with a literal, and lookups are made for nearly every word of an article.
  struct section_name {
    // Implicit, so that a call reads has("past", w).
    consteval section_name(const char* name) : name(name), hash(word_hash(this->name)) {}
    std::string_view name;
    std::uint64_t hash;
  };

  bool has(section_name section, std::string_view word) const {
    return has(section, word, word_hash(word));
  }
  bool has(section_name section, const word& w) const { return has(section, w.lower, w.hash); }
  // Whether the word is in any section (one-word entries; phrases are matched).
  bool lists(const word& w) const { return sections_of_.find(w.lower, w.hash) != nullptr; }
  // How many of words[at...] the longest phrase of `section` starting there covers, or 0.
  std::size_t match(section_name section, std::span<const word> words, std::size_t at) const;

 private:
  bool has(section_name section, std::string_view word, std::uint64_t hash) const {
    // Most words are in no section: looked up first, they need no section looked up.
    const std::uint64_t* word_sections = sections_of_.find(word, hash);
    if (word_sections == nullptr) return false;
    const unsigned* bit = section_bit_.find(section.name, section.hash);
    return bit != nullptr && (*word_sections >> *bit & 1U) != 0;
  }

  // Looked up for nearly every word of an article, several times: each word maps to the set
  // of its sections (one bit each).
  word_map<unsigned> section_bit_;
  word_map<std::uint64_t> sections_of_;
  word_map<std::vector<std::vector<std::string>>> phrases_;  // by section
};

// The English lexicon compiled into the library.
const event_lexicon& english_events();

}  // namespace chronicle::detail
