// The language pack's example and negative corpora (data/en/examples.txt, negatives.txt), each
// line a row: text in, the expressions printed as "text: TYPE value [mod=MOD]".
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "chronicle/tagger.hpp"
#include "chronicle/timex.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() != '#') lines.push_back(line);
  }
  return lines;
}

std::string printed(const std::vector<chronicle::timex>& found) {
  std::string out;
  for (const auto& t : found) {
    if (!out.empty()) out += " | ";
    out += t.text + ": " + std::string(to_string(t.type)) + " " + t.value;
    if (!t.mod.empty()) out += " mod=" + t.mod;
  }
  return out;
}

const std::string data_dir = CHRONICLE_SOURCE_ROOT "/data/en/";

}  // namespace

TEST_CASE("every example is tagged as its line says") {
  chronicle::tag_options options;
  std::size_t rows = 0;
  for (const std::string& line : lines_of(data_dir + "examples.txt")) {
    if (line.starts_with("@dct ")) {
      options.dct = chronicle::parse_iso_day(line.substr(5));
      REQUIRE(options.dct);
      continue;
    }
    if (line.starts_with("@mode ")) {
      const std::string mode = line.substr(6);
      options.mode = mode == "news"        ? chronicle::text_mode::news
                     : mode == "narrative" ? chronicle::text_mode::narrative
                                           : chronicle::text_mode::automatic;
      continue;
    }
    const std::size_t arrow = line.find("  =>  ");
    REQUIRE_MESSAGE(arrow != std::string::npos, "no '  =>  ' in: " << line);
    const std::string text = line.substr(0, arrow);
    CAPTURE(text);
    CHECK(printed(chronicle::tagger::english().tag(text, options)) == line.substr(arrow + 6));
    ++rows;
  }
  CHECK(rows > 50);
}

TEST_CASE("no negative has a time expression") {
  const chronicle::tag_options options{chronicle::parse_iso_day("2020-06-26"), chronicle::text_mode::news};
  for (const std::string& text : lines_of(data_dir + "negatives.txt")) {
    CAPTURE(text);
    CHECK(printed(chronicle::tagger::english().tag(text, options)) == "");
  }
}
