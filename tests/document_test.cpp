// Reading articles: front matter, headline, and text that is not text.
#include <doctest/doctest.h>

#include <string>

#include "chronicle/document.hpp"
#include "chronicle/error.hpp"
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
