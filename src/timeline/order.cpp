// The order of a chronology.
#include <algorithm>
#include <charconv>
#include <iterator>
#include <string_view>
#include <tuple>
#include <utility>

#include "chronicle/timeline.hpp"

namespace chronicle {

// Strings are compared with literals as views: a view compares sizes first, where
// std::string == "literal" calls memcmp whatever the sizes.
using namespace std::string_view_literals;
namespace {

// Events known only as before, at or after the publication date, and undated ones, keep
// places of their own after the calendar, so that nothing is dropped and nothing is given a
// false place on it.
int group(const when& w) {
  if (!w.start.empty() || !w.end.empty()) return 0;
  if (w.value == "PAST_REF"sv) return 1;
  if (w.value == "PRESENT_REF"sv) return 2;
  if (w.value == "FUTURE_REF"sv) return 3;
  return 4;
}

}  // namespace

void order_events(std::vector<event>& events) {
  // ISO days compare as strings. An interval open at its start is known by its end: it
  // stands there, before what starts that day ("in recent weeks" before today's news).
  auto key = [](const event& e) {
    const when& w = e.when;
    const bool open_start = w.start.empty() && !w.end.empty();
    // An end left open is later than any.
    return std::make_tuple(group(w), std::string_view(open_start ? w.end : w.start),
                           open_start ? 0 : 1,
                           w.end.empty() ? std::string_view("~") : std::string_view(w.end));
  };
  // Of two periods starting the same day the one that ends first comes first:
  // "2020-06-01" before "2020-06". Keys are made once rather than at each comparison, of
  // views into the events, which stay in place until sorted.
  std::vector<decltype(key(events.front()))> keys;
  keys.reserve(events.size());
  for (const event& e : events) keys.push_back(key(e));
  // Indices are sorted, rather than the keys, which are large.
  std::vector<std::size_t> from(events.size());  // from[i]: the index of the event that goes to i
  for (std::size_t i = 0; i < from.size(); ++i) from[i] = i;
  std::stable_sort(from.begin(), from.end(),
                   [&keys](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  // The events, large, are moved into their places where they are, one cycle of the order at
  // a time: an event already in its place is not moved, and no second vector is made.
  for (std::size_t start = 0; start < from.size(); ++start) {
    if (from[start] == start) continue;
    event first = std::move(events[start]);
    std::size_t to = start;
    while (from[to] != start) {
      const std::size_t next = from[to];
      events[to] = std::move(events[next]);
      from[to] = to;
      to = next;
    }
    events[to] = std::move(first);
    from[to] = to;
  }
  // Written in place: "e" + std::to_string makes two strings an event.
  char id[24] = {'e'};
  for (std::size_t i = 0; i < events.size(); ++i) {
    events[i].id.assign(id, std::to_chars(id + 1, std::end(id), i + 1).ptr);
  }
}

}  // namespace chronicle
