// Several timelines from bytes, split at "\n---\n" lines: merge, which must not depend on the
// order of its inputs, nor on whether some were merged before, and diff.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "chronicle/error.hpp"
#include "chronicle/io.hpp"
#include "chronicle/merge.hpp"
#include "chronicle/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  const std::string input = fuzz::bytes(data, size);
  std::vector<timeline> timelines;
  try {
    for (std::size_t at = 0; at <= input.size() && timelines.size() < 4;) {
      const std::size_t cut = std::min(input.find("\n---\n", at), input.size());
      timelines.push_back(timeline_from_yaml(std::string_view(input).substr(at, cut - at), "fuzz.yaml"));
      at = cut + 5;
    }
  } catch (const chronicle::error&) {
    return 0;
  }
  timeline merged;
  try {
    merged = merge(timelines);
  } catch (const chronicle::error&) {
    return 0;  // two different sources with one id: refused, as documented
  }
  const std::string yaml = to_yaml(merged);
  const std::vector<timeline> reversed(timelines.rbegin(), timelines.rend());
  fuzz::require(to_yaml(merge(reversed)) == yaml, "merge does not depend on the order of its inputs");
  if (timelines.size() >= 2) {
    std::vector<timeline> in_steps{merge({timelines[0], timelines[1]})};
    in_steps.insert(in_steps.end(), timelines.begin() + 2, timelines.end());
    fuzz::require(to_yaml(merge(in_steps)) == yaml, "merging merged timelines again gives the same");
  }
  fuzz::require(to_yaml(timeline_from_yaml(yaml, "merged.yaml")) == yaml, "a merged timeline reads back the same");
  (void)diff(timelines.front(), merged);
  (void)render_markdown(merged, {.mermaid = false});
  return 0;
}
