#pragma once
// The event lexicon: word lists from data/<lang>/events.txt (reporting verbs, tense words,
// clause breaks, interval words), looked up by section.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/word_map.hpp"

namespace chronicle::detail {

// What the lexicon knows of a word: the sections that list it, and those with a phrase it
// begins, one bit a section.
struct word_sections {
  std::uint64_t listed = 0;
  std::uint64_t starts_phrase = 0;
};

// A word of an article as the event stages read it (see words_of).
struct word {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
  // Lower-cased, a view into the lower-cased copy of the text it was read from: an article
  // has a word every few bytes, and a view of each costs no allocation. Punctuation is a
  // word of its own.
  std::string_view lower;
  std::uint64_t hash = 0;  // word_hash(lower)
  // The lexicon's sections of the word, looked up once when the word is read (words_of): the
  // stages ask the lexicon of most words many times. nullptr: in no section.
  const word_sections* sections = nullptr;
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
    return in(sections_of(word, word_hash(word)), section);
  }
  bool has(section_name section, const word& w) const { return in(w.sections, section); }
  // Whether some section lists the word (one-word entries; phrases are matched).
  bool lists(const word& w) const { return w.sections != nullptr && w.sections->listed != 0; }
  // How many of words[at...] the longest phrase of `section` starting there covers, or 0.
  // Asked of most words of a clause, of which most are in no section: those are answered here.
  std::size_t match(section_name section, std::span<const word> words, std::size_t at) const {
    if (at >= words.size() || words[at].sections == nullptr) return 0;
    return match_listed(section, words, at);
  }

  // What the lexicon knows of a word whose word_hash is `hash`, or nullptr.
  const word_sections* sections_of(std::string_view word, std::uint64_t hash) const {
    return sections_of_.find(word, hash);
  }

 private:
  static constexpr unsigned no_section = 64;

  // match, of a word some section lists.
  std::size_t match_listed(section_name section, std::span<const word> words, std::size_t at) const;

  // A section's bit, found by the hash of its name alone (the names are the program's own
  // literals; the lexicon refuses two sections of one hash), or no_section.
  unsigned bit_of(const section_name& section) const {
    for (std::size_t i = section.hash % section_slots_.size();; i = (i + 1) % section_slots_.size()) {
      const auto& [hash, bit] = section_slots_[i];
      if (bit == no_section || hash == section.hash) return bit;
    }
  }
  bool in(const word_sections* sections, const section_name& section) const {
    if (sections == nullptr) return false;
    const unsigned bit = bit_of(section);
    return bit != no_section && (sections->listed >> bit & 1U) != 0;
  }

  // Twice as many slots as sections at most, so that a probe ends at an empty one (a slot
  // whose bit is no_section).
  using section_slot = std::pair<std::uint64_t, unsigned>;
  std::array<section_slot, 128> section_slots_ = [] {
    std::array<section_slot, 128> empty;
    empty.fill({0, no_section});
    return empty;
  }();
  word_map<word_sections> sections_of_;
  word_map<std::vector<std::vector<std::string>>> phrases_;  // by section
};

// The English lexicon compiled into the library.
const event_lexicon& english_events();

}  // namespace chronicle::detail
