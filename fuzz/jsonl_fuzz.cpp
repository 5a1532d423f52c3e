// One JSON line from bytes, as `tag --input jsonl` reads each: the line's reader (which checks
// it is text), the tagger on its text, and the writer, whose line of what was read must read
// back the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "chronicle/batch.hpp"
#include "chronicle/error.hpp"
#include "chronicle/render.hpp"
#include "chronicle/tagger.hpp"
#include "io/json_line.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  const std::string line = fuzz::bytes(data, size);
  batch_document doc;
  try {
    doc = parse_document_line(line, "fuzz.jsonl", 1);
  } catch (const chronicle::error&) {
    return 0;
  }
  const std::string written =
      "{\"id\":" + detail::json_string(doc.id) + ",\"text\":" + detail::json_string(doc.text) + "}";
  const batch_document back =
      parse_document_line(written, "written.jsonl", 1);  // throws: a finding
  fuzz::require(back.id == doc.id && back.text == doc.text,
                "a document written as a JSON line reads back the same");
  const auto found =
      tagger::english().tag(doc.text, {.dct = doc.dct, .mode = text_mode::automatic});
  const std::string out = render_jsonl(found, "", doc.id);
  fuzz::require(
      found.empty() || doc.id.empty() || out.find(detail::json_string(doc.id)) != std::string::npos,
      "the timexes' lines name their document");
  return 0;
}
