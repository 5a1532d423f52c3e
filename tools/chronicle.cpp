// chronicle: the command-line tool. It parses arguments and calls the library; nothing else.
#include <algorithm>
#include <cerrno>
#include <charconv>
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
     "expression with its document's id. --jobs N tags on N threads; the output is the same.\n"
     "Documents are written in order as they are done, in bounded memory however many there\n"
     "are; a bad one stops the run after the output of those before it (-o is then not written).\n"},
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

// --jobs: digits only (from_chars takes no sign, space or "0x"), read whole, from 1 to 999.
std::size_t jobs_option(const arguments& args) {
  const auto it = args.options.find("--jobs");
  if (it == args.options.end()) return 1;
  const std::string& text = it->second;
  std::size_t jobs = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), jobs);
  if (error != std::errc{} || end != text.data() + text.size() || jobs < 1 || jobs > 999) {
    throw usage_error{"--jobs must be a number of threads from 1 to 999, not " + text};
  }
  return jobs;
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

// Where output goes: the file named by -o, or "-" for standard output.
std::string output_path(const arguments& args) {
  std::string out = option(args, "-o", "-");
  if (out.empty()) throw usage_error{"-o needs a file name (or - for standard output)"};
  return out;
}

void emit(const arguments& args, const std::string& content) {
  const std::string out = output_path(args);
  if (out == "-") {
    write_stdout(content);
  } else {
    write_file_atomically(out, content);
  }
}

bool is_timeml(const std::string& path) { return path.ends_with(".tml") || path.ends_with(".xml"); }

// What `tag` writes for one file: its timexes as JSON lines, or its TimeML annotated anew.
std::string tag_file(const std::string& path, std::string_view label,
                     std::optional<date::sys_days> dct, text_mode mode, bool timeml_output) {
  const tagger& english = tagger::english();
  if (is_timeml(path)) {
    const timeml_document tml = parse_timeml(read_file(path), path);
    const auto found = english.tag(tml.text, {dct ? dct : tml.dct, mode});
    return timeml_output ? annotate_timeml(tml, found) : render_jsonl(found, label, "");
  }
  const document article = parse_document(read_file(path), path);
  const auto published = dct                 ? dct
                         : article.published ? article.published
                                             : english.infer_publication_date(article.text);
  // The headline is tagged too: "Talks resume Friday" dates something. Offsets count from the
  // start of the file, front matter included.
  auto found =
      english.tag(std::string_view(article.text).substr(article.text_begin), {published, mode});
  for (auto& t : found) {
    t.begin += article.text_begin;
    t.end += article.text_begin;
  }
  return render_jsonl(found, label, "");
}

// What `tag` writes for one line of a JSON-lines stream: the document's timexes, with its id.
std::string tag_json_line(const std::string& line, const std::string& path, std::size_t number,
                          std::string_view label, std::optional<date::sys_days> dct,
                          text_mode mode) {
  batch_document doc = parse_document_line(line, path, number);
  if (dct) doc.dct = dct;
  return render_jsonl(tagger::english().tag(doc.text, {doc.dct, mode}), label, doc.id);
}

// Tags the inputs as a stream: documents are read, tagged on --jobs threads and written in
// input order as they are done, so that memory stays bounded however many there are. Output to
// standard output flows as it comes; to a file (-o), it is put in place whole at the end, or
// not at all. A bad document stops the run with its error, after the output of those before it.
int run_tag(const arguments& args) {
  allow_only(args, {"--dct", "--mode", "--format", "--input", "--jobs", "-o"});
  const std::string format = option(args, "--format", "jsonl");
  if (format != "jsonl" && format != "timeml") throw usage_error{"--format must be jsonl or timeml"};
  const std::string input = option(args, "--input", "text");
  if (input != "text" && input != "jsonl") throw usage_error{"--input must be text or jsonl"};
  if (input == "jsonl" && format == "timeml") throw usage_error{"--format timeml needs TimeML input (.tml)"};
  const std::size_t jobs = jobs_option(args);
  if (args.inputs.empty()) throw usage_error{"tag needs a FILE or - for standard input"};
  const bool jsonl_input = input == "jsonl";
  const bool timeml_output = format == "timeml";
  for (const auto& path : args.inputs) {
    if (timeml_output && !is_timeml(path))
      throw usage_error{"--format timeml needs TimeML input (.tml): " + path};
  }
  const std::string out_path = output_path(args);
  const auto dct = dct_option(args);
  const text_mode mode = mode_option(args);
  // A file is one job: threads past the number of files would start only to find none.
  const auto threads =
      static_cast<unsigned>(jsonl_input ? jobs : std::min(jobs, args.inputs.size()));

  // Each input is named on its lines when there are several. Jobs view the inputs' names in
  // `args`, which outlives them: a stream makes a job a line, and copies would cost as many.
  const auto label = [&](const std::string& path) {
    return args.inputs.size() > 1 ? std::string_view(path) : std::string_view();
  };
  std::size_t next_input = 0;         // the input opened next
  const std::string* path = nullptr;  // the input being read
  std::optional<line_reader> lines;   // its lines, while it is JSON lines being read
  const auto next = [&]() -> std::optional<text_job> {
    for (;;) {
      if (!lines) {
        if (next_input == args.inputs.size()) return std::nullopt;
        path = &args.inputs[next_input++];
        if (!jsonl_input) {
          return
              [=, file = label(*path)] { return tag_file(*path, file, dct, mode, timeml_output); };
        }
        lines.emplace(*path);
      }
      std::string line;
      if (!lines->next(line)) {
        lines.reset();
        continue;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      return [=, file = label(*path), line = std::move(line), number = lines->line_number()] {
        return tag_json_line(line, *path, number, file, dct, mode);
      };
    }
  };
  // Written in pieces of 64 KB or more. A file (-o) is opened with the first piece: a run whose
  // first input fails reports that input, and touches no output.
  std::optional<file_output> file;
  std::string pending;
  const auto flush = [&] {
    if (out_path == "-") {
      write_stdout(pending);
    } else {
      if (!file) file.emplace(out_path);
      file->write(pending);
    }
    pending.clear();
  };
  try {
    run_in_order(threads, next, [&](std::string& text) {
      pending += text;
      if (pending.size() >= std::size_t{1} << 16) flush();
    });
  } catch (...) {
    // Standard output gets what the documents before the failure gave, as a stream does; a
    // file named by -o is not put in place at all.
    if (out_path == "-") {
      try {
        write_stdout(pending);
      } catch (...) {  // the failure may be this very output's; it is the one reported
      }
    }
    throw;
  }
  flush();
  if (file) file->commit();
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
