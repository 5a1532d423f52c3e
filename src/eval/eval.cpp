#include "chronicle/eval.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include "chronicle/error.hpp"
#include "chronicle/timeml.hpp"
#include "eval/score.hpp"
#include "io/json_line.hpp"

// The definitions follow the TempEval-3 scorer: spans compare on whitespace-separated tokens,
// so a system that differs from gold only inside a token is not punished for it.

namespace chronicle {
namespace detail {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// A closed range of token indexes; empty when a span covers only whitespace.
struct token_span {
  std::size_t first = 1;
  std::size_t last = 0;
  bool empty() const { return first > last; }
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The token index of every byte of `text`, npos for whitespace.
std::vector<std::size_t> token_of_bytes(std::string_view text) {
  std::vector<std::size_t> tokens(text.size(), npos);
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_space(text[i])) continue;
    if (i > 0 && !is_space(text[i - 1])) {
      tokens[i] = count - 1;
    } else {
      tokens[i] = count++;
    }
  }
  return tokens;
}

token_span span_of(const std::vector<std::size_t>& tokens, std::size_t begin, std::size_t end) {
  token_span span;
  end = std::min(end, tokens.size());
  for (auto i = begin; i < end; ++i) {
    if (tokens[i] == npos) continue;
    if (span.empty()) span.first = tokens[i];
    span.last = tokens[i];
  }
  return span;
}

bool same_tokens(token_span a, token_span b) {
  return !a.empty() && a.first == b.first && a.last == b.last;
}

bool overlap(token_span a, token_span b) {
  return !a.empty() && !b.empty() && a.first <= b.last && b.first <= a.last;
}

// Error listings are tab-separated, one per line.
std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

std::string_view slice(std::string_view text, std::size_t begin, std::size_t end) {
  begin = std::min(begin, text.size());
  end = std::clamp(end, begin, text.size());
  return text.substr(begin, end - begin);
}

std::string context_of(std::string_view text, std::size_t begin, std::size_t end) {
  constexpr std::size_t margin = 30;
  std::size_t from = begin > margin ? begin - margin : 0;
  std::size_t to = std::min(text.size(), end + margin);
  // Widened to whole UTF-8 characters, so the listing stays valid UTF-8.
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  auto context = one_line(text.substr(from, to - from));
  context.erase(0, context.find_first_not_of(' '));
  context.erase(context.find_last_not_of(' ') + 1);
  return context;
}

double ratio(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

double f1(double precision, double recall) {
  return precision + recall == 0.0 ? 0.0 : 2 * precision * recall / (precision + recall);
}

std::vector<std::string> timeml_files(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw error(path + ": no such file or folder");
  if (!fs::is_directory(status)) return {path};
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".tml" && it->is_regular_file(ec))
      files.push_back(it->path().string());
  }
  if (ec) throw error(path + ": cannot list the folder: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

// Not chronicle::read_file: that would pull the timeline headers into the scorer for ten lines.
std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad() || !in.is_open()) throw error(path + ": cannot be read");
  return bytes;
}

}  // namespace

eval_counts score_document(const timeml_document& gold, const std::vector<timex>& system,
                           std::vector<eval_error>* errors) {
  const std::string_view text = gold.text;
  const auto tokens = token_of_bytes(text);
  const auto& golds = gold.timexes;

  std::vector<std::size_t> order(system.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(system[a].begin, system[a].end) < std::pair(system[b].begin, system[b].end);
  });

  std::vector<token_span> gold_spans;
  for (const auto& g : golds) gold_spans.push_back(span_of(tokens, g.begin, g.end));
  std::vector<token_span> system_spans;
  for (const auto& s : system) system_spans.push_back(span_of(tokens, s.begin, s.end));

  // Strict pairs first, so that a looser neighbour cannot take a system timex that matches
  // another gold one exactly; then, for the rest, the first unpaired overlapping one.
  std::vector<std::size_t> partner(golds.size(), npos);
  std::vector<bool> taken(system.size(), false);
  for (const bool strict : {true, false}) {
    for (std::size_t g = 0; g < golds.size(); ++g) {
      if (partner[g] != npos) continue;
      for (const auto s : order) {
        if (taken[s]) continue;
        if (strict ? same_tokens(gold_spans[g], system_spans[s])
                   : overlap(gold_spans[g], system_spans[s])) {
          partner[g] = s;
          taken[s] = true;
          break;
        }
      }
    }
  }

  eval_counts counts;
  counts.gold = golds.size();
  counts.system = system.size();
  std::vector<std::pair<std::size_t, eval_error>> found;  // (offset in text, error)
  const auto report = [&](std::size_t at, std::string kind, std::string_view expression,
                          std::string expected, std::string got, std::size_t begin,
                          std::size_t end) {
    if (errors == nullptr) return;
    found.emplace_back(
        at, eval_error{gold.path, std::move(kind), std::string(expression), std::move(expected),
                       std::move(got), context_of(text, begin, end)});
  };

  for (std::size_t g = 0; g < golds.size(); ++g) {
    const auto& want = golds[g];
    const auto want_text = slice(text, want.begin, want.end);
    if (partner[g] == npos) {
      report(want.begin, "missed", want_text, want.value, "", want.begin, want.end);
      continue;
    }
    const auto& got = system[partner[g]];
    const auto got_text = slice(text, got.begin, got.end);
    const auto got_type = std::string(to_string(got.type));
    ++counts.relaxed_matches;
    if (same_tokens(gold_spans[g], system_spans[partner[g]])) {
      ++counts.strict_matches;
    } else {
      report(want.begin, "span", want_text, std::string(want_text), std::string(got_text),
             std::min(want.begin, got.begin), std::max(want.end, got.end));
    }
    if (want.value == got.value) {
      ++counts.value_matches;
    } else {
      report(want.begin, "value", want_text, want.value, got.value, want.begin, want.end);
    }
    if (want.type == got_type) {
      ++counts.type_matches;
    } else {
      report(want.begin, "type", want_text, want.type, got_type, want.begin, want.end);
    }
  }
  for (const auto s : order) {
    if (taken[s]) continue;
    const auto& got = system[s];
    report(got.begin, "spurious", slice(text, got.begin, got.end), "", got.value, got.begin,
           got.end);
  }

  if (errors != nullptr) {
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [at, e] : found) errors->push_back(std::move(e));
  }
  return counts;
}

void add_counts(eval_counts& total, const eval_counts& more) {
  total.gold += more.gold;
  total.system += more.system;
  total.strict_matches += more.strict_matches;
  total.relaxed_matches += more.relaxed_matches;
  total.value_matches += more.value_matches;
  total.type_matches += more.type_matches;
}

}  // namespace detail

namespace {

// Calls visit(document) for every gold file under the paths, in order; a document's path is
// its file's, as the paths name it.
template <typename Visit>
void for_each_gold(const std::vector<std::string>& paths, Visit visit) {
  for (const auto& path : paths) {
    for (const auto& file : detail::timeml_files(path)) visit(parse_timeml(detail::read_bytes(file), file));
  }
}

// Scores every gold file under the paths against what find(document) gives.
template <typename Find>
eval_report score_files(const std::vector<std::string>& paths, Find find) {
  eval_report report;
  for_each_gold(paths, [&](const timeml_document& doc) {
    detail::add_counts(report.counts, detail::score_document(doc, find(doc), &report.errors));
    ++report.files;
  });
  return report;
}

}  // namespace

eval_report evaluate(const std::vector<std::string>& paths, const tagger& tagger, text_mode mode) {
  return score_files(paths, [&](const timeml_document& doc) {
    return tagger.tag(doc.text, tag_options{.dct = doc.dct, .mode = mode});
  });
}

system_output read_system_output(std::string_view jsonl, const std::string& name) {
  system_output output;
  std::size_t line_number = 0;
  for (std::size_t from = 0; from < jsonl.size();) {
    const std::size_t eol = std::min(jsonl.find('\n', from), jsonl.size());
    const std::string_view line = jsonl.substr(from, eol - from);
    from = eol + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    detail::json_line in{line, name, line_number};
    std::string id;
    timex found;
    bool has_id = false;
    bool has_start = false;
    bool has_end = false;
    in.object([&](const std::string& key, std::size_t key_at) {
      if (key == "id") {
        id = in.string_value();
        has_id = true;
      } else if (key == "start") {
        found.begin = in.count_value();
        has_start = true;
      } else if (key == "end") {
        found.end = in.count_value();
        has_end = true;
      } else if (key == "type") {
        const std::size_t value_at = in.at;
        const std::string type = in.string_value();
        const auto known = timex_type_from_string(type);
        if (!known) {
          in.at = value_at;
          in.fail("unknown type " + type + " (DATE, TIME, DURATION, SET)");
        }
        found.type = *known;
      } else if (key == "value") {
        found.value = in.string_value();
      } else if (key == "mod") {
        found.mod = in.string_value();
      } else if (key == "text" || key == "quant" || key == "freq" || key == "file") {
        in.string_value();
      } else {
        in.at = key_at;
        in.fail("unknown field \"" + key + "\" (id, start, end, type, value)");
      }
    });
    if (!has_id || !has_start || !has_end) in.fail("an expression needs \"id\", \"start\" and \"end\"");
    if (found.begin >= found.end) in.fail("\"start\" must be before \"end\"");
    output[id].push_back(std::move(found));
  }
  return output;
}

eval_report evaluate(const std::vector<std::string>& paths, const system_output& system) {
  std::set<std::string, std::less<>> scored;
  const std::vector<timex> nothing;
  eval_report report = score_files(paths, [&](const timeml_document& doc) {
    scored.insert(doc.path);
    const auto it = system.find(doc.path);
    if (it == system.end()) return nothing;
    for (const timex& t : it->second) {
      if (t.end > doc.text.size()) {
        throw error(fmt::format("{}: an expression at bytes {}..{} lies outside the text ({} bytes)", doc.path,
                                t.begin, t.end, doc.text.size()));
      }
    }
    return it->second;
  });
  for (const auto& [id, found] : system) {
    if (!scored.contains(id)) throw error("system output names " + id + ", which is no gold file under the paths");
  }
  return report;
}

std::string documents_jsonl(const std::vector<std::string>& paths) {
  std::string out;
  for_each_gold(paths, [&](const timeml_document& doc) {
    out += "{\"id\":" + detail::json_string(doc.path) + ",\"text\":" + detail::json_string(doc.text);
    if (doc.dct) out += ",\"dct\":\"" + iso_day(*doc.dct) + "\"";
    out += "}\n";
  });
  return out;
}

std::string format_report(const eval_report& report, bool list_errors) {
  const auto& c = report.counts;
  std::string out = fmt::format("files {}  gold {}  system {}\n", report.files, c.gold, c.system);
  out += fmt::format("{:<7}{:>7}{:>7}{:>7}\n", "", "P", "R", "F1");
  double relaxed_f1 = 0.0;
  for (const auto& [label, matches] :
       {std::pair{"strict", c.strict_matches}, std::pair{"relaxed", c.relaxed_matches}}) {
    const double p = detail::ratio(matches, c.system);
    const double r = detail::ratio(matches, c.gold);
    relaxed_f1 = detail::f1(p, r);  // the last row is the relaxed one
    out +=
        fmt::format("{:<7}{:>7.2f}{:>7.2f}{:>7.2f}\n", label, 100 * p, 100 * r, 100 * relaxed_f1);
  }
  // Attribute F1 as TempEval-3 defines it: attribute accuracy over relaxed matches, times
  // relaxed F1.
  out += fmt::format("{:<7}{:>21.2f}\n", "value",
                     100 * detail::ratio(c.value_matches, c.relaxed_matches) * relaxed_f1);
  out += fmt::format("{:<7}{:>21.2f}\n", "type",
                     100 * detail::ratio(c.type_matches, c.relaxed_matches) * relaxed_f1);
  if (list_errors) {
    for (const auto& e : report.errors) {
      out += fmt::format("{}\t{}\t\"{}\"\texpected={}\tgot={}\t{}\n", detail::one_line(e.kind),
                         detail::one_line(e.file), detail::one_line(e.text),
                         detail::one_line(e.expected), detail::one_line(e.got),
                         detail::one_line(e.context));
    }
  }
  return out;
}

}  // namespace chronicle
