// What a newer chronology changed: reports are matched by source and span, so an event is
// "the same" across versions when it holds a report it held before.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "chronicle/merge.hpp"

namespace chronicle {
namespace {

using report_key = std::tuple<std::string, std::size_t, std::size_t>;

std::set<report_key> reports_of(const event& e) {
  std::set<report_key> keys;
  for (const auto& ev : e.evidence) keys.emplace(ev.source, ev.begin, ev.end);
  return keys;
}

std::string describe(const event& e) {
  std::string text = e.text.size() > 80 ? e.text.substr(0, 77) + "..." : e.text;
  return fmt::format("{} \"{}\"", e.when.value, text);
}

std::size_t days_covered(const when& w) {
  const auto first = parse_iso_day(w.start);
  const auto last = parse_iso_day(w.end);
  if (!first || !last) return static_cast<std::size_t>(-1);
  return static_cast<std::size_t>((*last - *first).count());
}

}  // namespace

std::string diff(const timeline& older, const timeline& newer) {
  std::map<report_key, const event*> old_event_of;
  for (const event& e : older.events) {
    for (const auto& key : reports_of(e)) old_event_of[key] = &e;
  }
  std::set<const event*> matched;
  std::string out;
  for (const event& e : newer.events) {
    const event* before = nullptr;
    for (const auto& key : reports_of(e)) {
      if (const auto it = old_event_of.find(key); it != old_event_of.end()) {
        before = it->second;
        break;
      }
    }
    if (before == nullptr) {
      out += "added: " + describe(e) + "\n";
      continue;
    }
    matched.insert(before);
    if (e.when.value != before->when.value || e.when.start != before->when.start ||
        e.when.end != before->when.end) {
      const bool finer = days_covered(e.when) < days_covered(before->when);
      out += fmt::format("{}: {} -> {} \"{}\"\n", finer ? "date refined" : "date changed",
                         before->when.value, e.when.value, e.text.substr(0, 80));
    }
    std::vector<std::string> added;
    std::set_difference(e.sources.begin(), e.sources.end(), before->sources.begin(),
                        before->sources.end(), std::back_inserter(added));
    for (const auto& s : added) out += fmt::format("source added: {} to {}\n", s, describe(e));
    for (const auto& c : e.conflicts) {
      if (std::find(before->conflicts.begin(), before->conflicts.end(), c) == before->conflicts.end()) {
        out += fmt::format("conflict: {} in {}\n", c, describe(e));
      }
    }
  }
  for (const event& e : older.events) {
    if (!matched.contains(&e)) out += "removed: " + describe(e) + "\n";
  }
  return out;
}

}  // namespace chronicle
