// The order of a chronology.
#include <algorithm>
#include <array>
#include <charconv>
#include <compare>
#include <cstdint>
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

// A day of an order's key, "2020-06-26": its bytes as two numbers, first byte highest, and its
// size, which compare as the bytes do (a shorter string padded with zeros before a longer one
// it begins), without a call to memcmp. Only strings of sixteen bytes or less fit; ISO days do.
struct packed_day {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  std::size_t size = 0;

  static constexpr std::size_t room = 16;

  explicit packed_day(std::string_view day) : size(day.size()) {
    std::array<unsigned char, room> bytes{};  // zeros past the day
    std::copy_n(day.begin(), std::min(day.size(), room), bytes.begin());
    for (std::size_t k = 0; k < 8; ++k) {
      high = high << 8 | bytes[k];
      low = low << 8 | bytes[8 + k];
    }
  }
  auto operator<=>(const packed_day&) const = default;
};

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
  // views into the events, which stay in place until sorted; where their days fit, also as
  // numbers (packed_day), which compare without memcmp.
  using view_key = decltype(key(events.front()));
  struct sort_key {
    view_key views;
    bool packed;  // the days fit packed_day
    std::tuple<int, packed_day, int, packed_day> numbers;
  };
  std::vector<sort_key> keys;
  keys.reserve(events.size());
  for (const event& e : events) {
    const view_key views = key(e);
    const std::string_view first = std::get<1>(views);
    const std::string_view last = std::get<3>(views);
    keys.push_back({views, first.size() <= packed_day::room && last.size() <= packed_day::room,
                    {std::get<0>(views), packed_day(first), std::get<2>(views), packed_day(last)}});
  }
  // Indices are sorted, rather than the keys, which are large.
  std::vector<std::size_t> from(events.size());  // from[i]: the index of the event that goes to i
  for (std::size_t i = 0; i < from.size(); ++i) from[i] = i;
  std::stable_sort(from.begin(), from.end(), [&keys](std::size_t a, std::size_t b) {
    const sort_key& x = keys[a];
    const sort_key& y = keys[b];
    return x.packed && y.packed ? x.numbers < y.numbers : x.views < y.views;
  });
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
