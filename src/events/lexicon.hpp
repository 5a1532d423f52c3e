#pragma once
// The event lexicon: word lists from data/<lang>/events.txt (reporting verbs, tense words,
// clause breaks, interval words), looked up by section.

#include <cstddef>
#include <map>
#include <set>
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
  std::map<std::string, std::set<std::string>, std::less<>> words_;  // one-word phrases
  std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> phrases_;
};

// The English lexicon compiled into the library.
const event_lexicon& english_events();

}  // namespace chronicle::detail
