#pragma once
// Scoring a tagger against TimeML gold files the TempEval-3 way.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/tagger.hpp"
#include "chronicle/timex.hpp"

namespace chronicle {

struct eval_counts {
  std::size_t gold = 0;            // gold TIMEX3 in TEXT (not the DCT)
  std::size_t system = 0;          // system TIMEX3
  std::size_t strict_matches = 0;  // same tokens
  std::size_t relaxed_matches = 0; // overlapping tokens (one-to-one)
  std::size_t value_matches = 0;   // relaxed matches with the same value
  std::size_t type_matches = 0;    // relaxed matches with the same type
};

struct eval_error {
  std::string file;
  std::string kind;  // missed | spurious | value | type | span
  std::string text;  // the expression
  std::string expected;
  std::string got;
  std::string context;  // the text around it, on one line
};

struct eval_report {
  eval_counts counts;
  std::size_t files = 0;
  std::vector<eval_error> errors;  // in file order, then text order
};

// Every .tml file under each path (a file or a folder, searched recursively, in sorted order).
eval_report evaluate(const std::vector<std::string>& paths, const tagger& tagger, text_mode mode);

// Another tagger's expressions, by document id, read from JSON lines as `chronicle tag
// --input jsonl` writes them: {"id": ..., "start": N, "end": N, "type": "DATE", "value": ...},
// byte offsets into the document's text (text, mod, quant, freq and file are read past).
// Throws chronicle::error naming the line of a malformed one.
using system_output = std::map<std::string, std::vector<timex>, std::less<>>;
system_output read_system_output(std::string_view jsonl, const std::string& name);

// The gold files under the paths scored against `system` instead of the tagger: a gold file's
// id is its path as documents_jsonl gives it. A file the output does not name found nothing;
// an id that is no gold file, or an expression outside its document's text, is an error.
eval_report evaluate(const std::vector<std::string>& paths, const system_output& system);

// The gold files under the paths as JSON lines {"id": path, "text": ..., "dct": ...}: the
// input of `chronicle tag --input jsonl`, so that any tagger reads exactly the scored text.
std::string documents_jsonl(const std::vector<std::string>& paths);

// Strict and relaxed P/R/F1, value and type F1 as a table; with `list_errors`, every error too.
std::string format_report(const eval_report& report, bool list_errors);

}  // namespace chronicle
