#pragma once
// The TempEval-3 scoring of one document, apart from file walking and tagging so that tests
// can score hand-made gold and system annotations directly.

#include <vector>

#include "chronicle/eval.hpp"
#include "chronicle/timeml.hpp"
#include "chronicle/timex.hpp"

namespace chronicle::detail {

// Compares `system` (offsets into gold.text) with gold.timexes on whitespace-separated tokens
// of gold.text. With `errors`, appends one eval_error per difference, in text order.
eval_counts score_document(const timeml_document& gold, const std::vector<timex>& system,
                           std::vector<eval_error>* errors);

void add_counts(eval_counts& total, const eval_counts& more);

}  // namespace chronicle::detail
