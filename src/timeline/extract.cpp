// One article to a timeline: its clauses become events (src/events), then ordered.
#include <map>

#include <fmt/format.h>

#include "chronicle/timeline.hpp"
#include "events/anchor.hpp"
#include "events/clauses.hpp"
#include "events/lexicon.hpp"

namespace chronicle {
namespace {

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
  // The events' anchors name the rules that dated them.
  const auto [found, sentences] =
      tagger.read(body, tag_options{.dct = published, .mode = options.mode, .explain = true});
  const auto& lex = detail::english_events();
  const std::string lower = detail::lower_case(body);  // the clauses' words are views into it
  const detail::anchorer dates(lower, doc.body_begin, found, published, lex);
  const auto clauses = detail::split_clauses(body, lower, sentences, dates.relative_cuts(), lex);
  auto anchored = detail::anchor_events(body, lower, doc.body_begin, clauses.clauses, dates, published,
                                        doc.id, lex,
                                        options.mode != text_mode::narrative && published.has_value());
  result.events = std::move(anchored.events);
  order_events(result.events);
  // Warnings name events by the ids ordering gave them; most articles have none to name.
  if (anchored.warnings.empty()) return result;
  std::map<std::size_t, std::string> id_at;
  for (const auto& e : result.events) id_at[e.evidence.front().begin] = e.id;
  for (const auto& w : anchored.warnings) {
    result.warnings.push_back(fmt::format(fmt::runtime(w.what), id_at[w.first], id_at[w.second]));
  }
  return result;
}

}  // namespace chronicle
