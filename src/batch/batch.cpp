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
  // A document at a time: documents may differ in length a thousandfold, and a thread that
  // took several long ones would leave the others idle.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < docs.size(); i = next++) {
      results[i] = tagger.tag(docs[i].text, tag_options{docs[i].dct, mode});
    }
  };
  // The calling thread is one of the jobs: one thread fewer to start, and fewer results
  // allocated on a thread that has ended by the time they are freed.
  std::vector<std::jthread> helpers;
  for (unsigned t = 1; t < jobs && t < docs.size(); ++t) helpers.emplace_back(work);
  work();
  helpers.clear();  // joins
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
