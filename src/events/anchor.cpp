// Anchoring events: own time expression, interval, another event, the episode, the tense.
#include "events/anchor.hpp"

#include <algorithm>
#include <set>
#include <span>

#include "events/lead.hpp"

namespace chronicle::detail {
namespace {

using date::days;
using date::sys_days;

bool dates_an_event(const timex& t) { return t.type == timex_type::date || t.type == timex_type::time; }

// "early June" covers the first third of June, "late 2020" the last third of 2020: a reader
// places them there, and ordering should too.
std::pair<sys_days, sys_days> narrowed(sys_days first, sys_days last, std::string_view mod) {
  const days third = (last - first + days{1}) / 3;
  if (mod == "START") return {first, first + third - days{1}};
  if (mod == "MID") return {first + third, last - third};
  if (mod == "END") return {last - third + days{1}, last};
  return {first, last};
}

when when_of(const timex& t) {
  when w;
  w.value = t.value;
  if (t.first_day && t.last_day && *t.last_day - *t.first_day >= days{2}) {
    const auto [first, last] = narrowed(*t.first_day, *t.last_day, t.mod);
    w.start = iso_day(first);
    w.end = iso_day(last);
  } else {
    if (t.first_day) w.start = iso_day(*t.first_day);
    if (t.last_day) w.end = iso_day(*t.last_day);
  }
  if (t.grain) w.granularity = std::string(to_string(*t.grain));
  w.mod = t.mod;
  return w;
}

when day_when(std::string value, sys_days day) {
  return when{std::move(value), iso_day(day), iso_day(day), "day", ""};
}

// An interval as ISO 8601 writes it, ".." for an open end: "2020-06-01/2020-06-26", "../2020-06-26".
when interval(const std::string& start, const std::string& end, std::string granularity) {
  return when{(start.empty() ? ".." : start) + "/" + (end.empty() ? ".." : end), start, end,
              std::move(granularity), ""};
}

timex_ref ref_of(const timex& t, std::size_t offset) {
  return timex_ref{t.text, offset + t.begin, offset + t.end, std::string(to_string(t.type)), t.value};
}

std::string last_word(const timex& t) {
  const auto words = words_of(t.text, 0, t.text.size());
  return words.empty() ? std::string() : words.back().lower;
}

// The words of text[begin, end) up to the first whitespace after the first word: the first
// word is the same as words_of(text, begin, end) would give, since no word spans whitespace,
// and looking at only that much keeps a clause with many expressions linear.
std::vector<word> leading_words(std::string_view text, std::size_t begin, std::size_t end) {
  auto space = [&](std::size_t i) { return text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'; };
  std::size_t stop = begin;
  while (stop < end && space(stop)) ++stop;
  while (stop < end && !space(stop)) ++stop;
  return words_of(text, begin, stop);
}

// "P3W" -> {3, 'W'}; "PXW" -> {0, 'W'} (some weeks: the count is unknown).
std::optional<std::pair<int, char>> duration_of(std::string_view value) {
  if (value.size() < 3 || value[0] != 'P' || value[1] == 'T') return std::nullopt;
  const char unit = value.back();
  if (unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y') return std::nullopt;
  const auto digits = value.substr(1, value.size() - 2);
  if (digits == "X") return std::pair{0, unit};
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos || digits.size() > 4) {
    return std::nullopt;
  }
  return std::pair{std::stoi(std::string(digits)), unit};
}

sys_days back_by(sys_days from, int n, char unit) {
  if (unit == 'D') return from - days{n};
  if (unit == 'W') return from - date::weeks{n};
  date::year_month_day ymd{from};
  ymd = unit == 'M' ? ymd - date::months{n} : ymd - date::years{n};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
  return sys_days{ymd};
}

std::string_view unit_name(char unit) {
  switch (unit) {
    case 'D': return "day";
    case 'W': return "week";
    case 'M': return "month";
    default: return "year";
  }
}

struct clause_words {
  std::vector<word> words;
  // The lower-cased word just before byte offset `at` in the clause, or "".
  // Words are in text order: a binary search keeps a clause with many expressions linear.
  std::string before(std::size_t at) const {
    const auto next = std::partition_point(words.begin(), words.end(), [&](const word& w) { return w.begin < at; });
    return next == words.begin() ? std::string() : std::prev(next)->lower;
  }
};

struct dating {
  when w;
  const timex* t = nullptr;
  chronicle::anchor why;
  const timex* until = nullptr;     // the interval's second expression ("from March to May")
  const timex* other = nullptr;     // another day in the clause that disagrees with `t`
  const timex* relation = nullptr;  // "two days later": the clause follows the one before
};

class anchorer {
 public:
  anchorer(std::string_view text, std::size_t offset, const std::vector<timex>& found,
           std::optional<sys_days> dct, const event_lexicon& lex)
      : text_(text), offset_(offset), found_(found), dct_(dct), lex_(lex),
        sorted_(std::is_sorted(found.begin(), found.end(),
                               [](const timex& a, const timex& b) { return a.begin < b.begin; })) {}

  // The expressions that begin in [begin, end). The tagger gives them in text order, so two
  // binary searches find them; scanning them all for every clause made a long article cost
  // clauses times expressions.
  std::span<const timex> starting_in(std::size_t begin, std::size_t end) const {
    if (!sorted_) return found_;
    const auto first = std::partition_point(found_.begin(), found_.end(),
                                            [&](const timex& t) { return t.begin < begin; });
    const auto last = std::partition_point(first, found_.end(), [&](const timex& t) { return t.begin < end; });
    return {first, last};
  }

  // The clause's own date, if its time expressions give one.
  std::optional<dating> own(const clause& c) const {
    std::vector<const timex*> in;
    const clause_words cw{words_of(text_, c.begin, c.end)};
    for (const auto& t : starting_in(c.begin, c.end)) {
      // "the 1991 agreement": a year that qualifies a noun dates the noun, not the clause.
      const bool attributive = lex_.has("determiner", cw.before(t.begin)) && t.text.size() == 4 &&
                               t.text.find_first_not_of("0123456789") == std::string::npos;
      if (t.begin >= c.begin && t.end <= c.end && !attributive) in.push_back(&t);
    }
    // Intervals first: they use two expressions, or a duration.
    for (std::size_t i = 0; i < in.size(); ++i) {
      const timex& t = *in[i];
      const std::string before = cw.before(t.begin);
      if (dates_an_event(t) && i + 1 < in.size() && dates_an_event(*in[i + 1]) &&
          (lex_.has("from", before) || lex_.has("between", before))) {
        const std::string joint = cw.before(in[i + 1]->begin);
        if ((lex_.has("from", before) && lex_.has("to", joint)) || (lex_.has("between", before) && lex_.has("and", joint))) {
          const when a = when_of(t);
          const when b = when_of(*in[i + 1]);
          if (!a.start.empty() && !b.end.empty()) {
            return dating{interval(a.start, b.end, a.granularity), &t,
                          {"absolute", "interval/" + before, t.value + "/" + in[i + 1]->value}, in[i + 1]};
          }
        }
      }
      if (dates_an_event(t) && t.first_day && lex_.has("since", before)) {
        const when a = when_of(t);
        const std::string end = dct_ && *dct_ >= *t.first_day ? iso_day(*dct_) : "";
        return dating{interval(a.start, end, a.granularity), &t,
                      {end.empty() ? "absolute" : "dct", "interval/since", end}};
      }
      if (dates_an_event(t) && t.last_day && lex_.has("until", before)) {
        return dating{interval("", when_of(t).end, when_of(t).granularity), &t, {"absolute", "interval/until", ""}};
      }
      if (t.type == timex_type::duration && dct_) {
        const auto d = duration_of(t.value);
        const auto words = words_of(t.text, 0, t.text.size());
        const bool recent = std::any_of(words.begin(), words.end(), [&](const word& w) { return lex_.has("recent", w.lower); });
        const bool next = std::any_of(words.begin(), words.end(), [&](const word& w) { return lex_.has("next", w.lower); });
        if (d && recent) {
          const std::string start = d->first > 0 ? iso_day(back_by(*dct_, d->first, d->second)) : "";
          return dating{interval(start, iso_day(*dct_), std::string(unit_name(d->second))), &t,
                        {"dct", "interval/recent", iso_day(*dct_)}};
        }
        if (d && next && d->first == 0) {
          // "in the next months" and "before the end of the year": the second closes it.
          std::string end;
          for (const timex* other : in) {
            const std::string word = cw.before(other->begin);
            if (other != &t && other->last_day && *other->last_day >= *dct_ &&
                lex_.has("deadline", word)) {
              end = iso_day(*other->last_day);
            }
          }
          return dating{interval(iso_day(*dct_), end, std::string(unit_name(d->second))), &t,
                        {"dct", "interval/next", iso_day(*dct_)}};
        }
      }
    }
    const timex* best = nullptr;
    for (const timex* t : in) {
      if (dates_an_event(*t) && t->first_day) {
        best = t;
        break;
      }
    }
    for (const timex* t : in) {
      if (best == nullptr && dates_an_event(*t)) best = t;
    }
    if (best == nullptr) return std::nullopt;
    // "now", "currently": the publication day itself.
    if (best->value == "PRESENT_REF" && dct_) {
      return dating{day_when("PRESENT_REF", *dct_), best, {"dct", best->rule, iso_day(*dct_)}};
    }
    dating d{when_of(*best), best, {std::string(to_string(best->anchor)), best->rule, best->anchor_ref}};
    for (const timex* t : in) {
      const bool one_day = t->first_day && t->first_day == t->last_day;
      if (t != best && one_day && best->first_day == best->last_day && t->first_day != best->first_day &&
          !lex_.has("relative_connective", last_word(*t))) {
        d.other = t;
      }
      if (lex_.has("later", last_word(*t)) || lex_.has("earlier", last_word(*t))) d.relation = t;
    }
    return d;
  }

  // The expression that ties the clause to the event before it, and the day it gives from
  // that event's day: "two days after" (a date the tagger counted from the event, or a
  // duration followed by the connective).
  std::optional<std::pair<const timex*, sys_days>> tie(const clause& c, sys_days other_day) const {
    for (const auto& t : starting_in(c.begin, c.end)) {
      if (t.begin < c.begin || t.end > c.end) continue;
      if (lex_.has("relative_connective", last_word(t)) && t.first_day && !t.anchor_ref.empty()) {
        if (const auto ref = parse_iso_day(t.anchor_ref)) return std::pair{&t, other_day - (*t.first_day - *ref)};
      }
      const auto after = leading_words(text_, t.end, c.end);
      const auto d = duration_of(t.value);
      if (t.type == timex_type::duration && d && d->first > 0 && !after.empty() &&
          lex_.has("relative_connective", after.front().lower)) {
        const int n = lex_.has("connective_earlier", after.front().lower) ? d->first : -d->first;
        return std::pair{&t, back_by(other_day, n, d->second)};
      }
    }
    return std::nullopt;
  }

  std::string_view text_;
  std::size_t offset_;
  const std::vector<timex>& found_;
  std::optional<sys_days> dct_;
  const event_lexicon& lex_;
  bool sorted_;
};

bool is_day(const when& w) { return !w.start.empty() && w.start == w.end; }

}  // namespace

std::vector<std::size_t> relative_cuts(std::string_view text, const std::vector<timex>& found, const event_lexicon& lex) {
  std::vector<std::size_t> cuts;
  for (const auto& t : found) {
    const auto after = words_of(text, t.end, std::min(text.size(), t.end + 16));
    const bool followed = t.type == timex_type::duration && !after.empty() && lex.has("relative_connective", after.front().lower);
    if (followed || lex.has("relative_connective", last_word(t))) cuts.push_back(t.begin);
  }
  return cuts;
}

anchored_events anchor_events(std::string_view text, std::size_t offset, const std::vector<clause>& clauses,
                              const std::vector<timex>& found, std::optional<sys_days> dct,
                              const std::string& source, const event_lexicon& lex, bool news) {
  const anchorer a(text, offset, found, dct, lex);
  anchored_events out;
  std::vector<std::pair<std::size_t, std::size_t>> sentence_span;
  for (const clause& c : clauses) {
    if (sentence_span.size() <= c.sentence) sentence_span.resize(c.sentence + 1, {c.begin, c.end});
    sentence_span[c.sentence].first = std::min(sentence_span[c.sentence].first, c.begin);
    sentence_span[c.sentence].second = std::max(sentence_span[c.sentence].second, c.end);
  }
  auto sentence_topic = [&](std::size_t s) {
    return topic_of(text, sentence_span[s].first, sentence_span[s].second, lex);
  };
  // The happening a news story opens with: its first past clause with a recent day of its own.
  struct lead_event {
    dating d;
    std::set<std::string> topic;
    std::string title;
  };
  std::optional<lead_event> lead;
  std::size_t verb_sentences = 0;
  std::optional<std::size_t> last_verb_sentence;
  std::set<std::string> episode_topic;
  // The episode the text is telling: the latest own calendar date, its paragraph and sentence.
  std::optional<dating> episode;
  std::size_t episode_paragraph = 0;
  std::size_t episode_sentence = 0;
  std::optional<std::size_t> previous_dated;  // index into out.events
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const clause& c = clauses[ci];
    std::optional<dating> d = a.own(c);
    if (!c.has_verb) {
      // A dateline is no event, but the story it heads is told from its date.
      if (d && d->t != nullptr && !d->w.start.empty() && d->w.start == d->w.end) {
        episode = d;
        episode_paragraph = c.paragraph;
        episode_sentence = c.sentence;
        episode_topic.clear();
      }
      continue;
    }
    if (last_verb_sentence != c.sentence) {
      last_verb_sentence = c.sentence;
      ++verb_sentences;
    }
    const event* before = out.events.empty() ? nullptr : &out.events.back();
    const bool same_sentence = ci > 0 && clauses[ci - 1].sentence == c.sentence && before != nullptr &&
                               before->evidence.front().end - offset <= c.begin;
    // "two days after they regained the airport": the event after the connective is dated
    // from the one before it, by the distance the expression gives.
    const timex* tie = nullptr;
    if (same_sentence && is_day(before->when)) {
      if (const auto tied = a.tie(c, *parse_iso_day(before->when.start))) {
        tie = tied->first;
        const sys_days day = tied->second;
        dating rel{day_when(iso_day(day), day), tie,
                   {"event",
                    "event/" + tie->text +
                        (lex.has("relative_connective", last_word(*tie)) ? "" : " " + words_of(text, tie->end, c.end).front().lower),
                    before->when.value + " (" + before->title + ")"}};
        if (d && d->t != tie && !d->w.start.empty() && (d->w.start > rel.w.end || d->w.end < rel.w.start)) {
          out.warnings.push_back({offset + c.begin, 0,
                                  "{0} has two dates: " + d->w.value + " (\"" + d->t->text + "\") and " +
                                      rel.w.value + " (\"" + tie->text + "\" " + before->when.value + ")"});
        }
        d = rel;
      }
    }
    if (d && d->t == tie && d->why.kind != "event") d.reset();  // a connective dates no clause of its own
    if (!d) {
      // "... last month. || But that event was canceled": the sentence right after a dated one
      // continues its episode even across a paragraph break.
      const bool in_episode = episode && (episode_paragraph == c.paragraph || episode_sentence + 1 == c.sentence);
      const bool past_episode = in_episode && (!dct || episode->w.end.empty() || episode->w.start <= iso_day(*dct));
      const bool future_episode = in_episode && dct && episode->w.start > iso_day(*dct);
      const auto tense = std::string(to_string(c.tense));
      auto narrative = [&] {
        return dating{episode->w, episode->t, {"narrative", "narrative/" + tense, episode->w.value}};
      };
      const std::string dct_day = dct ? iso_day(*dct) : "";
      // "Putin told Macron: ...", "The Kremlin also said that Putin extended the invitation":
      // an undated past clause that shares more of the lead's words than of the episode's
      // reports the lead, unless its own sentence has dated it.
      const bool episode_is_lead = lead && episode && episode->w.value == lead->d.w.value;
      std::size_t lead_score = 0;
      if (lead && c.tense == clause_tense::past && !(episode && episode_sentence == c.sentence)) {
        lead_score = reporting_score(text, c.begin, c.end, lead->topic, lex);
        const std::size_t rival =
            past_episode && !episode_is_lead ? reporting_score(text, c.begin, c.end, episode_topic, lex) : 0;
        if (lead_score < 2 || lead_score <= rival) lead_score = 0;
      }
      if (lead_score > 0) {
        d = dating{lead->d.w, lead->d.t,
                   {"event", "lead/shared-words", lead->d.w.value + " (" + lead->title + ")"}};
        episode = lead->d;
        episode_paragraph = c.paragraph;
        episode_sentence = c.sentence;
        episode_topic = lead->topic;
      } else if ((c.tense == clause_tense::past && past_episode) ||
          // The present perfect tells today's news ("has forced Apple to ...") or what the
          // sentence just dated; not an older episode.
          (c.tense == clause_tense::perfect && past_episode &&
           (episode_sentence == c.sentence || (dct && episode->w.start == iso_day(*dct) && episode->w.end == episode->w.start))) ||
          ((c.tense == clause_tense::future || c.tense == clause_tense::modal) && future_episode)) {
        d = narrative();
      } else if (c.tense == clause_tense::present) {
        d = dct ? dating{day_when("PRESENT_REF", *dct), nullptr, {"dct", "tense/present", dct_day}}
                : dating{when{"PRESENT_REF", "", "", "", ""}, nullptr, {"dct", "tense/present", ""}};
      } else if (c.tense == clause_tense::past || c.tense == clause_tense::perfect) {
        d = dating{when{"PAST_REF", "", "", "", ""}, nullptr, {"dct", "tense/" + tense, dct_day}};
      } else if (c.tense == clause_tense::future || c.tense == clause_tense::modal) {
        d = dating{when{"FUTURE_REF", "", "", "", ""}, nullptr, {"dct", "tense/" + tense, dct_day}};
      } else {
        d = dating{};
      }
    }
    const dating dd = d.value_or(dating{});
    if (dd.other != nullptr) {
      out.warnings.push_back({offset + c.begin, 0,
                              "{0} has two dates: " + dd.t->value + " (\"" + dd.t->text + "\") and " +
                                  dd.other->value + " (\"" + dd.other->text + "\")"});
    }
    // "two days later" that lands before the event it follows contradicts the text.
    if (dd.relation != nullptr && dd.why.kind != "event" && previous_dated && !dd.w.start.empty()) {
      const event& prior = out.events[*previous_dated];
      const std::string w = last_word(*dd.relation);
      if ((lex.has("later", w) && dd.w.start < prior.when.start) ||
          (lex.has("earlier", w) && !prior.when.end.empty() && dd.w.start > prior.when.end)) {
        out.warnings.push_back({offset + c.begin, prior.evidence.front().begin,
                                "{0} (" + dd.w.value + ", \"" + dd.relation->text + "\") is placed " +
                                    (lex.has("later", w) ? "before" : "after") + " {1} (" + prior.when.value +
                                    "), which the text puts it " + (lex.has("later", w) ? "after" : "before")});
      }
    }
    event e;
    e.when = dd.w;
    const bool own_expression = dd.t != nullptr && dd.t->begin >= c.begin && dd.t->end <= c.end;
    std::size_t skip_end = own_expression ? (dd.until != nullptr ? dd.until->end : dd.t->end) : 0;
    if (own_expression && dd.why.kind == "event") {
      // "two days | after": the connective goes with the expression.
      const auto next = words_of(text, skip_end, c.end);
      if (!next.empty() && lex.has("relative_connective", next.front().lower)) skip_end = next.front().end;
    }
    e.title = clause_title(text, c, own_expression ? dd.t->begin : 0, skip_end, lex);
    e.text = std::string(text.substr(c.begin, c.end - c.begin));
    std::replace(e.text.begin(), e.text.end(), '\n', ' ');
    e.sources = {source};
    evidence ev;
    ev.source = source;
    ev.begin = offset + c.begin;
    ev.end = offset + c.end;
    if (dd.t != nullptr) ev.timex = ref_of(*dd.t, offset);
    ev.anchor = dd.why;
    e.evidence.push_back(std::move(ev));
    // "The Mac market share is up 82 % from 9 months ago", "it now uses": a state today,
    // measured against another time, tells no episode that later clauses continue.
    const bool present_state = dd.w.value == "PRESENT_REF" ||
                               (c.tense == clause_tense::present && dct && dd.w.start < iso_day(*dct));
    const bool own_calendar = dd.t != nullptr && dd.why.kind != "narrative" && !dd.w.start.empty() &&
                              !dd.w.end.empty() && dd.w.value.find('/') == std::string::npos && !present_state;
    if (own_calendar) {
      episode = d;
      episode_paragraph = c.paragraph;
      episode_sentence = c.sentence;
      episode_topic = sentence_topic(c.sentence);
      const bool recent = dct && dd.w.end <= iso_day(*dct) && dd.w.start >= iso_day(*dct - days{31});
      if (news && !lead && verb_sentences <= 3 && recent &&
          (c.tense == clause_tense::past || c.tense == clause_tense::perfect)) {
        lead = lead_event{dd, episode_topic, e.title};
      }
    }
    if (!dd.w.start.empty() && dd.t != nullptr) previous_dated = out.events.size();
    out.events.push_back(std::move(e));
  }
  return out;
}

}  // namespace chronicle::detail
