// chronicle: the command-line tool. It parses arguments and calls the library; nothing else.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "chronicle/batch.hpp"
#include "chronicle/document.hpp"
#include "chronicle/error.hpp"
#include "chronicle/eval.hpp"
#include "chronicle/io.hpp"
#include "chronicle/merge.hpp"
#include "chronicle/render.hpp"
#include "chronicle/tagger.hpp"
#include "chronicle/timeline.hpp"
#include "chronicle/timeml.hpp"

namespace {

using namespace chronicle;

constexpr const char* version = "chronicle 0.1.0";

constexpr const char* usage =
    "usage: chronicle COMMAND [OPTIONS] ...\n"
    "\n"
    "commands:\n"
    "  tag      find and resolve time expressions (JSON lines or TimeML)\n"
    "  extract  turn an article into a dated, ordered timeline (YAML)\n"
    "  merge    merge timelines from several sources into one chronology\n"
    "  diff     what a newer chronology changed against an older one\n"
    "  render   show a timeline for people (Markdown)\n"
    "  eval     score the tagger against TimeML gold files, TempEval-3 style\n"
    "\n"
    "`chronicle COMMAND --help` tells more; `chronicle --version` prints the version.\n";

const std::map<std::string, std::string, std::less<>> command_help = {
    {"tag",
     "usage: chronicle tag [--dct DATE] [--mode auto|news|narrative] [--format jsonl|timeml]\n"
     "                     [--input text|jsonl] [--jobs N] [-o OUT] FILE...|-\n"
     "Finds time expressions. Plain text gives one JSON object a line with byte offsets into the\n"
     "input; TimeML (.tml) input takes its publication date from <DCT>, and --format timeml\n"
     "writes the document back with TIMEX3 tags. --input jsonl reads one document a line,\n"
     "{\"id\": ..., \"text\": ..., \"dct\": \"YYYY-MM-DD\"} (dct optional), and prints each\n"
     "expression with its document's id. --jobs N tags on N threads; the output is the same.\n"},
    {"extract",
     "usage: chronicle extract [--dct DATE] [--mode auto|news|narrative] [-o OUT.yaml] FILE...|-\n"
     "Writes the article's timeline as YAML. The reference date is --dct, else the front\n"
     "matter's `published` (TimeML, .tml: its <DCT>), else inferred from the text (dateline or\n"
     "weekday mentions). Plain text, Markdown and TimeML (the content of <TEXT>) are read.\n"
     "Several articles give one merged timeline, as `merge` would.\n"},
    {"merge",
     "usage: chronicle merge [-o OUT.yaml] A.yaml B.yaml...\n"
     "Merges timelines into one chronology: reports of one happening from several sources\n"
     "become one event with the finest date they allow, all its sources and evidence,\n"
     "`agreement` (how many sources) and `conflicts` (dates that cannot both be true).\n"},
    {"diff",
     "usage: chronicle diff OLD.yaml NEW.yaml\n"
     "Lists what NEW changed against OLD: events added or removed, dates refined, sources\n"
     "added, conflicts appeared.\n"},
    {"render",
     "usage: chronicle render [--format markdown|mermaid] [-o OUT] TIMELINE.yaml|-\n"
     "Renders a timeline as a Markdown chronology; mermaid adds a Mermaid `timeline` block.\n"},
    {"eval",
     "usage: chronicle eval [--errors] [--mode auto|news|narrative] [--system FILE.jsonl]\n"
     "                      [--documents] PATH...\n"
     "Tags the text of every TimeML file under PATH and scores it against the gold TIMEX3:\n"
     "strict and relaxed P/R/F1, value and type F1. --errors lists every miss, spurious\n"
     "expression and wrong value. --documents prints the gold files as `tag --input jsonl`\n"
     "reads them; --system scores another tagger's output on them (JSON lines as `tag\n"
     "--input jsonl` prints: id, start, end, type, value) instead of chronicle's.\n"},
};

// A bad command line: exit 2.
struct usage_error {
  std::string message;
};

struct arguments {
  std::string command;
  std::map<std::string, std::string, std::less<>> options;  // "--dct" -> "2020-06-26"
  std::vector<std::string> inputs;
};

arguments parse(int argc, char** argv) {
  static const std::map<std::string, bool, std::less<>> takes_value = {
      {"--dct", true},     {"--mode", true}, {"--format", true}, {"-o", true},
      {"--input", true},   {"--jobs", true}, {"--system", true},
      {"--errors", false}, {"--documents", false}, {"--help", false}};
  arguments args;
  args.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-" || arg.empty() || arg[0] != '-') {
      args.inputs.push_back(arg);
      continue;
    }
    const auto it = takes_value.find(arg);
    if (it == takes_value.end()) throw usage_error{"unknown option " + arg};
    if (it->second && i + 1 >= argc) throw usage_error{arg + " needs a value"};
    args.options[arg] = it->second ? argv[++i] : "";
  }
  return args;
}

std::optional<date::sys_days> dct_option(const arguments& args) {
  const auto it = args.options.find("--dct");
  if (it == args.options.end()) return std::nullopt;
  const auto day = parse_iso_day(it->second);
  if (!day) throw usage_error{"--dct " + it->second + " is not a calendar date (YYYY-MM-DD)"};
  return day;
}

text_mode mode_option(const arguments& args) {
  const auto it = args.options.find("--mode");
  if (it == args.options.end() || it->second == "auto") return text_mode::automatic;
  if (it->second == "news") return text_mode::news;
  if (it->second == "narrative") return text_mode::narrative;
  throw usage_error{"--mode must be auto, news or narrative, not " + it->second};
}

std::string option(const arguments& args, std::string_view name, std::string fallback) {
  const auto it = args.options.find(name);
  return it == args.options.end() ? fallback : it->second;
}

void allow_only(const arguments& args, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : args.options) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      throw usage_error{args.command + " takes no " + name};
    }
  }
}

// The reader of standard output went away (`chronicle tag ... | head -1`): it has what it
// wanted, so chronicle stops quietly and successfully, as ripgrep does.
struct reader_gone {};

void write_stdout(std::string_view content) {
  const bool written = std::fwrite(content.data(), 1, content.size(), stdout) == content.size();
  if (written && std::fflush(stdout) == 0) return;
  if (errno == EPIPE) throw reader_gone{};
  throw error(std::string("cannot write to standard output: ") + std::strerror(errno));
}

void emit(const arguments& args, const std::string& content) {
  const std::string out = option(args, "-o", "-");
  if (out.empty()) throw usage_error{"-o needs a file name (or - for standard output)"};
  if (out == "-") {
    write_stdout(content);
  } else {
    write_file_atomically(out, content);
  }
}

bool is_timeml(const std::string& path) { return path.ends_with(".tml") || path.ends_with(".xml"); }

// One document of a `tag` run: what to tag, and how to print what is found.
struct tag_job {
  batch_document doc;
  std::string file;                        // printed as "file" when several inputs
  std::optional<timeml_document> timeml;   // for --format timeml
  std::size_t offset = 0;                  // where doc.text starts in the input (front matter)
};

std::vector<tag_job> tag_jobs(const arguments& args, std::optional<date::sys_days> dct, bool jsonl_input,
                              bool timeml_output) {
  std::vector<tag_job> jobs;
  for (const auto& path : args.inputs) {
    const std::string file = args.inputs.size() > 1 ? path : "";
    if (jsonl_input) {
      const std::string lines = read_file(path);
      // Checked whole, so that a bad byte is placed by its line and column in the file.
      check_text(lines, path);
      const std::string name = path == "-" ? "standard input" : path;
      std::size_t number = 0;
      for (std::size_t at = 0; at < lines.size();) {
        const std::size_t eol = std::min(lines.find('\n', at), lines.size());
        const std::string_view line = std::string_view(lines).substr(at, eol - at);
        ++number;
        at = eol + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        batch_document doc = parse_document_line(line, name, number);
        if (dct) doc.dct = dct;
        jobs.push_back(tag_job{std::move(doc), file, std::nullopt, 0});
      }
      continue;
    }
    if (is_timeml(path)) {
      timeml_document tml = parse_timeml(read_file(path), path);
      batch_document doc{id_from_path(path), tml.text, dct ? dct : tml.dct};
      jobs.push_back(tag_job{std::move(doc), file, timeml_output ? std::optional(std::move(tml)) : std::nullopt, 0});
      continue;
    }
    if (timeml_output) throw usage_error{"--format timeml needs TimeML input (.tml): " + path};
    document article = parse_document(read_file(path), path);
    const auto published = dct ? dct : article.published ? article.published
                                       : tagger::english().infer_publication_date(article.text);
    // The headline is tagged too: "Talks resume Friday" dates something.
    batch_document doc{article.id, article.text.substr(article.text_begin), published};
    jobs.push_back(tag_job{std::move(doc), file, std::nullopt, article.text_begin});
  }
  return jobs;
}

int run_tag(const arguments& args) {
  allow_only(args, {"--dct", "--mode", "--format", "--input", "--jobs", "-o"});
  const std::string format = option(args, "--format", "jsonl");
  if (format != "jsonl" && format != "timeml") throw usage_error{"--format must be jsonl or timeml"};
  const std::string input = option(args, "--input", "text");
  if (input != "text" && input != "jsonl") throw usage_error{"--input must be text or jsonl"};
  if (input == "jsonl" && format == "timeml") throw usage_error{"--format timeml needs TimeML input (.tml)"};
  const std::string jobs_text = option(args, "--jobs", "1");
  if (jobs_text.empty() || jobs_text.size() > 3 || jobs_text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(jobs_text) < 1) {
    throw usage_error{"--jobs must be a number of threads from 1 to 999, not " + jobs_text};
  }
  if (args.inputs.empty()) throw usage_error{"tag needs a FILE or - for standard input"};
  const auto jobs = tag_jobs(args, dct_option(args), input == "jsonl", format == "timeml");
  std::vector<batch_document> docs;
  docs.reserve(jobs.size());
  for (const auto& job : jobs) docs.push_back(job.doc);
  auto results = tag_all(tagger::english(), docs, mode_option(args), static_cast<unsigned>(std::stoi(jobs_text)));
  std::string out;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (jobs[i].timeml) {
      out += annotate_timeml(*jobs[i].timeml, results[i]);
      continue;
    }
    for (auto& t : results[i]) {
      t.begin += jobs[i].offset;
      t.end += jobs[i].offset;
    }
    out += render_jsonl(results[i], jobs[i].file, input == "jsonl" ? jobs[i].doc.id : "");
  }
  emit(args, out);
  return 0;
}

// A TimeML file as an article: the text of <TEXT>, dated by <DCT>; offsets point into that text.
document timeml_article(const std::string& path) {
  const timeml_document tml = parse_timeml(read_file(path), path);
  document doc;
  doc.id = id_from_path(path);
  doc.path = path;
  doc.text = tml.text;
  doc.published = tml.dct;
  doc.published_from = tml.dct ? date_origin::metadata : date_origin::unknown;
  return doc;
}

int run_extract(const arguments& args) {
  allow_only(args, {"--dct", "--mode", "-o"});
  if (args.inputs.empty()) throw usage_error{"extract needs a FILE (or - for standard input)"};
  const extract_options options{dct_option(args), mode_option(args)};
  std::vector<timeline> timelines;
  for (const auto& path : args.inputs) {
    timelines.push_back(extract(is_timeml(path) ? timeml_article(path) : parse_document(read_file(path), path),
                                tagger::english(), options));
  }
  emit(args, to_yaml(timelines.size() == 1 ? timelines.front() : merge(timelines)));
  return 0;
}

std::vector<timeline> read_timelines(const arguments& args) {
  std::vector<timeline> timelines;
  for (const auto& path : args.inputs) timelines.push_back(timeline_from_yaml(read_file(path), path));
  return timelines;
}

int run_merge(const arguments& args) {
  allow_only(args, {"-o"});
  if (args.inputs.empty()) throw usage_error{"merge needs one or more timelines"};
  emit(args, to_yaml(merge(read_timelines(args))));
  return 0;
}

int run_diff(const arguments& args) {
  allow_only(args, {"-o"});
  if (args.inputs.size() != 2) throw usage_error{"diff takes two timelines, OLD and NEW"};
  const auto timelines = read_timelines(args);
  emit(args, diff(timelines[0], timelines[1]));
  return 0;
}

int run_render(const arguments& args) {
  allow_only(args, {"--format", "-o"});
  const std::string format = option(args, "--format", "markdown");
  if (format != "markdown" && format != "mermaid") throw usage_error{"--format must be markdown or mermaid"};
  if (args.inputs.size() != 1) throw usage_error{"render takes one timeline (or - for standard input)"};
  const auto& path = args.inputs.front();
  emit(args, render_markdown(timeline_from_yaml(read_file(path), path), {.mermaid = format == "mermaid"}));
  return 0;
}

int run_eval(const arguments& args) {
  allow_only(args, {"--errors", "--mode", "--system", "--documents", "-o"});
  if (args.inputs.empty()) throw usage_error{"eval needs a folder or file of TimeML gold"};
  if (args.options.contains("--documents")) {
    if (args.options.size() > 1 + args.options.count("-o")) throw usage_error{"--documents takes no other option but -o"};
    emit(args, documents_jsonl(args.inputs));
    return 0;
  }
  if (args.options.contains("--system") && args.options.contains("--mode")) {
    throw usage_error{"--mode is the tagger's: it does not apply to --system output"};
  }
  const eval_report report =
      args.options.contains("--system")
          ? evaluate(args.inputs, read_system_output(read_file(args.options.at("--system")), args.options.at("--system")))
          : evaluate(args.inputs, tagger::english(), mode_option(args));
  emit(args, format_report(report, args.options.contains("--errors")));
  return 0;
}

// Errors are one line: control characters from file names or input (a newline in a YAML
// scalar) are shown escaped, and a message is cut short rather than flood the terminal.
std::string one_line(std::string_view message) {
  std::size_t longest = std::min<std::size_t>(message.size(), 400);
  while (longest < message.size() && (static_cast<unsigned char>(message[longest]) & 0xC0) == 0x80) --longest;
  std::string out;
  for (const char c : message.substr(0, longest)) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += c;
    }
  }
  if (message.size() > longest) out += "...";
  return out;
}

void complain(const std::string& message) { std::fprintf(stderr, "chronicle: %s\n", one_line(message).c_str()); }

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe shows as EPIPE from write, handled above, instead of killing chronicle
  // silently; a file size limit (ulimit -f) shows as EFBIG, so the temporary file goes too.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    if (argc < 2) throw usage_error{"missing COMMAND (tag, extract, merge, diff, render, eval); try --help"};
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
      write_stdout(usage);
      return 0;
    }
    if (first == "--version") {
      write_stdout(std::string(version) + "\n");
      return 0;
    }
    const auto help = command_help.find(first);
    if (help == command_help.end()) throw usage_error{"unknown command " + first + "; try --help"};
    const arguments args = parse(argc, argv);
    if (args.options.contains("--help")) {
      write_stdout(help->second);
      return 0;
    }
    if (args.command == "tag") return run_tag(args);
    if (args.command == "extract") return run_extract(args);
    if (args.command == "render") return run_render(args);
    if (args.command == "merge") return run_merge(args);
    if (args.command == "diff") return run_diff(args);
    return run_eval(args);
  } catch (const reader_gone&) {
    return 0;
  } catch (const usage_error& e) {
    complain(e.message);
    return 2;
  } catch (const chronicle::error& e) {
    complain(e.what());
    return 1;
  } catch (const std::bad_alloc&) {
    complain("out of memory");
    return 1;
  } catch (const std::exception& e) {
    complain(e.what());
    return 1;
  }
}
