// An article from bytes to a timeline: validation, front matter, the tagger in every mode,
// publication date inference, extraction, and the YAML written from it read back.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "check.hpp"
#include "chronicle/document.hpp"
#include "chronicle/error.hpp"
#include "chronicle/io.hpp"
#include "chronicle/render.hpp"
#include "chronicle/tagger.hpp"
#include "chronicle/timeline.hpp"

namespace chronicle {
namespace {

using namespace date::literals;

// Publication dates near the ends of the calendar too, where date arithmetic overflows.
const std::optional<date::sys_days> dcts[] = {std::nullopt, 2020_y / 6 / 27, 1998_y / 2 / 28,
                                              1_y / 1 / 1, 9999_y / 12 / 31};
const text_mode modes[] = {text_mode::automatic, text_mode::news, text_mode::narrative};

void check_found(const std::vector<timex>& found, std::string_view text) {
  std::size_t previous_end = 0;
  for (const auto& t : found) {
    fuzz::require(t.begin < t.end && t.end <= text.size(), "a timex spans bytes of the text");
    fuzz::require(t.begin >= previous_end, "timexes come in text order and do not overlap");
    fuzz::require(t.text == text.substr(t.begin, t.end - t.begin), "a timex's text is its span");
    fuzz::require(!t.value.empty(), "a timex has a value");
    fuzz::require(!t.first_day || !t.last_day || *t.first_day <= *t.last_day, "days run forward");
    previous_end = t.end;
  }
}

}  // namespace
}  // namespace chronicle

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  if (size == 0) return 0;
  // The first byte chooses the publication date and the mode; the rest is the article.
  const auto dct = dcts[data[0] % std::size(dcts)];
  const text_mode mode = modes[(data[0] / std::size(dcts)) % std::size(modes)];
  document doc;
  try {
    doc = parse_document(fuzz::bytes(data + 1, size - 1), "fuzz.txt");
  } catch (const chronicle::error&) {
    return 0;  // not text: refused with a message, as it should be
  }
  const tagger& english = tagger::english();
  const std::string_view body = std::string_view(doc.text).substr(doc.body_begin);
  check_found(english.tag(body, {dct ? dct : doc.published, mode}), body);
  (void)english.infer_publication_date(doc.text);
  const timeline extracted = extract(doc, english, {dct, mode});
  const std::string yaml = to_yaml(extracted);
  fuzz::require(to_yaml(timeline_from_yaml(yaml, "written.yaml")) == yaml, "a written timeline reads back the same");
  (void)render_markdown(extracted, {.mermaid = true});
  return 0;
}
