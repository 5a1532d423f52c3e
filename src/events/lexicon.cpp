// The event lexicon, read from the embedded data file once.
#include "events/lexicon.hpp"

#include <algorithm>

#include "chronicle/error.hpp"

namespace chronicle::detail {

namespace en_events {
extern const std::string_view lexicon;
}  // namespace en_events

namespace {

std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) words.emplace_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

event_lexicon event_lexicon::parse(std::string_view text, const std::string& name) {
  event_lexicon lex;
  word_map<word_sections> listed;  // by word, as the lines are read
  constexpr auto none = static_cast<unsigned>(section_names.size());
  unsigned bit = none;  // of the section being read
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const auto words = split_words(line);
    if (words.empty()) continue;
    if (words.front().starts_with('[')) {
      if (words.size() != 1 || !words.front().ends_with(']')) throw error(name, line_no, 1, "bad section header");
      const std::string_view section =
          std::string_view(words.front()).substr(1, words.front().size() - 2);
      bit = static_cast<unsigned>(std::find(section_names.begin(), section_names.end(), section) -
                                  section_names.begin());
      // A section no stage reads is a misspelling, or words no stage will ever see.
      if (bit == none) {
        throw error(name, line_no, 1, "no stage reads [" + std::string(section) + "]");
      }
      lex.sections_ |= std::uint64_t{1} << bit;
      continue;
    }
    if (bit == none) throw error(name, line_no, 1, "a phrase before any [section]");
    // Lists of irregular verbs are long: a line of several words is several one-word entries,
    // except in sections of phrases ("according to"), which the reporting list holds.
    if (bit == section_name("reporting").bit && words.size() > 1) {
      lex.phrases_[bit].push_back(words);
      listed[words.front()].starts_phrase |= std::uint64_t{1} << bit;
      continue;
    }
    for (const auto& w : words) listed[w].listed |= std::uint64_t{1} << bit;
  }
  listed.for_each([&](const std::string& word, const word_sections& sections) {
    lex.entries_.emplace_back(word, sections);
  });
  std::size_t slots = 16;
  while (slots < lex.entries_.size() * 4) slots *= 2;
  lex.slots_.assign(slots, slot{});
  lex.slot_mask_ = slots - 1;
  for (std::size_t e = 0; e < lex.entries_.size(); ++e) {
    const std::string& word = lex.entries_[e].first;
    const std::uint64_t hash = word_hash(word);
    std::size_t i = hash & lex.slot_mask_;
    while (lex.slots_[i].entry != 0) i = (i + 1) & lex.slot_mask_;
    lex.slots_[i] =
        slot{hash, static_cast<std::uint32_t>(word.size()), static_cast<std::uint32_t>(e + 1)};
  }
  return lex;
}

std::size_t event_lexicon::match_phrase(section_name section, std::span<const word> words,
                                        std::size_t at) const {
  std::size_t best = in(words[at].sections, section) ? 1 : 0;
  for (const auto& phrase : phrases_[section.bit]) {
    if (phrase.size() <= best || at + phrase.size() > words.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < phrase.size() && same; ++k) same = words[at + k].lower == phrase[k];
    if (same) best = phrase.size();
  }
  return best;
}

const event_lexicon& english_events() {
  static const event_lexicon lexicon = event_lexicon::parse(en_events::lexicon, "data/en/events.txt");
  return lexicon;
}

}  // namespace chronicle::detail
