#pragma once
// Anchoring: each clause's event gets the date that the text gives it, and the reason.
// In this order: a time expression in its own clause (an interval where "since", "until",
// "from ... to", "between ... and", "in recent weeks" make one; another event's date where
// "two days after" ties it to one; a present state's past period does not date it), else, in
// news, the lead's date where an undated past clause reports the story's lead rather than the
// episode told since (src/events/lead.hpp), else the date of the episode the paragraph (or the
// sentence just before) is telling, else its tense against the publication date (present: that
// day; past: PAST_REF; future: FUTURE_REF). Clauses without a verb are no events.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/timeline.hpp"
#include "events/clauses.hpp"
#include "events/own_date.hpp"

namespace chronicle::detail {

// A contradiction found while anchoring: `what` names the events as {0} and {1}, which are
// the events whose evidence begins at `first` and `second` (ids are known after ordering).
struct pending_warning {
  std::size_t first = 0;
  std::size_t second = 0;
  std::string what;
};

struct anchored_events {
  std::vector<event> events;  // in text order
  std::vector<pending_warning> warnings;
};

// `clauses` are in offsets of `text`, `lower` is lower_case(text), and `dates` dates them from
// the text's time expressions; events get offsets + `offset` (where `text` starts in the
// source) and `source` as their source. `news`: the text is news, told from its publication
// date, so its lead may date the reports of it.
anchored_events anchor_events(std::string_view text, std::string_view lower, std::size_t offset,
                              const std::vector<clause>& clauses, const anchorer& dates,
                              std::optional<date::sys_days> dct, const std::string& source,
                              const event_lexicon& lex, bool news);

}  // namespace chronicle::detail
