// The order of a chronology.
#include <algorithm>

#include "chronicle/timeline.hpp"

namespace chronicle {

void order_events(std::vector<event>& events) {
  // ISO days compare as strings. Events without a start (PAST_REF, undated) go last, in the
  // order the text gave them, so that nothing is dropped and nothing is given a false place.
  std::stable_sort(events.begin(), events.end(), [](const event& a, const event& b) {
    if (a.when.start.empty() != b.when.start.empty()) return b.when.start.empty();
    if (a.when.start != b.when.start) return a.when.start < b.when.start;
    // Of two periods starting the same day the one that ends first comes first:
    // "2020-06-01" before "2020-06".
    return a.when.end < b.when.end;
  });
  for (std::size_t i = 0; i < events.size(); ++i) events[i].id = "e" + std::to_string(i + 1);
}

}  // namespace chronicle
