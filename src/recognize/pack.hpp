#pragma once
// The language pack: word tables and recognition patterns, read from data/<lang>/ text files
// (compiled into the library) and checked when loaded.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recognize/expression.hpp"
#include "recognize/shapes.hpp"
#include "text/tokenize.hpp"
#include "text/word_map.hpp"

namespace chronicle::detail {

// A pack has at most this many word tables: a word knows the tables it starts an entry of as
// one bit each.
constexpr std::size_t max_tables = 64;

// A class of phrases with the value each stands for ("[month] june = 6").
struct word_table {
  struct entry {
    std::vector<std::string> tokens;  // lower-cased, as the tokenizer splits the phrase
    std::string value;
    // Whether the whole phrase stands at tokens[at], whose word is known to be its first.
    // Inline: most phrases are one word, and the test is then one comparison.
    bool stands_at(std::span<const token> text, std::size_t at) const {
      if (at + tokens.size() > text.size()) return false;
      // Multi-token phrases are written without inner spaces where the text has none ("a.m.",
      // "mid-"), so only the words themselves are compared.
      for (std::size_t k = 1; k < tokens.size(); ++k) {
        if (text[at + k].lower != tokens[k]) return false;
      }
      return true;
    }
  };
  std::vector<entry> entries;
  std::size_t id = 0;  // the table's number in its pack, below max_tables
  std::size_t longest_phrase = 0;                     // the most tokens an entry has
  word_map<std::vector<std::size_t>> by_first_token;  // indices of the entries a word starts

  // The longest entry starting at tokens[at], as (token count, value). Inline, since it is
  // asked of nearly every token several times, and most tokens start no entry.
  std::optional<std::pair<std::size_t, std::string_view>> match(std::span<const token> tokens,
                                                                std::size_t at) const {
    const auto* starting = by_first_token.find(tokens[at].lower, tokens[at].hash);
    if (starting == nullptr) return std::nullopt;
    return longest(*starting, tokens, at);
  }
  bool contains(std::string_view word) const { return by_first_token.find(word) != nullptr; }

 private:
  std::optional<std::pair<std::size_t, std::string_view>> longest(const std::vector<std::size_t>& starting,
                                                                  std::span<const token> tokens,
                                                                  std::size_t at) const;
};

// One element of a pattern: a literal word (with alternatives), a class capture, or a test
// on the next token that consumes nothing. What matching reads comes first, within 64 bytes.
struct element {
  enum class kind { literal, table, shape } what = kind::literal;
  shape form = shape::word;
  bool optional = false;
  bool attached = false;     // "~": no whitespace before this token
  bool capitalized = false;  // "^": the token starts with an upper-case letter
  bool negated = false;      // "!": the next token must NOT match; consumes nothing
  bool behind = false;       // "@": a token before the match must match (see pattern::behind)
  bool context = false;      // "[...]": matched but outside the expression's span
  const word_table* table = nullptr;
  std::vector<std::size_t> word_ids;  // the literal alternatives, as first_word ids
  std::string capture;             // what its value is captured as: "day", or "day.2" for a second
  std::vector<std::string> words;  // literal alternatives
  std::string name;                // class name (table or built-in shape)
};

// Which tokens may come next after a pattern's first token: a test that lets recognition skip
// the many patterns starting with "the" or a number where the token after cannot continue
// any of them.
struct follow_gate {
  bool any = false;               // some pattern may end, or continue with anything
  bool number_continues = false;  // "twenty" "-" "five", "1" "." "5"
  std::uint32_t shapes = 0;       // shapes that may come next, one bit each
  // Words that may come next, by first_word::id. A loaded pack's gates have a bit for every id,
  // its unknown word's too (see load_language_pack), so that the test, asked after nearly every
  // token, is a load and no branch: whether the next word is known is a coin toss to guess.
  std::vector<std::uint64_t> word_bits;

  bool takes(std::size_t id) const { return (word_bits[id / 64] >> id % 64 & 1) != 0; }
  // Whether the gate takes a token with these facts, by its word or a shape it may start. The
  // answers are asked at once, with no branch between them: which of them holds is hard for the
  // processor to guess, and whether the gate opens at all easy (mostly not).
  bool opens_for(const token_facts& fact) const {
    return any | takes(fact.word_id) | ((shapes & fact.shapes) != 0);
  }
  void add(std::size_t id) {
    if (word_bits.size() <= id / 64) word_bits.resize(id / 64 + 1, 0);
    word_bits[id / 64] |= std::uint64_t{1} << id % 64;
  }
  // Adds what `other` takes.
  void add(const follow_gate& other) {
    any = any || other.any;
    number_continues = number_continues || other.number_continues;
    shapes |= other.shapes;
    if (word_bits.size() < other.word_bits.size()) word_bits.resize(other.word_bits.size(), 0);
    for (std::size_t block = 0; block < other.word_bits.size(); ++block)
      word_bits[block] |= other.word_bits[block];
  }
};

struct pattern {
  std::string name;
  std::vector<element> elements;
  // How many leading elements look behind the match, at the tokens just before it in order:
  // "@the @<content_word> <year>" wants "the" two tokens before the year, a word right before.
  std::size_t behind = 0;
  expression_template action;
  std::size_t line = 0;
  // Tokens the match must take at fixed distances from the token it is tried at, further than
  // the indexes and gates look (that token and the next), and those it looks behind at: "in the"
  // starts ref/the-near-term thousands of times, and "near" two tokens on is rare. Asked before
  // the pattern is tried, they spare most of the attempts that fail. See fixed_gates.
  struct token_gate {
    std::ptrdiff_t offset = 0;  // from the token the pattern is tried at
    follow_gate gate;           // what may stand there
  };
  std::vector<token_gate> fixed;
  // The gates from fixed[sure] on lie past a number ("<count> <unit> ago"), at `number_offset`,
  // and stand where they are only if it takes one token, as numbers nearly always do: they are
  // asked unless the number may go on (see may_go_on_as_number).
  std::size_t sure = 0;
  std::ptrdiff_t number_offset = 0;
  // Whether the pattern starts with an optional element of one token ("the? <ord> quarter"):
  // the match takes it or not, and the offsets of `fixed` count from the element after it,
  // at the token tried or at the next.
  bool optional_start = false;
};

// What recognition needs to know of a token's word before trying patterns at it: one lookup.
// Every word the pack's tables and patterns use has one. What is asked of every known token
// comes first, in one cache line: nearly every other token of a text is a known word.
struct alignas(64) first_word {
  follow_gate next;                   // what may follow the word in any of its patterns
  std::size_t id = 0;
  std::uint64_t tables = 0;           // the tables of `entries`, bit word_table::id each
  bool number = false;                // a number word ("twenty"): may start a <count>
  bool ordinal = false;               // an ordinal word ("third"): may start a <day> or <ord>
  std::uint32_t shapes = 0;           // the shapes it may start as such a word (word_shapes)
  bool starts_long_number = false;  // a number or ordinal phrase of several tokens ("twenty-first")

  std::vector<std::size_t> patterns;  // patterns whose leading literal or table takes the word
  std::vector<follow_gate> pattern_next;  // what may follow the word in each of those patterns
  // The same gates inverted, so that recognition tries the patterns whose gate opens for the
  // next token without weighing every pattern of a common word ("the" starts dozens): indexes
  // k into `patterns` by a word that may follow (its id, sorted), by a shape that may follow,
  // and those whose gates must be asked as they are (anything follows, or a number goes on).
  std::vector<std::pair<std::size_t, std::size_t>> patterns_by_next_word;
  std::vector<std::pair<std::size_t, std::size_t>> patterns_by_next_shape;
  std::vector<std::size_t> patterns_to_ask;
  // The table entries whose phrase starts with the word, so that matching a table at a token
  // needs no further lookup. The longest phrases come first: the first of a table's entries
  // that stands at a token is its longest match there.
  std::vector<std::pair<const word_table*, const word_table::entry*>> entries;
};

struct language_pack {
  std::map<std::string, word_table, std::less<>> tables;
  word_map<const word_table*> tables_by_name;  // the same, for table(): a hash, not a tree walk
  std::vector<pattern> patterns;
  // Which patterns may start at a token: by its lower-cased word, and by the shapes it may
  // begin (a leading optional element lets the next one start the match too).
  word_map<first_word> by_first_word;
  std::vector<std::vector<std::size_t>> by_first_shape;  // indexed by shape
  std::vector<std::vector<follow_gate>> by_first_shape_next;  // what may follow it in each
  std::uint32_t leading_shapes = 0;  // the shapes some pattern starts with, one bit each
  std::array<follow_gate, shape_count> after_shape;      // what may follow a leading shape in any
  // Tables the built-in shapes read, looked up once.
  const word_table* numbers = nullptr;
  const word_table* ordinals = nullptr;
  const word_table* year_words = nullptr;  // "year" before "two thousand and five"
  const word_table* function_words = nullptr;
  const word_table* lower_case_words = nullptr;  // read by recognition, for names
  const word_table* name_links = nullptr;        // the same ("the Spring of Life")
  // Read by the story, for the years a narrative moves on to.
  const word_table* year_lead_ins = nullptr;
  const word_table* clause_conjunctions = nullptr;
  const word_table* pluperfect_auxiliaries = nullptr;
  const word_table* infinitive_markers = nullptr;

  // What the pack knows of a word it does not know: nothing, and an id no word has. See
  // known_or_unknown.
  first_word unknown_word;

  const word_table& table(std::string_view name) const;
};

// The pack's first_word for `word`, or its unknown_word where the pack knows nothing of the
// word (nullptr). Chosen without a branch: whether a token is a known word is as good as a
// coin toss for the processor to guess, and the stages that ask it of every token read the
// answer from the unknown word's fields instead.
inline const first_word& known_or_unknown(const first_word* word, const language_pack& pack) {
  return *(word != nullptr ? word : &pack.unknown_word);
}

// What the pack knows of each token's word (nullptr where nothing): one lookup a token, made
// once for the stages that ask of nearly every token (recognition, shapes, tense markers).
known_words look_up_words(std::span<const token> tokens, const language_pack& pack);

// "twenty" "five", "twenty" "-" "first": whether tokens[at] carries a number said in words on,
// being a number or ordinal word, or a hyphen before one.
inline bool number_word_goes_on(std::span<const token> tokens, const known_words& words,
                                std::size_t at) {
  const auto number_word = [&](std::size_t i) {
    return i < tokens.size() && words[i] != nullptr && (words[i]->number || words[i]->ordinal);
  };
  return number_word(at) || (at < tokens.size() && tokens[at].lower == "-" && number_word(at + 1));
}

// Whether some entry of one of `tables` (word_table::id bits) starts with the word known as
// `word` (nullptr: unknown).
inline bool starts_entry_of_any(std::uint64_t tables, const first_word* word) {
  return word != nullptr && (word->tables & tables) != 0;
}

// Whether some entry of `table` starts with the word known as `word` (nullptr: unknown).
inline bool starts_entry(const word_table& table, const first_word* word) {
  return word != nullptr && (word->tables >> table.id & 1) != 0;
}

// The longest entry of `table` starting at tokens[at], as word_table::match finds it, read from
// the word's known entries with no further lookup; nullptr if none. Inline up to the test
// that rejects most words, since it is asked of most tokens several times.
const word_table::entry* longest_known_entry(const word_table& table, std::span<const token> tokens,
                                             const first_word& word, std::size_t at);
inline const word_table::entry* longest_entry(const word_table& table, std::span<const token> tokens,
                                              const known_words& words, std::size_t at) {
  return starts_entry(table, words[at]) ? longest_known_entry(table, tokens, *words[at], at) : nullptr;
}

// The longest entry of `table` that ends right before tokens[end] ("had been" before "due"),
// or nullptr.
const word_table::entry* entry_before(const word_table& table, std::span<const token> tokens,
                                      const known_words& words, std::size_t end);

// Throws chronicle::error naming the data file and line when a table or pattern is malformed.
std::shared_ptr<const language_pack> load_language_pack(std::string_view words,
                                                        std::string_view patterns);

// The English pack compiled from data/en.
std::shared_ptr<const language_pack> english_pack();

}  // namespace chronicle::detail
