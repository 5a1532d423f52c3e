#pragma once
// The lead: the happening a news story opens with. Later clauses that report it without a date
// of their own ("Putin told Macron: ...", "The Kremlin also said that ...") share its actors and
// topic words; background ("Apple was founded in 1976", "Russia backs Haftar") has a tense or a
// date of its own, or shares too little.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "events/clauses.hpp"
#include "events/lexicon.hpp"

namespace chronicle::detail {

// The content words of a text, lower-cased, without a possessive "'s" or a plural "s"
// ("Tripoli's" and "Tripoli", "events" and "event" are one word), nor the words of the
// lexicon's [not_topic] section. Only ever compared, so kept as their word_hash, sorted and
// each once: a clause's topic is taken for every past clause of a story.
using topic_words = std::vector<std::uint64_t>;

// The topic of a clause's words, into `topic` (its room kept: the topics of many clauses are
// taken in turn, and room is made once).
void topic_of(std::span<const word> words, const event_lexicon& lex, topic_words& topic);
// The topic of several clauses together (a sentence's).
topic_words topic_of(std::span<const clause> clauses, const event_lexicon& lex);

// How strongly a clause's words report the happening told by `told`: the words of their topic
// (`mine`, as topic_of gives it) they share, and one more for "also" ("Macron also raised with
// Putin ...": another part of the same story).
std::size_t reporting_score(std::span<const word> words, const topic_words& mine,
                            const topic_words& told, const event_lexicon& lex);

}  // namespace chronicle::detail
