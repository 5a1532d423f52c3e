// Batch tagging: the tagger is immutable, so threads share it and take documents in turn.
#include "chronicle/batch.hpp"

#include <atomic>
#include <thread>

#include "chronicle/document.hpp"
#include "chronicle/error.hpp"
#include "io/json_line.hpp"

namespace chronicle {

std::vector<std::vector<timex>> tag_all(const tagger& tagger, const std::vector<batch_document>& docs,
                                        text_mode mode, unsigned jobs) {
  std::vector<std::vector<timex>> results(docs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < docs.size(); i = next++) {
      results[i] = tagger.tag(docs[i].text, tag_options{docs[i].dct, mode});
    }
  };
  if (jobs <= 1 || docs.size() <= 1) {
    work();
    return results;
  }
  std::vector<std::jthread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
  threads.clear();  // joins
  return results;
}

batch_document parse_document_line(std::string_view line, const std::string& name,
                                   std::size_t line_number) {
  detail::json_line in{line, name, line_number};
  batch_document doc;
  bool has_text = false;
  in.object([&](const std::string& key, std::size_t key_at) {
    const std::size_t value_at = in.at;
    const std::string value = in.string_value();
    if (key == "id") {
      doc.id = value;
    } else if (key == "text") {
      doc.text = value;
      has_text = true;
    } else if (key == "dct") {
      doc.dct = parse_iso_day(value);
      if (!doc.dct) {
        in.at = value_at;
        in.fail("dct " + value + " is not a calendar date (YYYY-MM-DD)");
      }
    } else {
      in.at = key_at;
      in.fail("unknown field \"" + key + "\" (id, text, dct)");
    }
  });
  if (!has_text) in.fail("missing \"text\"");
  check_text(doc.text, name);
  return doc;
}

}  // namespace chronicle
