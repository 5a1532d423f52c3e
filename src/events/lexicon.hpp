#pragma once
// The event lexicon: word lists from data/<lang>/events.txt (reporting verbs, tense words,
// clause breaks, interval words), looked up by section.

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
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

// The sections the event stages read. A section's bit in word_sections is its place here,
// known when the program is compiled: the stages ask the lexicon of most words many times,
// and a bit known beforehand is one test, where a bit looked up by name was a search.
// clang-format off
inline constexpr std::array<std::string_view, 37> section_names = {
    "reporting", "past", "present", "perfect", "future", "modal", "irregular_past",
    "after_present_s", "not_before_present_s", "not_present_s", "participle", "clause_break",
    "verb_clause_break", "clause_break_always", "second_report", "determiner", "since", "until",
    "from", "to", "between", "and", "recent", "next", "relative_connective",
    "connective_earlier", "later", "earlier", "timex_preposition", "adverb", "deadline", "also",
    "not_topic", "coordinator", "reported_clause", "title_conjunction", "weak_title_end"};
// clang-format on
static_assert(section_names.size() <= 64, "a section is a bit of a 64-bit word");

class event_lexicon {
 public:
  // Throws chronicle::error naming the line when the text is not `[section]` and phrases, or
  // names a section not in section_names.
  static event_lexicon parse(std::string_view text, const std::string& name);

  // A section, named by a literal of section_names: a name not there does not compile.
  struct section_name {
    // Implicit, so that a call reads has("past", w).
    consteval section_name(const char* name) : bit(bit_of(name)) {}
    unsigned bit;

   private:
    static consteval unsigned bit_of(std::string_view name) {
      for (std::size_t i = 0; i < section_names.size(); ++i) {
        if (section_names[i] == name) return static_cast<unsigned>(i);
      }
      throw "not a section of section_names";  // at compile time: an error there
    }
  };

  bool has(section_name section, std::string_view word) const {
    return has(section, word, word_hash(word));
  }
  // The same, of a word whose word_hash is `hash`.
  bool has(section_name section, std::string_view word, std::uint64_t hash) const {
    return in(sections_of(word, hash), section);
  }
  bool has(section_name section, const word& w) const { return in(w.sections, section); }
  // Whether some section lists the word (one-word entries; phrases are matched).
  bool lists(const word& w) const { return w.sections != nullptr && w.sections->listed != 0; }
  // Several sections as one set of bits, for has_any: `bits({"past", "present"})`.
  static consteval std::uint64_t bits(std::initializer_list<section_name> names) {
    std::uint64_t set = 0;
    for (const section_name name : names) set |= std::uint64_t{1} << name.bit;
    return set;
  }
  // Whether one of the sections of `set` (bits gives one) lists the word: one test, where
  // asking has of each section was a test each.
  bool has_any(std::uint64_t set, const word& w) const {
    return w.sections != nullptr && (w.sections->listed & sections_ & set) != 0;
  }
  // How many of words[at...] the longest phrase of `section` starting there covers, or 0.
  // Asked of most words of a clause, of which few begin a phrase: the others are answered here.
  std::size_t match(section_name section, std::span<const word> words, std::size_t at) const {
    if (at >= words.size() || words[at].sections == nullptr) return 0;
    if (((words[at].sections->starts_phrase & sections_) >> section.bit & 1U) == 0) {
      return in(words[at].sections, section) ? 1 : 0;
    }
    return match_phrase(section, words, at);
  }

  // What the lexicon knows of a word whose word_hash is `hash`, or nullptr. Asked for every
  // word of a text: a short word is told by its hash and size in the slot (hash_tells_word),
  // with no read of the word the lexicon keeps.
  const word_sections* sections_of(std::string_view word, std::uint64_t hash) const {
    for (std::size_t i = hash & slot_mask_; slots_[i].entry != 0; i = (i + 1) & slot_mask_) {
      const slot& s = slots_[i];
      if (s.hash == hash && s.size == word.size() &&
          (hash_tells_word(word.size()) || entries_[s.entry - 1].first == word)) {
        return &entries_[s.entry - 1].second;
      }
    }
    return nullptr;
  }

 private:
  // match, of a word that begins a phrase of the section.
  std::size_t match_phrase(section_name section, std::span<const word> words, std::size_t at) const;

  // Of its own sections only: a word read by another lexicon may be listed in sections this
  // one has not.
  bool in(const word_sections* sections, section_name section) const {
    return sections != nullptr && ((sections->listed & sections_) >> section.bit & 1U) != 0;
  }

  std::uint64_t sections_ = 0;  // the bits of the sections it has

  // Its words, and an open-addressing table of them by hash: a power of two slots, at most a
  // quarter of them used, so that most words it has not are told so at the first slot.
  struct slot {
    std::uint64_t hash = 0;
    std::uint32_t size = 0;   // of the word, in bytes
    std::uint32_t entry = 0;  // 1 + its index in entries_; 0 for an empty slot
  };
  std::vector<std::pair<std::string, word_sections>> entries_;
  std::vector<slot> slots_ = std::vector<slot>(1);  // one empty slot: a lexicon without words
  std::size_t slot_mask_ = 0;
  std::array<std::vector<std::vector<std::string>>, section_names.size()> phrases_;  // by bit
};

// The English lexicon compiled into the library.
const event_lexicon& english_events();

}  // namespace chronicle::detail
