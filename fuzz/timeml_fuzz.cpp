// A TimeML document from bytes: the reader, the tagger on its TEXT, and the annotated
// document, which must read back with the same text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "chronicle/error.hpp"
#include "chronicle/tagger.hpp"
#include "chronicle/timeml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  timeml_document doc;
  try {
    doc = parse_timeml(fuzz::bytes(data, size), "fuzz.tml");
  } catch (const chronicle::error&) {
    return 0;
  }
  fuzz::require(doc.raw_offset.size() == doc.text.size() + 1, "every text byte has its raw offset");
  for (std::size_t i = 0; i < doc.text.size(); ++i) {
    fuzz::require(doc.raw_offset[i] < doc.raw.size() && doc.raw[doc.raw_offset[i]] == doc.text[i],
                  "a text byte is the raw byte it maps to");
  }
  for (const auto& g : doc.timexes) fuzz::require(g.begin <= g.end && g.end <= doc.text.size(), "gold spans lie in the text");
  const auto found = tagger::english().tag(doc.text, {doc.dct, text_mode::automatic});
  const std::string annotated = annotate_timeml(doc, found);
  const timeml_document again = parse_timeml(annotated, "annotated.tml");
  fuzz::require(again.text == doc.text, "annotating changes no byte of the text");
  // Dropping link elements is textual: inside a DCT (never so in TimeML) it may change it.
  if (doc.raw.find("LINK") == std::string::npos && doc.raw.find("MAKEINSTANCE") == std::string::npos) {
    fuzz::require(again.dct == doc.dct, "annotating keeps the DCT");
  }
  return 0;
}
