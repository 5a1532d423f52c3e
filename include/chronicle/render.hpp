#pragma once
// Views of a timeline for people.

#include <string>

#include <string_view>
#include <vector>

#include "chronicle/timeline.hpp"
#include "chronicle/timex.hpp"

namespace chronicle {

// A Markdown chronology grouped by year and month, sources as footnotes.
// **Example**: `render_markdown(timeline_from_yaml(read_file("t.yaml"), "t.yaml"))`
std::string render_markdown(const timeline& timeline);

struct markdown_options {
  bool mermaid = false;  // add a Mermaid `timeline` block of the dated events after the heading
};

// The same chronology, with the options' additions.
// **Example**: `render_markdown(t, {.mermaid = true})`
std::string render_markdown(const timeline& timeline, const markdown_options& options);

// A Mermaid `timeline` block (fenced) of the events on the calendar, one section a year.
std::string render_mermaid(const timeline& timeline);

}  // namespace chronicle

namespace chronicle {

// One JSON object a line per time expression: start, end, text, type, value, and mod, quant,
// freq where they apply; `id` (a batch document's) and `file` are added when not empty.
std::string render_jsonl(const std::vector<timex>& found, std::string_view file,
                         std::string_view id = {});

}  // namespace chronicle
