// Timeline YAML, schema 1: a deterministic writer and a reader that says where input is wrong.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include "chronicle/error.hpp"
#include "chronicle/io.hpp"
#include "io/messages.hpp"

namespace chronicle {
namespace {

using detail::excerpt;

constexpr int schema_version = 1;

void quoted(YAML::Emitter& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

void plain(YAML::Emitter& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out << YAML::Key << key << YAML::Value << value;
}

void span(YAML::Emitter& out, std::size_t begin, std::size_t end) {
  out << YAML::Key << "span" << YAML::Value << YAML::Flow << YAML::BeginSeq << begin << end
      << YAML::EndSeq;
}

void write_when(YAML::Emitter& out, const when& w) {
  out << YAML::Key << "when" << YAML::Value << YAML::BeginMap;
  quoted(out, "value", w.value);
  quoted(out, "start", w.start);
  quoted(out, "end", w.end);
  plain(out, "granularity", w.granularity);
  plain(out, "mod", w.mod);
  out << YAML::EndMap;
}

void write_event(YAML::Emitter& out, const event& e) {
  out << YAML::BeginMap;
  plain(out, "id", e.id);
  write_when(out, e.when);
  quoted(out, "title", e.title);
  quoted(out, "text", e.text);
  out << YAML::Key << "sources" << YAML::Value << YAML::Flow << e.sources;
  if (e.agreement > 0) out << YAML::Key << "agreement" << YAML::Value << e.agreement;
  if (!e.conflicts.empty()) {
    out << YAML::Key << "conflicts" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : e.conflicts) out << YAML::DoubleQuoted << c;
    out << YAML::EndSeq;
  }
  out << YAML::Key << "evidence" << YAML::Value << YAML::BeginSeq;
  for (const auto& ev : e.evidence) {
    out << YAML::BeginMap;
    plain(out, "source", ev.source);
    span(out, ev.begin, ev.end);
    // Events dated by their tense alone have no time expression.
    if (!ev.timex.text.empty()) {
      out << YAML::Key << "timex" << YAML::Value << YAML::Flow << YAML::BeginMap;
      quoted(out, "text", ev.timex.text);
      span(out, ev.timex.begin, ev.timex.end);
      plain(out, "type", ev.timex.type);
      quoted(out, "value", ev.timex.value);
      out << YAML::EndMap;
    }
    out << YAML::Key << "anchor" << YAML::Value << YAML::Flow << YAML::BeginMap;
    plain(out, "kind", ev.anchor.kind);
    quoted(out, "rule", ev.anchor.rule);
    quoted(out, "ref", ev.anchor.ref);
    out << YAML::EndMap;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  if (!e.merged_from.empty()) {
    out << YAML::Key << "merged_from" << YAML::Value << YAML::BeginSeq;
    for (const auto& r : e.merged_from) {
      out << YAML::BeginMap;
      plain(out, "source", r.source);
      plain(out, "id", r.id);
      write_when(out, r.when);
      quoted(out, "title", r.title);
      quoted(out, "text", r.text);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
}

// Reading ------------------------------------------------------------------------------------

// The days iso_day writes: YYYY-MM-DD, and outside years 0 to 9999 a sign and more digits
// ("+10000-01-03" is "next Monday" from 9999-12-31), so that every timeline written reads back.
bool is_written_day(std::string_view s) {
  if (parse_iso_day(s)) return true;
  if (s.size() < 11 || s.size() > 12 || (s[0] != '+' && s[0] != '-')) return false;
  const std::string_view digits = s.substr(1, s.size() - 7);
  const std::string_view month_day = s.substr(s.size() - 6);
  if (digits.find_first_not_of("0123456789") != std::string_view::npos || month_day[0] != '-') return false;
  const auto day = parse_iso_day("2000" + std::string(month_day));  // month and day in range
  if (!day) return false;
  const int year = (s[0] == '-' ? -1 : 1) * std::stoi(std::string(digits));
  const date::year_month_day ymd{*day};
  return digits.size() <= 5 && year >= -32767 && year <= 32767 && (date::year{year} / ymd.month() / ymd.day()).ok();
}

// Where a second YAML document starts, if the stream has one that holds anything. Not
// YAML::LoadAll: it loops without end, taking all memory, on a stray ',' ("---\n,").
std::optional<YAML::Mark> second_document(std::string_view yaml) {
  struct first_node : YAML::EventHandler {
    YAML::Mark start;
    std::optional<YAML::Mark> at;
    void note(const YAML::Mark& mark) {
      if (!at) at = mark;
    }
    void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
      note(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
      note(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
      note(mark);
    }
    void OnMapEnd() override {}
  };
  std::istringstream in{std::string(yaml)};
  YAML::Parser parser(in);
  first_node ignored;
  first_node next;
  if (!parser.HandleNextDocument(ignored) || !parser.HandleNextDocument(next)) return std::nullopt;
  if (next.at) return next.at;
  // A document of nothing but stray punctuation reads as null; only markers, comments and
  // blank lines may really be nothing.
  for (std::size_t at = static_cast<std::size_t>(std::max(next.start.pos, 0)); at < yaml.size();) {
    const std::size_t eol = std::min(yaml.find('\n', at), yaml.size());
    std::string_view line = yaml.substr(at, eol - at);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line[first] != '#' && line != "---" && line != "...") {
      YAML::Mark mark = next.start;
      mark.pos = static_cast<int>(at);
      mark.line = static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
      mark.column = static_cast<int>(first);
      return mark;
    }
    at = eol + 1;
  }
  return std::nullopt;
}

struct reader {
  const std::string& name;
  // Aliases let a few bytes stand for a list or a long text many times over, and lists of
  // aliases of such lists grow as a power of the file's size. Without aliases every item and
  // every byte of text read takes at least a byte of the file, so reading more than the file
  // holds means aliases, and an end to it before memory runs out.
  mutable std::size_t budget;
  // The ids of the timeline's sources: events, evidence and reports may name only these.
  std::set<std::string, std::less<>> declared = {};

  void spend(const YAML::Node& at, std::size_t amount = 1) const {
    if (amount > budget) fail(at, "aliases (*name) repeat more than the file holds");
    budget -= amount;
  }

  [[noreturn]] void fail(const YAML::Node& at, const std::string& what) const {
    const YAML::Mark mark = at.Mark();
    const std::size_t line = mark.line < 0 ? 0 : static_cast<std::size_t>(mark.line) + 1;
    const std::size_t column = mark.column < 0 ? 0 : static_cast<std::size_t>(mark.column) + 1;
    throw error(name, line, column, what);
  }

  void expect_map(const YAML::Node& node, const std::string& what) const {
    if (!node.IsMap()) fail(node, what + " must be a mapping");
  }

  std::string text(const YAML::Node& map, const char* key, bool required = false) const {
    const YAML::Node node = map[key];
    if (!node) {
      if (required) fail(map, std::string("missing field '") + key + "'");
      return "";
    }
    if (!node.IsScalar()) fail(node, std::string("field '") + key + "' must be a single value");
    // The writer leaves out empty fields, so an empty required one would not read back.
    if (required && node.Scalar().empty()) fail(node, std::string("field '") + key + "' is empty");
    spend(node, node.Scalar().size());
    return node.Scalar();
  }

  // Offsets and counts: non-negative whole numbers.
  std::size_t offset(const YAML::Node& node) const {
    if (!node.IsScalar()) fail(node, "an offset must be a number");
    const std::string& s = node.Scalar();
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) {
      fail(node, "an offset must be a non-negative whole number, not '" + excerpt(s) + "'");
    }
    return static_cast<std::size_t>(std::stoull(s));
  }

  std::pair<std::size_t, std::size_t> span_of(const YAML::Node& map) const {
    const YAML::Node node = map["span"];
    if (!node) return {0, 0};
    if (!node.IsSequence() || node.size() != 2) fail(map, "span must be [begin, end]");
    const auto begin = offset(node[0]);
    const auto end = offset(node[1]);
    if (end < begin) fail(node, "span ends before it begins");
    return {begin, end};
  }

  std::vector<std::string> strings(const YAML::Node& map, const char* key) const {
    std::vector<std::string> values;
    const YAML::Node node = map[key];
    if (!node) return values;
    if (!node.IsSequence()) fail(node, std::string("field '") + key + "' must be a list");
    for (const auto& item : node) {
      if (!item.IsScalar()) fail(item, std::string("items of '") + key + "' must be single values");
      spend(item, item.Scalar().size() + 1);
      values.push_back(item.Scalar());
    }
    return values;
  }

  const YAML::Node sequence(const YAML::Node& map, const char* key) const {
    const YAML::Node node = map[key];
    if (node && !node.IsNull() && !node.IsSequence()) fail(node, std::string("field '") + key + "' must be a list");
    return node;
  }

  source read_source(const YAML::Node& node) const {
    spend(node);
    expect_map(node, "a source");
    return source{text(node, "id", true), text(node, "title"), text(node, "publisher"),
                  text(node, "url"), text(node, "path"), text(node, "published"),
                  text(node, "published_from")};
  }

  when read_when(const YAML::Node& node) const {
    const YAML::Node w = node["when"];
    if (!w) fail(node, "missing field 'when'");
    expect_map(w, "'when'");
    when result{text(w, "value"), text(w, "start"), text(w, "end"), text(w, "granularity"),
                text(w, "mod")};
    for (const auto* day : {&result.start, &result.end}) {
      if (!day->empty() && !is_written_day(*day)) fail(w, "'" + excerpt(*day) + "' is not a calendar date");
    }
    return result;
  }

  event read_event(const YAML::Node& node) const {
    spend(node);
    expect_map(node, "an event");
    event e;
    e.id = text(node, "id");
    e.when = read_when(node);
    e.title = text(node, "title");
    e.text = text(node, "text");
    e.sources = strings(node, "sources");
    // Merging joins reports by their sources: one that names an undeclared source, or
    // evidence from a source its event does not list, would make the result depend on order.
    for (const auto& id : e.sources) {
      if (!declared.contains(id)) fail(node["sources"], "source '" + excerpt(id) + "' is not among the timeline's sources");
    }
    auto listed = [&](const YAML::Node& item, const std::string& id) {
      if (std::find(e.sources.begin(), e.sources.end(), id) == e.sources.end()) {
        fail(item, "source '" + excerpt(id) + "' is not among the event's sources");
      }
    };
    if (const YAML::Node a = node["agreement"]) e.agreement = offset(a);
    e.conflicts = strings(node, "conflicts");
    if (const YAML::Node list = sequence(node, "merged_from")) {
      for (const auto& item : list) {
        spend(item);
        expect_map(item, "merged_from");
        e.merged_from.push_back(report{text(item, "source", true), text(item, "id"), read_when(item),
                                       text(item, "title"), text(item, "text")});
        listed(item, e.merged_from.back().source);
      }
    }
    if (const YAML::Node list = sequence(node, "evidence")) {
      for (const auto& item : list) {
        spend(item);
        expect_map(item, "evidence");
        evidence ev;
        ev.source = text(item, "source");
        if (!ev.source.empty()) listed(item, ev.source);
        std::tie(ev.begin, ev.end) = span_of(item);
        if (const YAML::Node t = item["timex"]) {
          expect_map(t, "'timex'");
          ev.timex.text = text(t, "text");
          std::tie(ev.timex.begin, ev.timex.end) = span_of(t);
          ev.timex.type = text(t, "type");
          ev.timex.value = text(t, "value");
        }
        if (const YAML::Node a = item["anchor"]) {
          expect_map(a, "'anchor'");
          ev.anchor = anchor{text(a, "kind"), text(a, "rule"), text(a, "ref")};
        }
        e.evidence.push_back(std::move(ev));
      }
    }
    if (!e.merged_from.empty() && e.merged_from.size() != e.evidence.size()) {
      fail(node, "merged_from and evidence must list the same reports, one each");
    }
    // Last, so that a more particular complaint about the event comes first.
    if (e.sources.empty()) fail(node, "an event needs its sources (sources: [id, ...])");
    return e;
  }
};

}  // namespace

std::string to_yaml(const timeline& t) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  out << YAML::Key << "chronicle" << YAML::Value << schema_version;
  out << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
  for (const auto& s : t.sources) {
    out << YAML::BeginMap;
    plain(out, "id", s.id);
    quoted(out, "title", s.title);
    quoted(out, "publisher", s.publisher);
    quoted(out, "url", s.url);
    quoted(out, "path", s.path);
    quoted(out, "published", s.published);
    plain(out, "published_from", s.published_from);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "events" << YAML::Value << YAML::BeginSeq;
  for (const auto& e : t.events) write_event(out, e);
  out << YAML::EndSeq;
  if (!t.warnings.empty()) {
    out << YAML::Key << "warnings" << YAML::Value << YAML::BeginSeq;
    for (const auto& w : t.warnings) out << YAML::DoubleQuoted << w;
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

timeline timeline_from_yaml(std::string_view yaml, const std::string& path) {
  check_text(yaml, path);
  const std::string name(detail::shown_name(path));
  auto yaml_error = [&](const YAML::Exception& e) {
    // yaml-cpp stops runaway nesting ("[[[[...") with the bare message "bad file".
    const bool deep = dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr;
    return error(name, static_cast<std::size_t>(e.mark.line) + 1, static_cast<std::size_t>(e.mark.column) + 1,
                 deep ? std::string("nested too deeply") : e.msg);
  };
  YAML::Node root;
  std::optional<YAML::Mark> second;
  try {
    root = YAML::Load(std::string(yaml));
    second = second_document(yaml);
  } catch (const YAML::Exception& e) {
    throw yaml_error(e);
  }
  reader r{name, yaml.size()};
  // Two timelines pasted into one file would otherwise lose the second without a word.
  if (second) {
    throw error(name, static_cast<std::size_t>(second->line) + 1, static_cast<std::size_t>(second->column) + 1,
                "a second YAML document: give each timeline a file of its own");
  }
  if (!root || root.IsNull()) throw error(name + ": empty file, not a timeline");
  r.expect_map(root, "a timeline");
  const YAML::Node version = root["chronicle"];
  if (!version) r.fail(root, "not a chronicle timeline (no 'chronicle:' schema version)");
  if (!version.IsScalar()) r.fail(version, "the schema version must be a number (this chronicle reads 1)");
  if (version.Scalar() != std::to_string(schema_version)) {
    r.fail(version, "unknown schema version '" + excerpt(version.Scalar()) + "' (this chronicle reads 1)");
  }
  timeline t;
  try {
    if (const YAML::Node list = r.sequence(root, "sources")) {
      for (const auto& s : list) {
        t.sources.push_back(r.read_source(s));
        if (!r.declared.insert(t.sources.back().id).second) {
          r.fail(s, "source id '" + excerpt(t.sources.back().id) + "' appears twice");
        }
      }
    }
    if (const YAML::Node list = r.sequence(root, "events")) {
      for (const auto& e : list) t.events.push_back(r.read_event(e));
    }
    t.warnings = r.strings(root, "warnings");
  } catch (const YAML::Exception& e) {
    throw yaml_error(e);
  }
  return t;
}

}  // namespace chronicle
