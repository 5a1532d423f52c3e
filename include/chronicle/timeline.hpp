#pragma once
// The timeline: sources and dated events, as schema 1 of the YAML format describes them.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "chronicle/document.hpp"
#include "chronicle/tagger.hpp"

namespace chronicle {

struct source {
  std::string id;
  std::string title;
  std::string publisher;
  std::string url;
  std::string path;
  std::string published;       // ISO day, or empty when unknown
  std::string published_from;  // argument | metadata | text | unknown
};

// When an event happened. Dates are kept as the strings the YAML holds, so that a timeline
// read and written again keeps every byte.
struct when {
  std::string value;        // TIMEX3 value
  std::string start;        // first day covered, or empty when unbounded
  std::string end;          // last day covered, or empty when unbounded
  std::string granularity;  // century ... second, or empty
  std::string mod;
};

struct timex_ref {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string type;
  std::string value;
};

struct anchor {
  std::string kind;  // absolute | dct | narrative | event
  std::string rule;
  std::string ref;  // what it was resolved against, if anything
};

struct evidence {
  std::string source;
  std::size_t begin = 0;  // byte span of the event's sentence in the source text
  std::size_t end = 0;
  timex_ref timex;
  chronicle::anchor anchor;
};

// One source's report of an event that merging joined with others: what that source said,
// kept whole so that merging again, or in another order, starts from the same reports.
struct report {
  std::string source;
  std::string id;  // the event's id in the timeline it came from
  chronicle::when when;
  std::string title;
  std::string text;
};

struct event {
  std::string id;
  chronicle::when when;
  std::string title;  // the event's core phrase ("called for a cease-fire in Libya"), or empty
  std::string text;
  std::vector<std::string> sources;
  std::vector<chronicle::evidence> evidence;
  // Set by merging: how many sources report the event, the reports it joins (parallel to
  // `evidence`), and where sources that report it give dates that cannot both be true.
  std::size_t agreement = 0;
  std::vector<report> merged_from;  // in merged timelines, every event has it
  std::vector<std::string> conflicts;
};

struct timeline {
  std::vector<source> sources;
  std::vector<event> events;
  // Contradictions found while dating: an event "two days later" placed before the one it
  // follows, an event given two dates. Each names the events by id.
  std::vector<std::string> warnings;
};

struct extract_options {
  std::optional<date::sys_days> dct;  // overrides front matter and inference
  text_mode mode = text_mode::automatic;
};

// One article to a timeline: tags it, cuts its sentences into clauses, makes each clause with
// a verb an event dated as src/events/anchor.hpp tells (own time expression or interval,
// another event, the episode told, the tense), and orders them as order_events does.
// **Example**: `extract(parse_document(bytes, "a.txt"), tagger::english(), {})`
timeline extract(const document& doc, const tagger& tagger, const extract_options& options);

// Orders events and renumbers their ids. Events on the calendar come first, by when.start,
// then when.end, then original order; an interval open at its start ("until Friday", "in
// recent weeks") stands where it ends, before what starts that day. Then, each group in
// original order: PAST_REF, PRESENT_REF and FUTURE_REF without days, then undated events.
void order_events(std::vector<event>& events);

}  // namespace chronicle
