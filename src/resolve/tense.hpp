#pragma once
// The tense of the clause around a time expression, from the nearest tense marker.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "recognize/pack.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {

enum class tense { none, past, present, future };

// The pack's tables of tense markers and clause words, looked up once for a text rather than
// once a sentence.
struct tense_tables {
  explicit tense_tables(const language_pack& pack);
  const word_table& report;
  const word_table& future;
  const word_table& past;
  const word_table& present;
  const word_table& not_past;
  const word_table& modal_perfect;
  const word_table& opens_report;  // words opening a reported clause ("that")
  const word_table& clause_break;
  const word_table& participle_auxiliary;  // "be" before "paid": a passive
  const word_table& perfect_auxiliary;     // "have" after "could"
  const word_table& past_plan_auxiliary;   // "was" before "due"
  const word_table& infinitive_marker;     // "to" before "expire"
  // The tables a marker or a clause word may start an entry of, a bit each (word_table::id):
  // most words of a sentence start none, and one test passes them by.
  std::uint64_t marker_tables = 0;
  std::uint64_t clause_tables = 0;
};

// The tense markers of one sentence [sentence_first, sentence_last), found as expressions ask
// for them, outward from each: an expression needs only the tokens out to the markers nearest
// it, about half of its sentence. Each token is read once, so that a sentence of many
// expressions and few verbs (a scraped table, a list of dates) costs its length rather than
// its length times its expressions. A marker is a word of the pack's tense tables or a regular
// "-ed" past form. Only markers and clause words are kept, in token order: most tokens are
// neither.
class sentence_tenses {
 public:
  // Turns to another sentence, in the memory of the last. `words` is look_up_words(tokens,
  // pack) of the pack the tables are from. The tokens are read by around(): they, the words
  // and the tables must outlive the questions about the sentence.
  void read(std::span<const token> tokens, const known_words& words, std::size_t sentence_first,
            std::size_t sentence_last, const tense_tables& tables);
  // The tense of the nearest marker outside the expression [first, last).
  tense around(std::size_t first, std::size_t last);

 private:
  // Token indices are kept in 32 bits: a text is read in pieces far shorter than 4G tokens.
  using index = std::uint32_t;
  struct marker {
    index at = 0;  // the token
    tense said = tense::none;
    bool reporting = false;  // a reporting verb ("said", "says")
  };

  // Reads token `at` of the sentence: keeps it if it is a marker or a clause word. Most words
  // are neither, nor end as a regular past does: one test of the word's tables and its ending,
  // inline, passes them by.
  void read_token(std::size_t at) {
    if (starts_entry_of_any(tables_->marker_tables | tables_->clause_tables, (*words_)[at]) ||
        tokens_[at].lower.ends_with("ed")) {
      keep_token(at);
    }
  }
  void keep_token(std::size_t at);
  // Reads the tokens from those read so far to token i of the sentence.
  void reach(std::size_t i);
  // The nearest marker at or before (at or after) token i of the sentence, reading further out
  // as far as needed.
  std::optional<marker> at_or_before(std::size_t i);
  std::optional<marker> at_or_after(std::size_t i);
  // The nearest marker `m` found so, or the next one out past reporting verbs that would
  // reach across the "that" of what they report to date an expression at `bound`.
  std::optional<marker> left_of(std::optional<marker> m, std::size_t bound);
  std::optional<marker> right_of(std::optional<marker> m, std::size_t bound);
  // How many of `positions` (of opens_ or breaks_) lie before token i. Asked of tokens between
  // an expression and a marker, all read.
  static std::size_t count_before(const std::vector<index>& positions, std::size_t i);
  bool reported_between(std::size_t from, std::size_t to) const {
    return count_before(opens_, to) > count_before(opens_, from);
  }

  std::span<const token> tokens_;
  const known_words* words_ = nullptr;
  const tense_tables* tables_ = nullptr;
  std::size_t first_ = 0;
  std::size_t last_ = 0;
  std::size_t from_ = 0;  // the tokens read so far, [from_, to_): none while equal
  std::size_t to_ = 0;
  std::vector<marker> markers_;
  std::vector<index> opens_;   // words opening a reported clause ("that")
  std::vector<index> breaks_;  // clause breaks, and those words too
};

}  // namespace chronicle::detail
