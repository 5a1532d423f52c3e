#pragma once
// Tagging many documents at once on several threads, results in input order.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/tagger.hpp"
#include "chronicle/timex.hpp"

namespace chronicle {

struct batch_document {
  std::string id;
  std::string text;
  std::optional<date::sys_days> dct;
};

// Tags every document with `jobs` threads (1: on the calling thread). The result is the same
// as tagging each in turn, in the same order.
// **Example**: `tag_all(tagger::english(), docs, text_mode::automatic, 2)`
std::vector<std::vector<timex>> tag_all(const tagger& tagger, const std::vector<batch_document>& docs,
                                        text_mode mode, unsigned jobs);

// One document from a JSON line `{"id": "...", "text": "...", "dct": "2020-06-26"}` (dct
// optional). Throws chronicle::error "NAME:LINE:COL: ..." on anything else.
batch_document parse_document_line(std::string_view line, const std::string& name, std::size_t line_number);

}  // namespace chronicle
