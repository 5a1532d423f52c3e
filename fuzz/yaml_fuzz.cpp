// Timeline YAML from bytes: the reader, the writer (what it writes must read back the same),
// the Markdown and Mermaid renderers, and diff against itself.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "chronicle/error.hpp"
#include "chronicle/io.hpp"
#include "chronicle/merge.hpp"
#include "chronicle/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  timeline t;
  try {
    t = timeline_from_yaml(fuzz::bytes(data, size), "fuzz.yaml");
  } catch (const chronicle::error&) {
    return 0;
  }
  const std::string yaml = to_yaml(t);
  fuzz::require(to_yaml(timeline_from_yaml(yaml, "written.yaml")) == yaml, "a written timeline reads back the same");
  (void)render_markdown(t, {.mermaid = true});
  (void)diff(t, t);
  return 0;
}
