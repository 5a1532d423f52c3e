// Anchoring events: own time expression, interval, another event, the episode, the lead, the tense.
#include "events/anchor.hpp"

#include <algorithm>
#include <string_view>

#include "events/lead.hpp"
#include "events/own_date.hpp"

namespace chronicle::detail {

// Strings are compared with literals as views: a view compares sizes first, where
// std::string == "literal" calls memcmp whatever the sizes.
using namespace std::string_view_literals;

using date::days;
using date::sys_days;

anchored_events anchor_events(std::string_view text, std::string_view lower, std::size_t offset,
                              const std::vector<clause>& clauses, const anchorer& dates,
                              std::optional<sys_days> dct, const std::string& source,
                              const event_lexicon& lex, bool news) {
  // Compared with, and given to present clauses, for every clause.
  const std::string dct_day = dct ? iso_day(*dct) : "";
  const when today = dct ? day_when("PRESENT_REF", *dct) : when{};
  anchored_events out;
  out.events.reserve(clauses.size());
  // The clauses of each sentence, [first, last) in `clauses`: a sentence's topic is theirs.
  std::vector<std::pair<std::size_t, std::size_t>> sentence_clauses;
  // Clauses are in text order: the last one's sentence is the last sentence.
  if (!clauses.empty()) sentence_clauses.reserve(clauses.back().sentence + 1);
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const std::size_t s = clauses[ci].sentence;
    if (sentence_clauses.size() <= s) sentence_clauses.resize(s + 1, {ci, ci});
    sentence_clauses[s].second = ci + 1;
  }
  // Made when first asked for, since few sentences are asked for theirs, and kept. No sentence
  // (a dateline's episode) has no topic.
  constexpr std::size_t no_sentence = static_cast<std::size_t>(-1);
  const topic_words no_topic;
  std::vector<std::optional<topic_words>> sentence_topics(sentence_clauses.size());
  auto sentence_topic = [&](std::size_t s) -> const topic_words& {
    if (s == no_sentence) return no_topic;
    if (!sentence_topics[s]) {
      const auto [first, last] = sentence_clauses[s];
      sentence_topics[s] = topic_of(std::span<const clause>(clauses).subspan(first, last - first), lex);
    }
    return *sentence_topics[s];
  };
  // A date the text told, as the episode and the lead keep it: when, and the expression that
  // told it; not why, which only the event it dated reads.
  struct told_date {
    when w;
    const timex* t = nullptr;
  };
  // The happening a news story opens with: its first past clause with a recent day of its own.
  struct lead_event {
    told_date d;
    std::size_t sentence = 0;  // its topic is its sentence's
    std::string title;
  };
  std::optional<lead_event> lead;
  std::size_t verb_sentences = 0;
  std::optional<std::size_t> last_verb_sentence;
  std::size_t episode_topic_sentence = no_sentence;  // the sentence whose topic is the episode's
  bool episode_reported = false;  // the episode is the lead, which the last clause reported
  // The episode the text is telling: the latest own calendar date, its paragraph and sentence.
  std::optional<told_date> episode;
  std::size_t episode_paragraph = 0;
  std::size_t episode_sentence = 0;
  std::optional<std::size_t> previous_dated;  // index into out.events
  topic_words mine;  // a clause's topic, lent to each clause that asks for its own
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const clause& c = clauses[ci];
    std::optional<dating> d = dates.own(c);
    if (!c.has_verb) {
      // A dateline is no event, but the story it heads is told from its date.
      if (d && d->t != nullptr && !d->w.start.empty() && d->w.start == d->w.end) {
        episode = told_date{std::move(d->w), d->t};  // d is read no more
        episode_paragraph = c.paragraph;
        episode_sentence = c.sentence;
        episode_topic_sentence = no_sentence;
        episode_reported = false;
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
      if (const auto tied = dates.tie(c, *parse_iso_day(before->when.start))) {
        tie = tied->first;
        const sys_days day = tied->second;
        dating rel{day_when(iso_day(day), day), tie,
                   {"event",
                    "event/" + tie->text +
                        (lex.has("relative_connective", dates.last_word(*tie))
                             ? ""
                             : " " + std::string(words_of(lower, tie->end, c.end, lex).front().lower)),
                    before->when.value + " (" + before->title + ")"}};
        if (d && d->t != tie && !d->w.start.empty() && (d->w.start > rel.w.end || d->w.end < rel.w.start)) {
          out.warnings.push_back({offset + c.begin, 0,
                                  "{0} has two dates: " + d->w.value + " (\"" + d->t->text + "\") and " +
                                      rel.w.value + " (\"" + tie->text + "\" " + before->when.value + ")"});
        }
        d = rel;
      }
    }
    if (d && d->t == tie && d->why.kind != "event"sv) d.reset();  // a connective dates no clause of its own
    // "There are 500 engineers at their largest conference in the past decade", "Apple Corps
    // claims that iTunes violates an agreement reached in 1991": a state in the present, with
    // a period before the publication date that measures it or dates what it mentions. The
    // state holds on the publication day; a day in the present is a caption's, and kept.
    std::optional<told_date> mentioned;
    if (d && dct && c.tense == clause_tense::present && d->t != nullptr && d->why.kind != "event"sv &&
        !d->w.end.empty() && d->w.end < dct_day && d->w.start != d->w.end) {
      if (has_past_form(text, lower, c.begin, d->t->begin, lex)) mentioned = told_date{std::move(d->w), d->t};
      d = dating{today, nullptr, {"dct", "tense/present-state", dct_day}};
    }
    // The event is made here: a clause that its own expressions do not date, as most are not,
    // is dated in the event's own `when` and anchor, rather than in a dating moved there.
    event& e = out.events.emplace_back();
    e.evidence.resize(1);
    evidence& ev = e.evidence.front();
    when& w = e.when;
    chronicle::anchor& why = ev.anchor;
    const timex* t = nullptr;  // the expression that dates it, if any
    if (d) {
      w = std::move(d->w);  // d is read no more but for its expressions
      why = std::move(d->why);
      t = d->t;
    } else {
      // "... last month. || But that event was canceled": the sentence right after a dated one
      // continues its episode even across a paragraph break.
      const bool in_episode =
          episode && (episode_paragraph == c.paragraph || (episode_sentence + 1 == c.sentence && !episode_reported));
      const bool past_episode = in_episode && (!dct || episode->w.end.empty() || episode->w.start <= dct_day);
      const bool future_episode = in_episode && dct && episode->w.start > dct_day;
      const std::string_view tense = to_string(c.tense);
      // Dated by the episode.
      auto narrative = [&] {
        w = episode->w;
        t = episode->t;
        why.kind = "narrative";
        why.rule.assign("narrative/").append(tense);
        why.ref = episode->w.value;
      };
      // Dated by its tense against the publication day, as most clauses are: its `when` left
      // for the caller to fill.
      auto by_tense = [&] {
        why.kind = "dct";
        why.rule.assign("tense/").append(tense);  // in its own room, no temporary moved in
        why.ref = dct_day;
      };
      // "Putin told Macron: ...", "The Kremlin also said that Putin extended the invitation":
      // an undated past clause that shares more of the lead's words than of the episode's
      // reports the lead, unless its own sentence has dated it.
      const bool episode_is_lead = lead && episode && episode->w.value == lead->d.w.value;
      std::size_t lead_score = 0;
      if (lead && c.tense == clause_tense::past && !(episode && episode_sentence == c.sentence)) {
        topic_of(c.words, lex, mine);
        lead_score = reporting_score(c.words, mine, sentence_topic(lead->sentence), lex);
        std::size_t rival = 0;
        if (past_episode && !episode_is_lead) {
          rival = reporting_score(c.words, mine, sentence_topic(episode_topic_sentence), lex);
        }
        if (lead_score < 2 || lead_score <= rival) lead_score = 0;
      }
      if (lead_score > 0) {
        w = lead->d.w;
        t = lead->d.t;
        why.kind = "event";
        why.rule = "lead/shared-words";
        why.ref.append(lead->d.w.value).append(" (").append(lead->title).append(")");
        episode = lead->d;
        episode_paragraph = c.paragraph;
        episode_sentence = c.sentence;
        episode_topic_sentence = lead->sentence;
        episode_reported = true;
      } else if ((c.tense == clause_tense::past && past_episode) ||
          // The present perfect tells today's news ("has forced Apple to ...") or what the
          // sentence just dated; not an older episode.
          (c.tense == clause_tense::perfect && past_episode &&
           (episode_sentence == c.sentence || (dct && episode->w.start == dct_day && episode->w.end == episode->w.start))) ||
          ((c.tense == clause_tense::future || c.tense == clause_tense::modal) && future_episode)) {
        narrative();
      } else if (c.tense == clause_tense::present) {
        by_tense();  // without a publication day, its ref is empty, as dct_day is
        if (dct) {
          w = today;
        } else {
          w.value = "PRESENT_REF";
        }
      } else if (c.tense == clause_tense::past || c.tense == clause_tense::perfect) {
        by_tense();
        w.value = "PAST_REF";
      } else if (c.tense == clause_tense::future || c.tense == clause_tense::modal) {
        by_tense();
        w.value = "FUTURE_REF";
      }
      // else: no date, and no reason.
    }
    // Only a clause's own dating has these.
    const timex* const until = d ? d->until : nullptr;
    const timex* const other = d ? d->other : nullptr;
    const timex* const relation = d ? d->relation : nullptr;
    if (other != nullptr) {
      out.warnings.push_back({offset + c.begin, 0,
                              "{0} has two dates: " + t->value + " (\"" + t->text + "\") and " +
                                  other->value + " (\"" + other->text + "\")"});
    }
    // "two days later" that lands before the event it follows contradicts the text.
    if (relation != nullptr && why.kind != "event"sv && previous_dated && !w.start.empty()) {
      const event& prior = out.events[*previous_dated];
      const word& last = dates.last_word(*relation);
      if ((lex.has("later", last) && w.start < prior.when.start) ||
          (lex.has("earlier", last) && !prior.when.end.empty() && w.start > prior.when.end)) {
        out.warnings.push_back({offset + c.begin, prior.evidence.front().begin,
                                "{0} (" + w.value + ", \"" + relation->text + "\") is placed " +
                                    (lex.has("later", last) ? "before" : "after") + " {1} (" + prior.when.value +
                                    "), which the text puts it " + (lex.has("later", last) ? "after" : "before")});
      }
    }
    const bool own_expression = t != nullptr && t->begin >= c.begin && t->end <= c.end;
    std::size_t skip_end = own_expression ? (until != nullptr ? until->end : t->end) : 0;
    if (own_expression && why.kind == "event"sv) {
      // "two days | after": the connective goes with the expression.
      const auto next = words_of(lower, skip_end, c.end, lex);
      if (!next.empty() && lex.has("relative_connective", next.front())) skip_end = next.front().end;
    }
    e.title = clause_title(text, c, own_expression ? t->begin : 0, skip_end, lex);
    // "The Mac market share is up 82 % from 9 months ago", "it now uses": a state today,
    // measured against another time, tells no episode that later clauses continue.
    const bool present_state = w.value == "PRESENT_REF"sv ||
                               (c.tense == clause_tense::present && dct && w.start < dct_day);
    const bool own_calendar = own_expression && !w.start.empty() && !w.end.empty() &&
                              w.value.find('/') == std::string::npos && !present_state;
    if (mentioned) {
      // "... an agreement reached in 1991, which barred Apple Computer from ...": what follows
      // continues the past the clause mentions.
      episode = mentioned;
      episode_paragraph = c.paragraph;
      episode_sentence = c.sentence;
      episode_topic_sentence = c.sentence;
      episode_reported = false;
    }
    if (own_calendar) {
      episode = told_date{w, t};
      episode_paragraph = c.paragraph;
      episode_sentence = c.sentence;
      episode_topic_sentence = c.sentence;
      episode_reported = false;
    }
    // The lead is told in the first sentences, of a day or a week just before publication,
    // by its own expression or by the dateline's.
    auto recent = [&] {
      const auto first = parse_iso_day(w.start);
      const auto last = parse_iso_day(w.end);
      return dct && first && last && *last <= *dct && *first >= *dct - days{31} && *last - *first < days{7};
    };
    if (news && !lead && verb_sentences <= 3 && t != nullptr && why.kind != "event"sv &&
        (c.tense == clause_tense::past || c.tense == clause_tense::perfect) && recent()) {
      lead = lead_event{{w, t}, c.sentence, e.title};
    }
    if (!w.start.empty() && t != nullptr) previous_dated = out.events.size() - 1;
    // Its strings are written where they stay, each event's vectors made at their size: no
    // temporaries moved in, no vector grown.
    e.text.assign(text, c.begin, c.end - c.begin);
    // Few clauses span a line break: find goes from one to the next.
    for (auto i = e.text.find('\n'); i != std::string::npos; i = e.text.find('\n', i + 1)) e.text[i] = ' ';
    e.sources.assign(1, source);
    ev.source = source;
    ev.begin = offset + c.begin;
    ev.end = offset + c.end;
    if (t != nullptr) set_ref(ev.timex, *t, offset);
  }
  return out;
}

}  // namespace chronicle::detail
