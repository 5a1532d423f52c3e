#pragma once
// TimeML documents (TimeBank, TempEval-3): reading gold annotations and writing ours.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "chronicle/timex.hpp"

namespace chronicle {

// A TIMEX3 annotation found inside <TEXT>, with offsets into timeml_document::text.
struct timeml_timex {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string tid;
  std::string type;  // DATE | TIME | DURATION | SET
  std::string value;
  std::string mod;
};

struct timeml_document {
  std::string path;
  std::string raw;              // the file's bytes, untouched
  std::size_t text_open = 0;    // offset in raw just after "<TEXT>"
  std::size_t text_close = 0;   // offset in raw of "</TEXT>"
  std::string text;             // the content of <TEXT> with every tag removed
  std::vector<std::size_t> raw_offset;  // raw_offset[i]: where text[i] is in raw (size text+1)
  std::optional<date::sys_days> dct;    // from <DCT><TIMEX3 value=...>
  std::string dct_tid;                  // usually "t0"
  std::vector<timeml_timex> timexes;    // gold TIMEX3 inside <TEXT>
};

// Throws chronicle::error "PATH:LINE:COL: ..." when there is no <TEXT>, or tags do not close.
timeml_document parse_timeml(std::string raw, const std::string& path);

// The same document with `found` inserted as <TIMEX3 tid type value [mod]> tags into <TEXT>:
// existing annotations inside <TEXT> removed, link elements (MAKEINSTANCE, TLINK, SLINK, ALINK)
// outside it dropped, every other byte unchanged, tids never reusing the DCT's.
std::string annotate_timeml(const timeml_document& doc, const std::vector<timex>& found);

}  // namespace chronicle
