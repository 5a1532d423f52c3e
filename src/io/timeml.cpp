#include "chronicle/timeml.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <string_view>
#include <utility>

#include "chronicle/document.hpp"
#include "chronicle/error.hpp"
#include "io/messages.hpp"

// TimeML files are tiny, regular XML: a hand-written scanner keeps offsets exact and needs no
// XML library. It knows tags, attributes in double (or single) quotes, <?...?>, <!...> and
// comments; entity references in text stay as they are so that text offsets map 1:1 to raw.

namespace chronicle {
namespace {

constexpr std::size_t npos = std::string_view::npos;

struct tag {
  std::size_t begin = 0;  // the '<'
  std::size_t end = 0;    // just after the '>'
  std::string_view name;
  std::string_view attributes;  // between the name and the closing '>' or '/>'
  bool closing = false;         // </NAME>
  bool self_closing = false;    // <NAME ... />
  bool markup = false;          // <?...?>, <!...>, <!-- ... -->: no element
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == ':' || c == '-' || c == '.';
}

// Reads the tag whose '<' is at `pos`. On malformed input returns nullopt and says why, so that
// the TEXT scanner can report it while the link dropper just leaves such bytes alone.
std::optional<tag> read_tag(std::string_view raw, std::size_t pos, std::string* problem) {
  tag t;
  t.begin = pos;
  if (raw.substr(pos, 4) == "<!--") {
    const auto close = raw.find("-->", pos + 4);
    if (close == npos) {
      *problem = "comment is not closed by -->";
      return std::nullopt;
    }
    t.markup = true;
    t.end = close + 3;
    return t;
  }
  std::size_t i = pos + 1;
  if (i < raw.size() && (raw[i] == '?' || raw[i] == '!')) {
    t.markup = true;
    ++i;
  } else if (i < raw.size() && raw[i] == '/') {
    t.closing = true;
    ++i;
  }
  const std::size_t name_begin = i;
  while (i < raw.size() && is_name_char(raw[i])) ++i;
  t.name = raw.substr(name_begin, i - name_begin);
  if (t.name.empty() && !t.markup) {
    *problem = "'<' starts no tag (write &lt; for a literal '<')";
    return std::nullopt;
  }
  const std::size_t attributes_begin = i;
  char quote = 0;
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    } else if (c == '<') {
      i = raw.size();  // a new tag starts before this one ended
    }
  }
  if (i >= raw.size()) {
    *problem =
        "<" + std::string(t.closing ? "/" : "") + std::string(t.name) + " is not closed by '>'";
    return std::nullopt;
  }
  t.end = i + 1;
  std::size_t attributes_end = i;
  if (!t.markup && attributes_end > attributes_begin && raw[attributes_end - 1] == '/') {
    t.self_closing = true;
    --attributes_end;
  }
  t.attributes = raw.substr(attributes_begin, attributes_end - attributes_begin);
  return t;
}

std::string decode_entities(std::string_view s) {
  static constexpr std::pair<std::string_view, char> entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool decoded = false;
    for (const auto& [entity, c] : entities) {
      if (s.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size();
        decoded = true;
        break;
      }
    }
    if (!decoded) out += s[i++];
  }
  return out;
}

// The value of attribute `name`, or "" when absent. Attribute order varies between corpora.
std::string attribute(std::string_view attributes, std::string_view name) {
  std::size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && is_space(attributes[i])) ++i;
    const std::size_t key_begin = i;
    while (i < attributes.size() && is_name_char(attributes[i])) ++i;
    const auto key = attributes.substr(key_begin, i - key_begin);
    while (i < attributes.size() && is_space(attributes[i])) ++i;
    if (key.empty() || i >= attributes.size() || attributes[i] != '=') return "";
    ++i;
    while (i < attributes.size() && is_space(attributes[i])) ++i;
    if (i >= attributes.size() || (attributes[i] != '"' && attributes[i] != '\'')) return "";
    const char quote = attributes[i++];
    const auto close = attributes.find(quote, i);
    if (close == npos) return "";
    if (key == name) return decode_entities(attributes.substr(i, close - i));
    i = close + 1;
  }
  return "";
}

struct place {
  std::size_t line = 1;
  std::size_t column = 1;
};

place place_of(std::string_view raw, std::size_t pos) {
  const auto before = raw.substr(0, pos);
  const auto last_newline = before.rfind('\n');
  return {1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')),
          last_newline == npos ? pos + 1 : pos - last_newline};
}

[[noreturn]] void fail(std::string_view raw, std::size_t pos, const std::string& path,
                       const std::string& what) {
  const auto [line, column] = place_of(raw, pos);
  throw error(path, line, column, what);
}

std::string where(std::string_view raw, std::size_t pos) {
  const auto [line, column] = place_of(raw, pos);
  return std::to_string(line) + ":" + std::to_string(column);
}

// The '<' of the first start tag named `name` at or after `from`, or npos.
std::size_t find_start_tag(std::string_view raw, std::string_view name, std::size_t from) {
  for (auto at = raw.find('<', from); at != npos; at = raw.find('<', at + 1)) {
    const auto after = at + 1 + name.size();
    if (raw.substr(at + 1, name.size()) == name && after < raw.size() &&
        (raw[after] == '>' || raw[after] == '/' || is_space(raw[after])))
      return at;
  }
  return npos;
}

void read_dct(timeml_document& doc, std::string_view raw) {
  const auto open = find_start_tag(raw, "DCT", 0);
  if (open == npos) return;
  const auto close = raw.find("</DCT>", open);
  if (close == npos) return;
  const auto timex_at = find_start_tag(raw.substr(0, close), "TIMEX3", open);
  if (timex_at == npos) return;
  std::string problem;
  const auto t = read_tag(raw, timex_at, &problem);
  if (!t) return;  // the DCT is optional; a broken one is as good as none
  doc.dct_tid = attribute(t->attributes, "tid");
  // DCT values may carry a time ("1998-02-27T08:00:00"); the tagger wants the day.
  const auto value = attribute(t->attributes, "value");
  if (value.size() >= 10) doc.dct = parse_iso_day(std::string_view(value).substr(0, 10));
}

struct open_element {
  std::string_view name;
  std::size_t at = 0;
  std::size_t timex = npos;  // index into doc.timexes for a TIMEX3
};

void read_text(timeml_document& doc, std::string_view raw, std::size_t text_tag, const std::string& name) {
  std::vector<open_element> open;
  std::size_t pos = doc.text_open;
  doc.text.reserve(raw.size() - pos);
  doc.raw_offset.reserve(raw.size() - pos + 1);
  while (true) {
    const auto lt = raw.find('<', pos);
    const auto end = lt == npos ? raw.size() : lt;
    doc.text.append(raw.substr(pos, end - pos));
    for (auto i = pos; i < end; ++i) doc.raw_offset.push_back(i);
    if (lt == npos) fail(raw, text_tag, name, "<TEXT> is not closed by </TEXT>");
    std::string problem;
    const auto t = read_tag(raw, lt, &problem);
    if (!t) fail(raw, lt, name, problem);
    pos = t->end;
    if (t->markup) continue;
    if (t->closing) {
      if (open.empty()) {
        if (t->name == "TEXT") {
          doc.text_close = lt;
          doc.raw_offset.push_back(lt);
          return;
        }
        fail(raw, lt, name, "</" + std::string(t->name) + "> closes no open element");
      }
      if (t->name != open.back().name)
        fail(raw, lt, name,
             "</" + std::string(t->name) + "> does not match <" + std::string(open.back().name) +
                 "> at " + where(raw, open.back().at));
      if (open.back().timex != npos) doc.timexes[open.back().timex].end = doc.text.size();
      open.pop_back();
    } else if (!t->self_closing) {
      open_element element{t->name, lt, npos};
      if (t->name == "TIMEX3") {
        // Recorded at the start tag so that the list stays in text order.
        element.timex = doc.timexes.size();
        doc.timexes.push_back({doc.text.size(), doc.text.size(), attribute(t->attributes, "tid"),
                               attribute(t->attributes, "type"), attribute(t->attributes, "value"),
                               attribute(t->attributes, "mod")});
      }
      open.push_back(element);
    }
    // A self-closing TIMEX3 is a non-consuming one (it covers no text): scorers ignore it.
  }
}

void append_escaped(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

bool is_link(std::string_view name) {
  return name == "MAKEINSTANCE" || name == "TLINK" || name == "SLINK" || name == "ALINK";
}

// Copies raw[from, to) without link elements: they point at EVENT and TIMEX3 ids that the
// annotated TEXT no longer has. The line break after each goes too, so no blank lines remain.
void append_without_links(std::string& out, std::string_view raw, std::size_t from,
                          std::size_t to) {
  std::size_t pos = from;
  for (auto lt = raw.find('<', pos); lt != npos && lt < to; lt = raw.find('<', pos)) {
    std::string problem;
    const auto t = read_tag(raw.substr(0, to), lt, &problem);
    if (!t) {
      out.append(raw.substr(pos, lt + 1 - pos));
      pos = lt + 1;
      continue;
    }
    // Links stand on lines of their own. One that does not stays: taking it out could join
    // the bytes around it into a tag that was not there ("<TEXT<TLINK/> >").
    std::size_t before = lt;
    while (before > 0 && (raw[before - 1] == ' ' || raw[before - 1] == '\t')) --before;
    const bool alone = before == 0 || raw[before - 1] == '\n' || raw[before - 1] == '\r' || raw[before - 1] == '>';
    // Any other tag goes whole: a '<' inside its quoted attributes starts no link to drop.
    if (t->closing || t->markup || !is_link(t->name) || !alone) {
      out.append(raw.substr(pos, t->end - pos));
      pos = t->end;
      continue;
    }
    out.append(raw.substr(pos, lt - pos));
    std::size_t end = t->end;
    if (!t->self_closing) {
      // Its end tag on the same line, if any: further on it could close inside other markup.
      const auto line = raw.substr(0, std::min(to, raw.find('\n', end)));
      const auto close = line.find("</" + std::string(t->name) + ">", end);
      if (close != npos) end = close + t->name.size() + 3;
    }
    if (raw.substr(end, 2) == "\r\n") {
      end += 2;
    } else if (raw.substr(end, 1) == "\n") {
      end += 1;
    }
    pos = std::min(end, to);
  }
  out.append(raw.substr(pos, to - pos));
}

// Moves a tag boundary out of an entity reference ("AT&amp;T"), which a tag must not split.
std::size_t outside_entity(std::string_view text, std::size_t pos, bool forward) {
  const auto amp = text.rfind('&', pos == 0 ? 0 : pos - 1);
  if (amp == npos || amp == pos || pos - amp > 8) return pos;
  const auto semicolon = text.find(';', amp);
  if (semicolon == npos || semicolon < pos) return pos;
  for (auto i = amp + 1; i < semicolon; ++i)
    if (!is_name_char(text[i]) && text[i] != '#') return pos;
  return forward ? semicolon + 1 : amp;
}

// Tids already taken outside TEXT (the DCT's "t0", sometimes a title's), never to be reused.
std::set<std::string, std::less<>> reserved_tids(const timeml_document& doc) {
  std::set<std::string, std::less<>> tids;
  if (!doc.dct_tid.empty()) tids.insert(doc.dct_tid);
  const std::string_view raw = doc.raw;
  for (const auto& [from, to] :
       {std::pair{std::size_t{0}, doc.text_open}, std::pair{doc.text_close, raw.size()}}) {
    for (auto at = find_start_tag(raw.substr(0, to), "TIMEX3", from); at != npos;
         at = find_start_tag(raw.substr(0, to), "TIMEX3", at + 1)) {
      std::string problem;
      if (const auto t = read_tag(raw.substr(0, to), at, &problem))
        tids.insert(attribute(t->attributes, "tid"));
    }
  }
  return tids;
}

}  // namespace

timeml_document parse_timeml(std::string raw, const std::string& path) {
  check_text(raw, path);
  const std::string name(detail::shown_name(path));
  timeml_document doc;
  doc.path = path;
  doc.raw = std::move(raw);
  const std::string_view r = doc.raw;
  if (r.find_first_not_of(" \t\r\n") == npos) throw error(name + ": empty file, not TimeML");
  const auto text_tag = find_start_tag(r, "TEXT", 0);
  if (text_tag == npos) fail(r, 0, name, "no <TEXT> element");
  std::string problem;
  const auto t = read_tag(r, text_tag, &problem);
  if (!t) fail(r, text_tag, name, problem);
  if (t->self_closing) fail(r, text_tag, name, "<TEXT/> is empty; expected <TEXT>...</TEXT>");
  doc.text_open = t->end;
  // The DCT heads the document; a search past <TEXT> for its end could take bytes of the
  // text, which annotating rewrites, for part of the DCT.
  read_dct(doc, r.substr(0, text_tag));
  read_text(doc, r, text_tag, name);
  // A document has one TEXT; a second would be copied through untagged, and silently unscored.
  if (const auto second = find_start_tag(r, "TEXT", doc.text_close); second != npos) {
    fail(r, second, name, "a second <TEXT> element; a TimeML document has one");
  }
  return doc;
}

std::string annotate_timeml(const timeml_document& doc, const std::vector<timex>& found) {
  const std::string_view raw = doc.raw;
  const std::string_view text = doc.text;
  std::string out;
  out.reserve(raw.size() + found.size() * 64);
  append_without_links(out, raw, 0, doc.text_open);

  std::vector<std::size_t> order(found.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return found[a].begin < found[b].begin; });
  const auto reserved = reserved_tids(doc);
  std::size_t next_tid = 1;
  std::size_t at = 0;
  for (const auto i : order) {
    const auto& x = found[i];
    if (x.end > text.size() || x.begin >= x.end) continue;
    const auto begin = outside_entity(text, x.begin, false);
    const auto end = outside_entity(text, x.end, true);
    if (begin < at) continue;  // overlaps one already written
    std::string tid;
    do {
      tid = "t" + std::to_string(next_tid++);
    } while (reserved.contains(tid));
    out.append(text.substr(at, begin - at));
    out += "<TIMEX3 tid=\"";
    append_escaped(out, tid);
    out += "\" type=\"";
    append_escaped(out, to_string(x.type));
    out += "\" value=\"";
    append_escaped(out, x.value);
    if (!x.mod.empty()) {
      out += "\" mod=\"";
      append_escaped(out, x.mod);
    }
    out += "\">";
    out.append(text.substr(begin, end - begin));
    out += "</TIMEX3>";
    at = end;
  }
  out.append(text.substr(at));

  append_without_links(out, raw, doc.text_close, raw.size());
  return out;
}

}  // namespace chronicle
