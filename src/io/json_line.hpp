#pragma once
// JSON lines, as chronicle reads and writes them: one flat object a line.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "chronicle/error.hpp"

namespace chronicle::detail {

// Whether `c` must be escaped in a JSON string.
inline bool json_special(char c) {
  return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

// Where the run of characters from s[from] on that need no escape ends: eight bytes at a time
// while none of them is a quote, a backslash or a control character, as in nearly all text.
inline std::size_t plain_run_end(std::string_view s, std::size_t from) {
  constexpr std::uint64_t ones = 0x0101'0101'0101'0101ULL;
  constexpr std::uint64_t highs = 0x8080'8080'8080'8080ULL;
  // Nonzero if some byte of x is below n (n <= 128); exact as to whether any is.
  const auto has_below = [](std::uint64_t x, std::uint64_t n) {
    return (x - ones * n) & ~x & highs;
  };
  while (s.size() - from >= 8) {
    std::uint64_t eight = 0;
    std::memcpy(&eight, s.data() + from, 8);
    if ((has_below(eight ^ (ones * '"'), 1) | has_below(eight ^ (ones * '\\'), 1) |
         has_below(eight, 0x20)) != 0) {
      break;
    }
    from += 8;
  }
  while (from < s.size() && !json_special(s[from])) ++from;
  return from;
}

// `s` as a JSON string, quoted and escaped. Runs of characters that need no escape, nearly all
// of any text, are copied whole.
inline std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t plain = plain_run_end(s, at);
    out.append(s, at, plain - at);
    if (plain == s.size()) break;
    const char c = s[plain];
    at = plain + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out += '"';
  return out;
}

// A minimal reader of one flat JSON object a line, of string and whole-number values: all
// chronicle's JSON-lines inputs need. Errors name the file, the line and the column.
struct json_line {
  std::string_view text;
  std::string_view name;  // of the input, as messages show it
  std::size_t line;
  std::size_t at = 0;

  [[noreturn]] void fail(const std::string& what) const {
    throw error(std::string(name), line, at + 1, what);
  }

  void skip_space() {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r')) ++at;
  }

  void expect(char c) {
    skip_space();
    if (at >= text.size() || text[at] != c) fail(std::string("expected '") + c + "'");
    ++at;
  }

  static void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }

  char32_t hex4() {
    if (at + 4 > text.size()) fail("truncated \\u escape");
    char32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text[at++];
      value <<= 4;
      if (c >= '0' && c <= '9') value |= static_cast<char32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') value |= static_cast<char32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') value |= static_cast<char32_t>(c - 'A' + 10);
      else fail("bad \\u escape");
    }
    return value;
  }

  std::string string_value() {
    expect('"');
    std::string out;
    while (true) {
      // Runs of characters that are not escaped, nearly all of any text, are copied whole.
      const std::size_t plain = plain_run_end(text, at);
      out.append(text, at, plain - at);
      at = plain;
      if (at >= text.size()) fail("unterminated string");
      const char c = text[at++];
      if (c == '"') return out;
      if (c != '\\') fail("control character in string");
      if (at >= text.size()) fail("unterminated escape");
      const char e = text[at++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          // Errors in what an escape means point at the escape.
          const std::size_t escape_at = at - 2;
          const auto fail_at_escape = [&](const std::string& what) {
            at = escape_at;
            fail(what);
          };
          char32_t code = hex4();
          // JSON may write a NUL; no text chronicle reads holds one (check_text).
          if (code == 0)
            fail_at_escape("\\u0000, a NUL character: this looks like binary data, not text");
          if (code >= 0xD800 && code <= 0xDBFF) {  // a surrogate pair
            if (at + 2 > text.size() || text[at] != '\\' || text[at + 1] != 'u')
              fail_at_escape("lone surrogate");
            at += 2;
            const char32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail_at_escape("lone surrogate");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code <= 0xDFFF) {
            fail_at_escape("lone surrogate");
          }
          append_utf8(out, code);
          break;
        }
        default: fail(std::string("bad escape \\") + e);
      }
    }
  }

  // A whole number, as offsets are written.
  std::size_t count_value() {
    skip_space();
    const std::size_t from = at;
    std::size_t value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (value > (std::numeric_limits<std::size_t>::max() - 9) / 10) fail("number too large");
      value = value * 10 + static_cast<std::size_t>(text[at++] - '0');
    }
    if (at == from) fail("expected a whole number");
    return value;
  }

  // Reads `{"key": value, ...}` to the end of the line: field(key, key_at) at each key, which
  // reads the value (string_value or count_value) or fails.
  template <typename Field>
  void object(Field field) {
    expect('{');
    skip_space();
    if (at < text.size() && text[at] == '}') {
      ++at;
    } else {
      while (true) {
        skip_space();
        const std::size_t key_at = at;
        const std::string key = string_value();
        expect(':');
        field(key, key_at);
        skip_space();
        if (at < text.size() && text[at] == ',') {
          ++at;
          continue;
        }
        expect('}');
        break;
      }
    }
    skip_space();
    if (at != text.size()) fail("text after the object");
  }
};

}  // namespace chronicle::detail
