// The lead's words, and how much a clause shares them.
#include "events/lead.hpp"

#include <algorithm>
#include <utility>

namespace chronicle::detail {

namespace {

std::string_view stem(std::string_view w) {
  if (w.ends_with("'s")) w.remove_suffix(2);
  if (w.size() > 4 && w.ends_with('s') && !w.ends_with("ss")) w.remove_suffix(1);
  return w;
}

bool has_letter(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Adds the topic words of `words` to `topic`, unsorted.
void add_topic(std::span<const word> words, const event_lexicon& lex, topic_words& topic) {
  for (const auto& w : words) {
    if (w.lower.size() < 3 || !has_letter(w.lower) ||
        lex.has_any(event_lexicon::bits({"not_topic", "reporting"}), w)) {
      continue;
    }
    const std::string_view s = stem(w.lower);
    // A word that is its own stem was asked of the lexicon above, and is hashed already.
    if (s.size() == w.lower.size()) {
      topic.push_back(w.hash);
    } else if (s.size() >= 3) {
      const std::uint64_t hash = word_hash(s);  // for the lexicon and the topic both
      if (!lex.has("not_topic", s, hash)) topic.push_back(hash);
    }
  }
}

void sort_once(topic_words& topic) {
  std::sort(topic.begin(), topic.end());
  topic.erase(std::unique(topic.begin(), topic.end()), topic.end());
}

}  // namespace

void topic_of(std::span<const word> words, const event_lexicon& lex, topic_words& topic) {
  topic.clear();
  topic.reserve(words.size());  // at most one a word: one allocation, if any
  add_topic(words, lex, topic);
  sort_once(topic);
}

topic_words topic_of(std::span<const clause> clauses, const event_lexicon& lex) {
  topic_words topic;
  std::size_t words = 0;
  for (const clause& c : clauses) words += c.words.size();
  topic.reserve(words);  // at most one a word: one allocation
  for (const clause& c : clauses) add_topic(c.words, lex, topic);
  sort_once(topic);
  return topic;
}

std::size_t reporting_score(std::span<const word> words, const topic_words& mine,
                            const topic_words& told, const event_lexicon& lex) {
  // Both are sorted, each word once: one walk through both finds the words they share.
  std::size_t score = 0;
  for (auto m = mine.begin(), t = told.begin(); m != mine.end() && t != told.end();) {
    if (*m < *t) {
      ++m;
    } else if (*t < *m) {
      ++t;
    } else {
      ++score;
      ++m;
      ++t;
    }
  }
  if (std::any_of(words.begin(), words.end(),
                  [&](const word& w) { return lex.has("also", w); }))
    ++score;
  return score;
}

}  // namespace chronicle::detail
