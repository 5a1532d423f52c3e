#include "text/tokenize.hpp"

#include <doctest/doctest.h>

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "known_bug.hpp"

namespace chronicle::detail {
namespace {

std::string_view kind_name(token_kind kind) {
  switch (kind) {
    case token_kind::word: return "word";
    case token_kind::number: return "number";
    case token_kind::punct: return "punct";
    case token_kind::other: return "other";
  }
  return "?";
}

// One token as "kind:lower@begin-end", with the pattern language's own marks in front: "~" when
// no whitespace precedes it, "^" when it is capitalized. A row then reads like the patterns
// that will match it.
std::string print(std::string_view text) {
  std::string out;
  for (const token& t : tokenize(text).tokens) {
    if (!out.empty()) out += ' ';
    if (!t.space_before) out += '~';
    if (t.capitalized) out += '^';
    out += std::string(kind_name(t.kind)) + ":" + std::string(t.lower) + "@" + std::to_string(t.begin) + "-" +
           std::to_string(t.end);
  }
  return out;
}

using row = testing::text_row;

void check_rows(std::span<const row> rows) { testing::check_text_rows(rows, print); }

TEST_CASE("tokenize: words, numbers and punctuation") {
  const row rows[] = {
      {"", ""},
      {"   \n\t ", ""},
      {"Friday", "^word:friday@0-6"},
      {"on Friday.", "word:on@0-2 ^word:friday@3-9 ~punct:.@9-10"},
      {"  two  days", "word:two@2-5 word:days@7-11"},
      {"a\nb\tc", "word:a@0-1 word:b@2-3 word:c@4-5"},
      // Letters and digits mixed stay one word: the shapes read "1990s" and "26th" whole.
      {"the 1990s", "word:the@0-3 word:1990s@4-9"},
      {"June 26th", "^word:june@0-4 word:26th@5-9"},
      {"FY2021", "^word:fy2021@0-6"},
      // A clock's "am" or "pm" written on is a token of its own, as after a space.
      {"9am", "number:9@0-1 ~word:am@1-3"},
      {"10PM", "number:10@0-2 ~^word:pm@2-4"},
      {"555am", "word:555am@0-5"},
      {"Q3", "^word:q3@0-2"},
      {"2020", "number:2020@0-4"},
      {"007", "number:007@0-3"},
      // Periods split abbreviations letter by letter; patterns glue them back with "~".
      {"p.m.", "word:p@0-1 ~punct:.@1-2 ~word:m@2-3 ~punct:.@3-4"},
      {"U.S. troops",
       "^word:u@0-1 ~punct:.@1-2 ~^word:s@2-3 ~punct:.@3-4 word:troops@5-11"},
      {"2:30", "number:2@0-1 ~punct::@1-2 ~number:30@2-4"},
      {"1.5", "number:1@0-1 ~punct:.@1-2 ~number:5@2-3"},
      {"2020-06-26",
       "number:2020@0-4 ~punct:-@4-5 ~number:06@5-7 ~punct:-@7-8 ~number:26@8-10"},
      {"6/26/2020", "number:6@0-1 ~punct:/@1-2 ~number:26@2-4 ~punct:/@4-5 ~number:2020@5-9"},
      {"'90s", "punct:'@0-1 ~word:90s@1-4"},
      {"(Friday)", "punct:(@0-1 ~^word:friday@1-7 ~punct:)@7-8"},
      {"$2,020", "punct:$@0-1 ~number:2@1-2 ~punct:,@2-3 ~number:020@3-6"},
  };
  check_rows(rows);
}

TEST_CASE("tokenize: typographic marks fold, Latin letters stay in words") {
  const row rows[] = {
      // Offsets stay byte offsets into the original, even where the folded text is shorter.
      {"New Year\u2019s Day",
       "^word:new@0-3 ^word:year@4-8 ~other:'@8-11 ~word:s@11-12 ^word:day@13-16"},
      {"\u201890s", "other:'@0-3 ~word:90s@3-6"},
      {"2019\u20132020", "number:2019@0-4 ~other:-@4-7 ~number:2020@7-11"},
      {"talks \u2014 then", "word:talks@0-5 other:-@6-9 word:then@10-14"},
      {"\u201cno\u201d", "other:\u201c@0-3 ~word:no@3-5 ~other:\u201d@5-8"},
      // Only ASCII is lower-cased: the pack matches English words, and "é" needs no folding.
      {"the \u00c9lys\u00e9e", "word:the@0-3 ^word:\u00c9lys\u00e9e@4-12"},
      {"T\u00fcrkiye's", "^word:t\u00fcrkiye@0-8 ~punct:'@8-9 ~word:s@9-10"},
      {"caf\u00e9s", "word:caf\u00e9s@0-6"},
      // U+00D7 is a sign in the Latin-1 block, not a letter.
      {"3\u00d74", "number:3@0-1 ~other:\u00d7@1-3 ~number:4@3-4"},
      {"\u65e5\u672c", "other:\u65e5@0-3 ~other:\u672c@3-6"},
      // A truncated sequence at the end still ends inside the text.
      {"x\xe2\x80", "word:x@0-1 ~other:\xe2\x80@1-3"},
      // "É" starts with a capital letter like "E" does; patterns with "^" rely on it.
      {"\u00c9lys\u00e9e", "^word:\u00c9lys\u00e9e@0-8"},
  };
  check_rows(rows);
}

TEST_CASE("tokenize: space_before and line_start") {
  const token_list tokenized = tokenize("a b\nc,d");
  const std::vector<token>& tokens = tokenized.tokens;
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].space_before);
  CHECK(tokens[1].space_before);
  CHECK(tokens[2].space_before);
  CHECK_FALSE(tokens[3].space_before);
  CHECK_FALSE(tokens[4].space_before);
  // line_start: at the text's start and after a line break.
  CHECK(tokens[0].line_start);
  CHECK_FALSE(tokens[1].line_start);
  CHECK(tokens[2].line_start);
  CHECK_FALSE(tokens[3].line_start);
  CHECK_FALSE(tokens[4].line_start);
}

TEST_CASE("tokenize: blank_line_before, two line breaks whatever spaces lie between") {
  const token_list tokenized = tokenize("a\n\nb \n \r\n c\nd");
  const std::vector<token>& tokens = tokenized.tokens;
  REQUIRE(tokens.size() == 4);
  CHECK_FALSE(tokens[0].blank_line_before);
  CHECK(tokens[1].blank_line_before);
  CHECK(tokens[2].blank_line_before);
  CHECK_FALSE(tokens[3].blank_line_before);
}

TEST_CASE("tokenize: lower-cased words stay valid as the list moves, and hash as they read") {
  const std::string text = "The SEC met on Friday \u2013 and on Monday.";
  token_list moved = tokenize(text);
  const token_list list = std::move(moved);
  std::string words;
  for (const token& t : list.tokens) {
    words += std::string(t.lower) + " ";
    CHECK(t.hash == word_hash(t.lower));
  }
  CHECK(words == "the sec met on friday - and on monday . ");
}

TEST_CASE("tokenize: words read sixteen bytes at a time end and lower-case alike at any offset") {
  // Words shorter and longer than 16 bytes, with capitals and digits anywhere in them, at every
  // offset of a long text: the fast scan must end and classify each as one byte at a time would.
  const std::string_view words[] = {"ThisIsALongerWordThan16Bytes", "alpha", "Beta", "1234", "x9Y",
                                    "2020s", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789012345678", "a"};
  std::string text;
  std::string expected;
  for (std::size_t i = 0; i < 60; ++i) {
    const std::string_view word = words[i % std::size(words)];
    text += std::string(i % 3 + 1, ' ') + std::string(word) + (i % 4 == 0 ? "," : "");
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const bool number = word.find_first_not_of("0123456789") == std::string_view::npos;
    expected += (number ? "number:" : "word:") + lower + (i % 4 == 0 ? " punct:," : "") + " ";
  }
  std::string read;
  for (const token& t : tokenize(text).tokens) {
    read += std::string(kind_name(t.kind)) + ":" + std::string(t.lower) + " ";
  }
  CHECK(read == expected);
}

TEST_CASE("tokenize: a word reads alike with sixteen bytes after its start or fewer") {
  // Where the text has sixteen bytes from a word's start the word is read from them at once,
  // else a byte at a time: both must split, classify and lower-case it alike.
  for (const std::string_view word :
       {"9am", "10PM", "555am", "26th", "FY2021", "T\u00fcrkiye's", "caf\u00e9s",
        "\u00c9lys\u00e9e", "ABCDEFGHIJKLMNOP", "abcdefghijklmno", "x"}) {
    CAPTURE(word);
    const std::string alone(word);
    CHECK(print(alone + " and then some more").starts_with(print(alone) + " "));
  }
}

TEST_CASE("tokenize: a word hashes alike read a chunk at once, whatever its length and place") {
  // Lengths around the 8-byte chunk, in the text and lower-cased, and last in the text (where
  // no chunk may be read past it).
  for (const std::string text : {"abcdefg abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq x",
                                 "ABCDEFG ABCDEFGH ABCDEFGHI ABCDEFGHIJKLMNOP ABCDEFGHIJKLMNOPQ", "abcdefghi",
                                 "ABCDEFGHI"}) {
    CAPTURE(text);
    const token_list list = tokenize(text);
    for (const token& t : list.tokens) CHECK(t.hash == word_hash(t.lower));
  }
  CHECK(word_hash("abcdefgh") != word_hash("abcdefghi"));
  CHECK(word_hash("a") != word_hash(std::string_view("a\0", 2)));
}

TEST_CASE("word_map: words alike in length or in their first eight bytes are told apart") {
  // word_map compares only the length of a word of eight bytes or less, its hash telling the
  // rest; longer words it compares whole.
  const std::vector<std::string> known = {
      "a", "b", "ab", "abcdefgh", "abcdefgi", "abcdefghij", "abcdefghik", "abcdefghijklmnopq"};
  word_map<std::size_t> map;
  for (std::size_t i = 0; i < known.size(); ++i) map[known[i]] = i;
  for (std::size_t i = 0; i < known.size(); ++i) {
    CAPTURE(known[i]);
    REQUIRE(map.find(known[i]) != nullptr);
    CHECK(*map.find(known[i]) == i);
  }
  for (const std::string unknown :
       {"c", "ba", "abcdefg", "abcdefghi", "abcdefgj", "abcdefghijklmnopr", ""}) {
    CAPTURE(unknown);
    CHECK(map.find(unknown) == nullptr);
  }
}

TEST_CASE("word_map: words of one slot and one tag are both found") {
  // A slot keeps a word's tag (word_tag), and find takes the nearest slot of the tag in the
  // window from the hash's own slot: a word placed after another of its tag would be hidden,
  // so the map grows instead. The first table has 16 slots, chosen by the hash's low bits.
  std::map<std::pair<std::uint64_t, std::uint16_t>, std::string> seen;
  std::pair<std::string, std::string> alike;
  for (int i = 0; alike.first.empty(); ++i) {
    const std::string word = "w" + std::to_string(i);
    const std::uint64_t hash = word_hash(word);
    const auto [it, added] = seen.try_emplace({hash & 15, word_tag(hash)}, word);
    if (!added) alike = {it->second, word};
  }
  CAPTURE(alike.first);
  CAPTURE(alike.second);
  word_map<int> map;
  map[alike.first] = 1;
  map[alike.second] = 2;
  REQUIRE(map.find(alike.first) != nullptr);
  REQUIRE(map.find(alike.second) != nullptr);
  CHECK(*map.find(alike.first) == 1);
  CHECK(*map.find(alike.second) == 2);
}

TEST_CASE("word_map: a map of many words finds each, and its copy too") {
  word_map<std::size_t> map;
  constexpr std::size_t count = 20000;
  for (std::size_t i = 0; i < count; ++i) map[std::to_string(i * 7)] = i;
  const word_map<std::size_t> copy = map;
  for (const word_map<std::size_t>* m : {&std::as_const(map), &copy}) {
    CHECK(m->size() == count);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t* found = m->find(std::to_string(i * 7));
      REQUIRE(found != nullptr);
      CHECK(*found == i);
      CHECK(m->find(std::to_string(i * 7 + 1)) == nullptr);
    }
  }
}

}  // namespace
}  // namespace chronicle::detail
