#pragma once
// A clause's own date: a time expression in it, or an interval ("since", "until", "from ... to",
// "between ... and", "in recent weeks"), or another event's date where "two days after" ties
// the clause to the event told before it.

#include <date/date.h>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chronicle/timeline.hpp"
#include "events/clauses.hpp"

namespace chronicle::detail {

struct dating {
  when w;
  const timex* t = nullptr;
  chronicle::anchor why;
  const timex* until = nullptr;     // the interval's second expression ("from March to May")
  const timex* other = nullptr;     // another day in the clause that disagrees with `t`
  const timex* relation = nullptr;  // "two days later": the clause follows the one before
};

// One day, as a `when`: value, start and end that day, granularity "day".
when day_when(std::string value, date::sys_days day);
// The expression as an event's evidence names it, its offsets + `offset`, written into `ref`
// (an event's evidence is made in place).
void set_ref(timex_ref& ref, const timex& t, std::size_t offset);
bool is_day(const when& w);

class anchorer {
 public:
  // `lower`: the text in lower case (lower_case), which `found` is in offsets of. `found` must
  // outlive the anchorer.
  anchorer(std::string_view lower, std::size_t offset, const std::vector<timex>& found,
           std::optional<date::sys_days> dct, const event_lexicon& lex);

  // The clause's own date, if its time expressions give one.
  std::optional<dating> own(const clause& c) const;
  // The expression that ties the clause to the event before it, and the day it gives from
  // that event's day.
  std::optional<std::pair<const timex*, date::sys_days>> tie(const clause& c,
                                                             date::sys_days other_day) const;
  // Byte offsets where a clause must begin: expressions such as "two days after" that tie
  // the clause after them to the one before.
  std::vector<std::size_t> relative_cuts() const;

  // What the words of one of the expressions tell.
  struct expression_words {
    word last;            // "after" in "two days after"; an empty word if none
    bool recent = false;  // a word of the lexicon's [recent] ("in recent weeks")
    bool next = false;    // a word of its [next] ("in the next months")
  };
  const expression_words& words_in(const timex& t) const {
    return expression_words_[static_cast<std::size_t>(&t - found_.data())];
  }
  const word& last_word(const timex& t) const { return words_in(t).last; }

 private:
  std::span<const timex> starting_in(std::size_t begin, std::size_t end) const;

  std::string_view lower_;
  [[maybe_unused]] std::size_t offset_;  // not read yet: clang (the fuzz build) fails on unused fields
  const std::vector<timex>& found_;
  std::optional<date::sys_days> dct_;
  const event_lexicon& lex_;
  bool sorted_;
  // Of each expression of found_, read once: the stages ask of each several times.
  std::vector<expression_words> expression_words_;
};

}  // namespace chronicle::detail
