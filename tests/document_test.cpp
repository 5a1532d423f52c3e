// Reading articles: front matter, headline, and text that is not text; reading and writing
// files in pieces.
#include "chronicle/document.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "chronicle/error.hpp"
#include "chronicle/io.hpp"
#include "chronicle/timex.hpp"

using namespace chronicle;

TEST_CASE("parse_document reads front matter and the headline") {
  struct row {
    std::string input;
    std::string expected;  // title | published | origin | body
  };
  const row rows[] = {
      {"---\ntitle: A call\npublished: 2020-06-27\n---\nBody text.",
       "A call | 2020-06-27 | metadata | Body text."},
      {"---\npublished: \"2020-06-27\"\n---\n\nHeadline here\n\nBody.", "Headline here | 2020-06-27 | metadata | \nBody."},
      {"Headline without a period\nFirst sentence.", "Headline without a period | - | unknown | First sentence."},
      {"A first sentence.\nA second one.", " | - | unknown | A first sentence.\nA second one."},
      {"", " | - | unknown | "},
      {"---\n---\nText.", " | - | unknown | Text."},
  };
  for (const auto& r : rows) {
    CAPTURE(r.input);
    const document doc = parse_document(r.input, "a.txt");
    const std::string printed = doc.title + " | " + (doc.published ? iso_day(*doc.published) : "-") +
                                " | " + std::string(to_string(doc.published_from)) + " | " +
                                doc.text.substr(doc.body_begin);
    CHECK(printed == r.expected);
  }
}

TEST_CASE("parse_document rejects what is not an article, naming the place") {
  struct row {
    std::string input;
    std::string expected_error;
  };
  const row rows[] = {
      {std::string("abc\0def", 7), "a.txt:1:4: NUL byte: this looks like a binary file, not text"},
      {"ok\n\xff bad", "a.txt:2:1: invalid UTF-8"},
      {"caf\xc3", "a.txt:1:4: invalid UTF-8 (truncated sequence)"},
      {"\xc0\xaf", "a.txt:1:1: invalid UTF-8"},
      {"---\ntitle: x\nno end", "a.txt:1:1: front matter opened with --- is never closed"},
      {"---\npublished: 2021-02-30\n---\nx", "a.txt:2:1: front matter: published must be a date like 2020-06-27, not 2021-02-30"},
      {"---\n- a list\n---\nx", "a.txt:2:1: front matter must be a mapping"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.expected_error);
    std::string message;
    try {
      parse_document(r.input, "a.txt");
    } catch (const error& e) {
      message = e.what();
    }
    CHECK(message == r.expected_error);
  }
}

TEST_CASE("id_from_path") {
  CHECK(id_from_path("timelines/examples/libya-ceasefire.txt") == "libya-ceasefire");
  CHECK(id_from_path("-") == "stdin");
  CHECK(id_from_path("noext") == "noext");
  CHECK(id_from_path("dir/.hidden") == ".hidden");
}

TEST_CASE("line_reader hands out a file's lines, however they fall across its reads") {
  struct row {
    std::string content;
    std::vector<std::string> lines;
  };
  const std::string long_line(200000, 'x');  // across several 64 KB reads
  const row rows[] = {
      {"", {}},
      {"a\nb\n", {"a", "b"}},
      {"a\nb", {"a", "b"}},
      {"\n\na\n\n", {"", "", "a", ""}},
      {"a\r\nb", {"a\r", "b"}},
      {long_line + "\n" + long_line, {long_line, long_line}},
      {"a\n" + long_line + "\nb\n", {"a", long_line, "b"}},
  };
  const auto path = (std::filesystem::temp_directory_path() /
                     ("chronicle-line-reader-" + std::to_string(::getpid()) + ".txt"))
                        .string();
  for (const auto& r : rows) {
    CAPTURE(r.content.size());
    std::ofstream(path, std::ios::binary) << r.content;
    line_reader in(path);
    std::vector<std::string> lines;
    for (std::string line; in.next(line);) lines.push_back(line);
    CHECK(lines == r.lines);
    CHECK(in.line_number() == r.lines.size());
  }
  std::remove(path.c_str());
  CHECK_THROWS_WITH(line_reader("/no/such/file"),
                    "/no/such/file: cannot read: No such file or directory");
}

TEST_CASE("file_output puts its pieces in place whole, or leaves the target as it was") {
  const auto folder = std::filesystem::temp_directory_path() /
                      ("chronicle-file-output-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directory(folder);
  const auto target = (folder / "out.txt").string();
  const auto read = [&] {
    std::ifstream in(target, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  std::ofstream(target, std::ios::binary) << "old";
  {
    file_output out(target);
    out.write("new ");
    CHECK(read() == "old");  // nothing shows before commit
  }                          // an error on the way: no commit
  CHECK(read() == "old");
  CHECK(std::distance(std::filesystem::directory_iterator(folder),
                      std::filesystem::directory_iterator()) == 1);
  {
    file_output out(target);
    out.write("new ");
    out.write("text");
    out.commit();
  }
  CHECK(read() == "new text");
  std::filesystem::remove_all(folder);
}
