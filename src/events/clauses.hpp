#pragma once
// Clauses: the units events are made of. A sentence is cut where a new clause begins (a
// comma and "but", "which", "and" before a verb, "although" anywhere, a line after a short
// line such as a dateline); reporting frames ("the Kremlin said") stay with what they report.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "events/lexicon.hpp"

namespace chronicle::detail {

enum class clause_tense { none, past, perfect, present, future, modal };
std::string_view to_string(clause_tense tense);

// The text with its ASCII letters in lower case: the same bytes but for A-Z, at the same offsets.
std::string lower_case(std::string_view text);

// Words and punctuation of lower[begin, end), each with what `lex` knows of it. `lower` is a
// text in lower case (lower_case gives one), which the words are views into.
std::vector<word> words_of(std::string_view lower, std::size_t begin, std::size_t end,
                           const event_lexicon& lex);
// The same words, added to the end of `words`.
void add_words(std::string_view lower, std::size_t begin, std::size_t end, const event_lexicon& lex,
               std::vector<word>& words);

struct clause {
  std::size_t begin = 0;  // byte span in the text
  std::size_t end = 0;
  std::size_t sentence = 0;   // index of its sentence
  std::size_t paragraph = 0;  // index of its paragraph (blank-line separated)
  clause_tense tense = clause_tense::none;
  bool has_verb = false;  // false for datelines, captions' credits, headlines without a verb
  // words[0, verb_from) hold no verb form outside a reporting frame: what reading its tense
  // found, so that its title need not look there again.
  std::size_t verb_from = 0;
  // Its words, as words_of(lower, begin, end, lex) gives them, in its text's words (text_clauses):
  // made once, for its title, its dates and its topic read them again.
  std::span<const word> words;
};

// The clauses of a text, and the words they are made of: one vector for all, rather than one
// for each clause. A move keeps the words where the clauses see them; a copy would not, and
// is not allowed.
struct text_clauses {
  text_clauses() = default;
  text_clauses(const text_clauses&) = delete;
  text_clauses& operator=(const text_clauses&) = delete;
  text_clauses(text_clauses&&) = default;
  text_clauses& operator=(text_clauses&&) = default;
  ~text_clauses() = default;

  std::vector<word> words;  // of every line of every sentence, in text order
  std::vector<clause> clauses;
};

// `lower`: lower_case(text), which the clauses' words are views into. `cut_before`: byte offsets
// where a clause must begin (time expressions that place their clause relative to the one
// before: ", two days after they ...").
text_clauses split_clauses(std::string_view text, std::string_view lower,
                           const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                           const std::vector<std::size_t>& cut_before, const event_lexicon& lex);

// Whether text[begin, end) has a verb form in the past ("reached", "was", "took"); `lower` is
// lower_case(text).
bool has_past_form(std::string_view text, std::string_view lower, std::size_t begin, std::size_t end,
                   const event_lexicon& lex);

// The clause's core phrase: from its subject's last words through its verb phrase, without
// reporting frames, the time expression [skip_begin, skip_end) and what follows a comma.
std::string clause_title(std::string_view text, const clause& c, std::size_t skip_begin,
                         std::size_t skip_end, const event_lexicon& lex);

}  // namespace chronicle::detail
