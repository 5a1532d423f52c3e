#pragma once
// Scoring a tagger against TimeML gold files the TempEval-3 way.

#include <cstddef>
#include <string>
#include <vector>

#include "chronicle/tagger.hpp"

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

// Strict and relaxed P/R/F1, value and type F1 as a table; with `list_errors`, every error too.
std::string format_report(const eval_report& report, bool list_errors);

}  // namespace chronicle
