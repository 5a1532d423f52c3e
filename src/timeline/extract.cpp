// One article to a timeline: each sentence that a date expression dates becomes an event.
#include <algorithm>

#include "chronicle/timeline.hpp"

namespace chronicle {
namespace {

bool dates_an_event(const timex& t) {
  return t.type == timex_type::date || t.type == timex_type::time;
}

// The expression that dates a sentence: the first with days on the calendar, else the first
// date of any kind ("recently": PAST_REF).
const timex* dating_expression(const std::vector<const timex*>& in_sentence) {
  for (const timex* t : in_sentence) {
    if (dates_an_event(*t) && t->first_day) return t;
  }
  for (const timex* t : in_sentence) {
    if (dates_an_event(*t)) return t;
  }
  return nullptr;
}

// "early June" covers the first third of June, "late 2020" the last third of 2020: a reader
// places them there, and ordering should too.
std::pair<date::sys_days, date::sys_days> narrowed(date::sys_days first, date::sys_days last,
                                                   std::string_view mod) {
  const date::days third = (last - first + date::days{1}) / 3;
  if (mod == "START") return {first, first + third - date::days{1}};
  if (mod == "MID") return {first + third, last - third};
  if (mod == "END") return {last - third + date::days{1}, last};
  return {first, last};
}

when when_of(const timex& t) {
  when w;
  w.value = t.value;
  if (t.first_day && t.last_day && *t.last_day - *t.first_day >= date::days{2}) {
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

source source_of(const document& doc, const std::optional<date::sys_days>& published,
                 date_origin origin) {
  source s;
  s.id = doc.id;
  s.title = doc.title;
  s.publisher = doc.publisher;
  s.url = doc.url;
  s.path = doc.path;
  if (published) s.published = iso_day(*published);
  s.published_from = std::string(to_string(published ? origin : date_origin::unknown));
  return s;
}

}  // namespace

timeline extract(const document& doc, const tagger& tagger, const extract_options& options) {
  std::optional<date::sys_days> published = doc.published;
  date_origin origin = doc.published_from;
  const std::string_view body = std::string_view(doc.text).substr(doc.body_begin);
  if (options.dct) {
    published = options.dct;
    origin = date_origin::argument;
  } else if (!published) {
    published = tagger.infer_publication_date(doc.text);
    origin = date_origin::text;
  }

  timeline result;
  result.sources.push_back(source_of(doc, published, origin));
  const auto found = tagger.tag(body, tag_options{published, options.mode});
  std::size_t next = 0;
  for (const auto& [begin, end] : tagger.sentences(body)) {
    std::vector<const timex*> in_sentence;
    while (next < found.size() && found[next].begin < end) {
      if (found[next].begin >= begin) in_sentence.push_back(&found[next]);
      ++next;
    }
    const timex* dating = dating_expression(in_sentence);
    if (dating == nullptr) continue;
    event e;
    e.when = when_of(*dating);
    e.text = std::string(body.substr(begin, end - begin));
    std::replace(e.text.begin(), e.text.end(), '\n', ' ');
    e.sources = {doc.id};
    evidence ev;
    ev.source = doc.id;
    ev.begin = doc.body_begin + begin;
    ev.end = doc.body_begin + end;
    ev.timex = timex_ref{dating->text, doc.body_begin + dating->begin, doc.body_begin + dating->end,
                         std::string(to_string(dating->type)), dating->value};
    ev.anchor = anchor{std::string(to_string(dating->anchor)), dating->rule, dating->anchor_ref};
    e.evidence.push_back(std::move(ev));
    result.events.push_back(std::move(e));
  }
  order_events(result.events);
  return result;
}

}  // namespace chronicle
