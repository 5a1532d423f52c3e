// Batch tagging: the tagger is immutable, so threads share it and take documents in turn.
#include "chronicle/batch.hpp"

#include <atomic>
#include <thread>

#include "chronicle/document.hpp"
#include "chronicle/error.hpp"

namespace chronicle {

std::vector<std::vector<timex>> tag_all(const tagger& tagger, const std::vector<batch_document>& docs,
                                        text_mode mode, unsigned jobs) {
  std::vector<std::vector<timex>> results(docs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < docs.size(); i = next++) {
      results[i] = tagger.tag(docs[i].text, tag_options{docs[i].dct, mode});
    }
  };
  if (jobs <= 1 || docs.size() <= 1) {
    work();
    return results;
  }
  std::vector<std::jthread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
  threads.clear();  // joins
  return results;
}

namespace {

// A minimal reader for one flat JSON object of string values: all this input needs.
struct json_line {
  std::string_view text;
  const std::string& name;
  std::size_t line;
  std::size_t at = 0;

  [[noreturn]] void fail(const std::string& what) const { throw error(name, line, at + 1, what); }

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
      if (at >= text.size()) fail("unterminated string");
      const char c = text[at++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
      if (c != '\\') {
        out += c;
        continue;
      }
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
          char32_t code = hex4();
          if (code >= 0xD800 && code <= 0xDBFF) {  // a surrogate pair
            if (at + 2 > text.size() || text[at] != '\\' || text[at + 1] != 'u') fail("lone surrogate");
            at += 2;
            const char32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("lone surrogate");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code <= 0xDFFF) {
            fail("lone surrogate");
          }
          append_utf8(out, code);
          break;
        }
        default: fail(std::string("bad escape \\") + e);
      }
    }
  }
};

}  // namespace

batch_document parse_document_line(std::string_view line, const std::string& name,
                                   std::size_t line_number) {
  json_line in{line, name, line_number};
  batch_document doc;
  bool has_text = false;
  in.expect('{');
  in.skip_space();
  if (in.at < line.size() && line[in.at] == '}') in.fail("missing \"text\"");
  while (true) {
    in.skip_space();
    const std::size_t key_at = in.at;
    const std::string key = in.string_value();
    in.expect(':');
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
    in.skip_space();
    if (in.at < line.size() && line[in.at] == ',') {
      ++in.at;
      continue;
    }
    in.expect('}');
    break;
  }
  in.skip_space();
  if (in.at != line.size()) in.fail("text after the object");
  if (!has_text) in.fail("missing \"text\"");
  check_text(doc.text, name);
  return doc;
}

}  // namespace chronicle
