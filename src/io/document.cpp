// Plain-text and Markdown articles: validation, front matter, title line.
#include "chronicle/document.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "chronicle/error.hpp"
#include "chronicle/timex.hpp"
#include "io/messages.hpp"

namespace chronicle {

std::string_view to_string(date_origin origin) {
  switch (origin) {
    case date_origin::argument: return "argument";
    case date_origin::metadata: return "metadata";
    case date_origin::text: return "text";
    case date_origin::unknown: return "unknown";
  }
  return "unknown";
}

namespace {

std::pair<std::size_t, std::size_t> line_and_column(std::string_view bytes, std::size_t at) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < at && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// `bytes` start at line `first_line` of the input named `path`.
[[noreturn]] void fail_at(std::string_view bytes, std::size_t at, std::string_view path,
                          const std::string& what, std::size_t first_line = 1) {
  const auto [line, column] = line_and_column(bytes, at);
  throw error(std::string(path), first_line - 1 + line, column, what);
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool ends_sentence(std::string_view line) {
  while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
  if (line.empty()) return true;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == '"' || last == ')' || last == ':';
}

}  // namespace

void check_text(std::string_view bytes, const std::string& path, std::size_t first_line) {
  // A view: a stream checks every line it reads, and only a failure needs the name as a string.
  const std::string_view name = detail::shown_name(path);
  if (bytes.starts_with(std::string_view("\xFF\xFE", 2)) || bytes.starts_with(std::string_view("\xFE\xFF", 2))) {
    fail_at(bytes, 0, name,
            "UTF-16 text; chronicle reads UTF-8 (convert it first: iconv -f UTF-16 -t UTF-8)",
            first_line);
  }
  // A NUL anywhere marks a binary file. It is looked for first, so that a PDF or an image is
  // called binary rather than reported for the first byte that is not UTF-8.
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    fail_at(bytes, nul, name, "NUL byte: this looks like a binary file, not text", first_line);
  }
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Text is mostly ASCII: eight bytes at a time while no byte has its high bit set.
    if (bytes.size() - i >= 8) {
      std::uint64_t eight = 0;
      std::memcpy(&eight, bytes.data() + i, 8);
      if ((eight & 0x8080'8080'8080'8080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    char32_t code = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      code = c & 0x07;
    } else {
      fail_at(bytes, i, name, "invalid UTF-8", first_line);
    }
    if (n >= bytes.size() - i) {
      const bool cut_off = std::all_of(bytes.begin() + static_cast<std::ptrdiff_t>(i) + 1, bytes.end(),
                                       [](char d) { return (static_cast<unsigned char>(d) & 0xC0) == 0x80; });
      fail_at(bytes, i, name, cut_off ? "invalid UTF-8 (truncated sequence)" : "invalid UTF-8",
              first_line);
    }
    for (std::size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(bytes[i + k]);
      if ((d & 0xC0) != 0x80) fail_at(bytes, i, name, "invalid UTF-8", first_line);
      code = (code << 6) | (d & 0x3F);
    }
    const bool overlong = (n == 1 && code < 0x80) || (n == 2 && code < 0x800) || (n == 3 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      fail_at(bytes, i, name, "invalid UTF-8", first_line);
    }
    i += n + 1;
  }
}

std::string id_from_path(std::string_view path) {
  if (path == "-") return "stdin";
  const std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return name.empty() ? "document" : std::string(name);
}

document parse_document(std::string bytes, const std::string& path) {
  check_text(bytes, path);
  const std::string name(detail::shown_name(path));
  document doc;
  doc.path = path;
  doc.id = id_from_path(path);
  doc.text = std::move(bytes);
  const std::string_view text = doc.text;
  std::size_t body = 0;
  if (text.starts_with("---\n") || text.starts_with("---\r\n")) {
    const std::size_t open_end = text.find('\n') + 1;
    std::size_t close = text.find("\n---", open_end - 1);
    while (close != std::string_view::npos) {
      const std::size_t after = close + 4;
      if (after == text.size() || text[after] == '\n' || text[after] == '\r') break;
      close = text.find("\n---", after);
    }
    if (close == std::string_view::npos) fail_at(text, 0, name, "front matter opened with --- is never closed");
    const std::string front(text.substr(open_end, close + 1 - open_end));
    YAML::Node meta;
    try {
      meta = YAML::Load(front);
    } catch (const YAML::Exception& e) {
      // yaml-cpp stops runaway nesting with the bare message "bad file".
      const bool deep = dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr;
      throw error(name, static_cast<std::size_t>(e.mark.line) + 2, static_cast<std::size_t>(e.mark.column) + 1,
                  "front matter: " + (deep ? std::string("nested too deeply") : e.msg));
    }
    if (meta && !meta.IsNull() && !meta.IsMap()) fail_at(text, open_end, name, "front matter must be a mapping");
    auto field = [&](const char* key) -> std::string {
      if (!meta.IsMap() || !meta[key]) return "";
      if (!meta[key].IsScalar()) fail_at(text, open_end, name, std::string("front matter: ") + key + " must be text");
      return meta[key].as<std::string>();
    };
    doc.title = field("title");
    doc.publisher = field("publisher");
    doc.url = field("url");
    if (const std::string published = field("published"); !published.empty()) {
      doc.published = parse_iso_day(published.substr(0, 10));
      if (!doc.published) {
        fail_at(text, open_end, name,
                "front matter: published must be a date like 2020-06-27, not " +
                    detail::excerpt(published));
      }
      doc.published_from = date_origin::metadata;
    }
    body = text.find('\n', close + 1);
    body = body == std::string_view::npos ? text.size() : body + 1;
  }
  // A first line without closing punctuation, followed by a line break, is the headline.
  while (body < text.size() && is_blank(text[body])) ++body;
  doc.text_begin = body;
  const std::size_t eol = text.find('\n', body);
  if (doc.title.empty() && eol != std::string_view::npos && eol - body < 200 &&
      !ends_sentence(text.substr(body, eol - body))) {
    std::string_view title = text.substr(body, eol - body);
    while (!title.empty() && is_blank(title.back())) title.remove_suffix(1);
    doc.title = std::string(title);
    body = eol + 1;
  }
  doc.body_begin = body;
  return doc;
}

}  // namespace chronicle
