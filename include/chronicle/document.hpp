#pragma once
// An input document: its bytes, where the body starts, and what we know of its publication.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace chronicle {

enum class date_origin { argument, metadata, text, unknown };
std::string_view to_string(date_origin origin);

struct document {
  std::string id;    // unique name, from the file name
  std::string path;  // as given on the command line ("-" for stdin)
  std::string title;
  std::string publisher;
  std::string url;
  std::string text;            // the article text that offsets point into
  std::size_t text_begin = 0;  // first byte after the front matter: the headline, if any
  std::size_t body_begin = 0;  // first byte of the body (after front matter or headline)
  std::optional<date::sys_days> published;
  date_origin published_from = date_origin::unknown;
};

// Reads plain text or Markdown, with optional YAML front matter (title, publisher, url,
// published). Throws chronicle::error on invalid UTF-8, NUL bytes or a malformed front matter.
// **Example**: `parse_document("---\npublished: 2020-06-27\n---\nText", "a.txt").published`
document parse_document(std::string bytes, const std::string& path);

// Checks that bytes are valid UTF-8 without NUL; throws chronicle::error naming line and column,
// counting from `first_line` (one line of a stream read a line at a time).
void check_text(std::string_view bytes, const std::string& path, std::size_t first_line = 1);

// An id from a path: "timelines/examples/libya-ceasefire.txt" -> "libya-ceasefire".
std::string id_from_path(std::string_view path);

}  // namespace chronicle
