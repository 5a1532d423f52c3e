// Merging: every input event is taken apart into the reports it holds; reports from different
// sources that can share a date and say the same thing are joined, most alike first.
#include "chronicle/merge.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "chronicle/error.hpp"
#include "merge/similarity.hpp"
#include "recognize/pack.hpp"

namespace chronicle {
namespace {

// How alike two reports must be to be joined. Always at least one shared word about what
// happened; then less overlap when they name the same day than when they only share a longer
// period (where two shared words about what happened also do), and much more to join reports
// whose dates disagree.
constexpr double same_day_threshold = 0.12;
constexpr double same_period_threshold = 0.20;
constexpr std::size_t same_period_shared_words = 2;
constexpr double conflict_threshold = 0.60;
// Sources disagree by days or weeks; the same words a year apart tell of an event that
// recurs (an annual keynote, a quarterly report), not of one told two ways.
constexpr date::days conflict_reach{92};
// One source may tell one happening twice (a photo caption and its story): two of its reports
// of the same day join when they are this alike.
constexpr double same_source_threshold = 0.40;

bool alike_enough(const detail::likeness& l, bool same_day, bool dates_agree, bool dates_near,
                  bool both_dated) {
  if (l.shared_words == 0 || !both_dated) return false;
  if (same_day) return l.dice >= same_day_threshold;
  if (dates_agree) return l.dice >= same_period_threshold || l.shared_rare >= same_period_shared_words;
  return dates_near && l.dice >= conflict_threshold;
}

const date::sys_days earliest{date::year::min() / 1 / 1};
const date::sys_days latest{date::year::max() / 12 / 31};

struct atom {
  report said;
  std::vector<evidence> support;
  // The days the report allows, an open end reaching as far as the calendar does. Reports
  // dated only by tense (PAST_REF ...) or not at all are undated here: they join nothing.
  bool dated = false;
  date::sys_days first = earliest;
  date::sys_days last = latest;
  std::map<std::string, double> words;
};

auto atom_key(const atom& a) {
  const std::size_t begin = a.support.empty() ? 0 : a.support.front().begin;
  const std::size_t end = a.support.empty() ? 0 : a.support.front().end;
  // Not the id: a report alone in a merged timeline gets a new one when events are renumbered.
  return std::make_tuple(std::cref(a.said.source), begin, end, std::cref(a.said.when.value),
                         std::cref(a.said.text));
}

// All else an atom holds. Two inputs may give one report (same key) with different details;
// ordering by them too keeps the same one of the two whatever the order of the inputs.
auto rest_of(const atom& a) {
  std::vector<std::tuple<std::string, std::size_t, std::size_t, std::string, std::size_t, std::size_t,
                         std::string, std::string, std::string, std::string, std::string>>
      support;
  for (const evidence& e : a.support) {
    support.emplace_back(e.source, e.begin, e.end, e.timex.text, e.timex.begin, e.timex.end, e.timex.type,
                         e.timex.value, e.anchor.kind, e.anchor.rule, e.anchor.ref);
  }
  return std::make_tuple(a.said.id, a.said.title, a.said.when.granularity, a.said.when.mod, std::move(support));
}

// Undated first would put them before everything; they go last, like order_events does.
bool canonical_less(const atom& a, const atom& b) {
  const auto& wa = a.said.when;
  const auto& wb = b.said.when;
  if (wa.start.empty() != wb.start.empty()) return wb.start.empty();
  if (wa.start != wb.start) return wa.start < wb.start;
  if (wa.end != wb.end) return wa.end < wb.end;
  const auto ka = atom_key(a);
  const auto kb = atom_key(b);
  if (ka != kb) return ka < kb;
  return rest_of(a) < rest_of(b);
}

atom make_atom(report said, std::vector<evidence> support) {
  atom a;
  a.said = std::move(said);
  a.support = std::move(support);
  const auto first = parse_iso_day(a.said.when.start);
  const auto last = parse_iso_day(a.said.when.end);
  a.dated = (first || last) && !a.said.when.value.ends_with("_REF");
  a.first = first.value_or(earliest);
  a.last = last.value_or(latest);
  return a;
}

std::vector<atom> atoms_of(const timeline& t) {
  std::vector<atom> atoms;
  for (const event& e : t.events) {
    if (!e.merged_from.empty()) {
      for (std::size_t i = 0; i < e.merged_from.size(); ++i) {
        atoms.push_back(make_atom(e.merged_from[i], {e.evidence.at(i)}));
      }
      continue;
    }
    // A report is one piece of evidence: extract writes one per event. An event written by
    // hand with several is taken as several reports of it, and one with none gets an
    // evidence naming only its source, so that every merged event lists reports and
    // evidence one to one and merging again starts from the same reports.
    const std::string source = !e.sources.empty() ? e.sources.front()
                               : !e.evidence.empty() ? e.evidence.front().source
                                                     : std::string();
    if (e.evidence.empty()) {
      evidence only_source;
      only_source.source = source;
      atoms.push_back(make_atom(report{source, e.id, e.when, e.title, e.text}, {only_source}));
      continue;
    }
    for (const evidence& ev : e.evidence) {
      const std::string& from = ev.source.empty() ? source : ev.source;
      atoms.push_back(make_atom(report{from, e.id, e.when, e.title, e.text}, {ev}));
    }
  }
  return atoms;
}

bool dates_agree(const atom& a, const atom& b) {
  return a.dated && b.dated && a.first <= b.last && b.first <= a.last;
}

bool dates_near(const atom& a, const atom& b) {
  if (dates_agree(a, b)) return true;
  if (!a.dated || !b.dated) return false;
  return std::max(a.first, b.first) - std::min(a.last, b.last) <= conflict_reach;
}

bool same_day(const atom& a, const atom& b) {
  return a.dated && b.dated && a.first == a.last && b.first == b.last && a.first == b.first;
}

// The time expression's bytes inside the report's text, to leave out of the comparison: dates
// are compared on their own. A holiday's name ("Victory Day") says what happened and stays.
std::pair<std::size_t, std::size_t> timex_within_text(const atom& a) {
  if (a.support.empty()) return {0, 0};
  const evidence& ev = a.support.front();
  if (ev.anchor.rule.starts_with("holiday/")) return {0, 0};
  if (ev.timex.begin < ev.begin || ev.timex.end < ev.timex.begin) return {0, 0};
  return {ev.timex.begin - ev.begin, ev.timex.end - ev.begin};
}

struct cluster {
  std::vector<std::size_t> members;
  std::set<std::string> sources;
};

std::vector<std::string> conflicts_in(const std::vector<const atom*>& members) {
  std::vector<std::string> conflicts;
  for (std::size_t i = 0; i < members.size(); ++i) {
    for (std::size_t j = i + 1; j < members.size(); ++j) {
      if (dates_agree(*members[i], *members[j])) continue;
      conflicts.push_back(members[i]->said.source + " gives " + members[i]->said.when.value + ", " +
                          members[j]->said.source + " gives " + members[j]->said.when.value);
    }
  }
  return conflicts;
}

event merged_event(std::vector<const atom*> members) {
  std::sort(members.begin(), members.end(), [](const atom* a, const atom* b) {
    return atom_key(*a) < atom_key(*b);
  });
  event e;
  // The finest date among the reports that agree: the narrowest interval, its value.
  const atom* finest = members.front();
  for (const atom* a : members) {
    if (!a->dated) continue;
    if (!finest->dated || (a->last - a->first) < (finest->last - finest->first)) finest = a;
  }
  e.when = finest->said.when;
  e.title = finest->said.title;
  e.text = finest->said.text;
  e.conflicts = conflicts_in(members);
  if (e.conflicts.empty() && finest->dated) {
    date::sys_days start = finest->first;
    date::sys_days end = finest->last;
    for (const atom* a : members) {
      if (!a->dated) continue;
      start = std::max(start, a->first);
      end = std::min(end, a->last);
    }
    e.when.start = start == earliest ? "" : iso_day(start);
    e.when.end = end == latest ? "" : iso_day(end);
  }
  std::set<std::string> sources;
  for (const atom* a : members) {
    sources.insert(a->said.source);
    for (const auto& ev : a->support) e.evidence.push_back(ev);
  }
  e.sources.assign(sources.begin(), sources.end());
  e.agreement = sources.size();
  // Every event of a merged timeline lists its reports, a lone one too: renumbering gives the
  // event a new id, and merging again must start from the reports as they first came.
  for (const atom* a : members) e.merged_from.push_back(a->said);
  return e;
}

std::vector<source> merged_sources(const std::vector<timeline>& inputs) {
  std::map<std::string, source> by_id;
  for (const timeline& t : inputs) {
    for (const source& s : t.sources) {
      const auto [it, inserted] = by_id.emplace(s.id, s);
      const source& known = it->second;
      if (!inserted && std::tie(known.title, known.path, known.url, known.published) !=
                           std::tie(s.title, s.path, s.url, s.published)) {
        throw error("two different sources share the id '" + s.id + "' (" + known.path + ", " +
                    s.path + "); rename one of the files");
      }
      // One source told apart only by how its date was found (or its publisher): the same
      // one is kept whatever the order of the inputs.
      if (!inserted && std::tie(s.published_from, s.publisher) < std::tie(known.published_from, known.publisher)) {
        it->second = s;
      }
    }
  }
  std::vector<source> sources;
  for (auto& [id, s] : by_id) sources.push_back(std::move(s));
  return sources;
}

// Warnings name events by their ids in the timeline they came from, so in a chronology of
// several sources each says which source it is about ("libya: e4 ...").
std::vector<std::string> merged_warnings(const std::vector<timeline>& inputs) {
  std::set<std::string> warnings;
  for (const timeline& t : inputs) {
    for (const auto& w : t.warnings) {
      const bool one_source = t.sources.size() == 1;
      const std::string prefix = one_source ? t.sources.front().id + ": " : "";
      warnings.insert(one_source && !w.starts_with(prefix) ? prefix + w : w);
    }
  }
  return {warnings.begin(), warnings.end()};
}

}  // namespace

timeline merge(const std::vector<timeline>& inputs) {
  timeline result;
  result.sources = merged_sources(inputs);
  result.warnings = merged_warnings(inputs);

  std::vector<atom> atoms;
  for (const timeline& t : inputs) {
    for (atom& a : atoms_of(t)) atoms.push_back(std::move(a));
  }
  std::sort(atoms.begin(), atoms.end(), canonical_less);
  // The same report twice (a timeline merged with itself) is one report.
  atoms.erase(std::unique(atoms.begin(), atoms.end(),
                          [](const atom& a, const atom& b) { return atom_key(a) == atom_key(b); }),
              atoms.end());

  const auto& pack = *detail::english_pack();
  std::vector<std::map<std::string, double>> all_words;
  for (atom& a : atoms) {
    const auto [skip_begin, skip_end] = timex_within_text(a);
    a.words = detail::content_words(a.said.text, skip_begin, skip_end, pack);
    all_words.push_back(a.words);
  }
  detail::settle_names(all_words);
  for (std::size_t i = 0; i < atoms.size(); ++i) atoms[i].words = all_words[i];
  const auto idf = detail::inverse_frequencies(all_words);

  struct link {
    double score;
    std::size_t a;
    std::size_t b;
  };
  std::vector<link> links;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    for (std::size_t j = i + 1; j < atoms.size(); ++j) {
      const auto alike = detail::similarity(atoms[i].words, atoms[j].words, idf);
      const bool joined =
          atoms[i].said.source == atoms[j].said.source
              ? same_day(atoms[i], atoms[j]) && alike.shared_words > 0 && alike.dice >= same_source_threshold
              : alike_enough(alike, same_day(atoms[i], atoms[j]), dates_agree(atoms[i], atoms[j]),
                             dates_near(atoms[i], atoms[j]), atoms[i].dated && atoms[j].dated);
      if (joined) links.push_back(link{alike.dice, i, j});
    }
  }
  std::sort(links.begin(), links.end(), [](const link& x, const link& y) {
    return std::tie(y.score, x.a, x.b) < std::tie(x.score, y.a, y.b);
  });

  std::vector<std::size_t> cluster_of(atoms.size());
  std::iota(cluster_of.begin(), cluster_of.end(), std::size_t{0});
  std::vector<cluster> clusters(atoms.size());
  for (std::size_t i = 0; i < atoms.size(); ++i) clusters[i] = cluster{{i}, {atoms[i].said.source}};
  for (const link& l : links) {
    const std::size_t x = cluster_of[l.a];
    const std::size_t y = cluster_of[l.b];
    if (x == y) continue;
    // Across sources, one report per source in an event, so that a source's two different
    // events are never joined through a third; reports joined on agreeing dates stay agreeing.
    const bool same_source = atoms[l.a].said.source == atoms[l.b].said.source;
    const bool shared_source = std::any_of(clusters[y].sources.begin(), clusters[y].sources.end(),
                                           [&](const std::string& s) { return clusters[x].sources.contains(s); });
    if (shared_source && !same_source) continue;
    if (dates_agree(atoms[l.a], atoms[l.b])) {
      bool all_agree = true;
      for (const std::size_t m : clusters[x].members) {
        for (const std::size_t n : clusters[y].members) all_agree = all_agree && dates_agree(atoms[m], atoms[n]);
      }
      if (!all_agree) continue;
    }
    for (const std::size_t n : clusters[y].members) {
      cluster_of[n] = x;
      clusters[x].members.push_back(n);
    }
    clusters[x].sources.insert(clusters[y].sources.begin(), clusters[y].sources.end());
    clusters[y] = cluster{};
  }

  for (const cluster& c : clusters) {
    if (c.members.empty()) continue;
    std::vector<const atom*> members;
    for (const std::size_t m : c.members) members.push_back(&atoms[m]);
    result.events.push_back(merged_event(std::move(members)));
  }
  order_events(result.events);
  return result;
}

}  // namespace chronicle
