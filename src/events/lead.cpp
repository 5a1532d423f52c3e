// The lead's words, and how much a clause shares them.
#include "events/lead.hpp"

#include <algorithm>

namespace chronicle::detail {

namespace {

std::string stem(std::string w) {
  if (w.ends_with("'s")) w.resize(w.size() - 2);
  if (w.size() > 4 && w.ends_with('s') && !w.ends_with("ss")) w.pop_back();
  return w;
}

bool has_letter(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::set<std::string> topic_of(std::string_view text, std::size_t begin, std::size_t end,
                               const event_lexicon& lex) {
  return topic_of(words_of(text, begin, end), lex);
}

std::set<std::string> topic_of(const std::vector<word>& words, const event_lexicon& lex) {
  std::set<std::string> topic;
  for (const auto& w : words) {
    if (w.lower.size() < 3 || !has_letter(w.lower) ||
        (lex.lists(w) && (lex.has("not_topic", w) || lex.has("reporting", w)))) {
      continue;
    }
    auto s = stem(w.lower);
    if (s.size() >= 3 && !lex.has("not_topic", s)) topic.insert(std::move(s));
  }
  return topic;
}

std::size_t reporting_score(const std::vector<word>& words, const std::set<std::string>& told,
                            const event_lexicon& lex) {
  const auto mine = topic_of(words, lex);
  std::size_t score = 0;
  for (const auto& w : mine) score += told.count(w);
  if (std::any_of(words.begin(), words.end(),
                  [&](const word& w) { return lex.has("also", w); }))
    ++score;
  return score;
}

}  // namespace chronicle::detail
