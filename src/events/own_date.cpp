// A clause's own date: its time expressions, the intervals they make, and the tie to the
// event before it.
#include "events/own_date.hpp"

#include <algorithm>
#include <array>

namespace chronicle::detail {

// Strings are compared with literals as views: a view compares sizes first, where
// std::string == "literal" calls memcmp whatever the sizes.
using namespace std::string_view_literals;

using date::days;
using date::sys_days;

namespace {

bool dates_an_event(const timex& t) {
  return t.type == timex_type::date || t.type == timex_type::time;
}

// "early June" covers the first third of June, "late 2020" the last third of 2020: a reader
// places them there, and ordering should too.
std::pair<sys_days, sys_days> narrowed(sys_days first, sys_days last, std::string_view mod) {
  const days third = (last - first + days{1}) / 3;
  if (mod == "START") return {first, first + third - days{1}};
  if (mod == "MID") return {first + third, last - third};
  if (mod == "END") return {last - third + days{1}, last};
  return {first, last};
}

when when_of(const timex& t) {
  when w;
  w.value = t.value;
  if (t.first_day && t.last_day && *t.last_day - *t.first_day >= days{2}) {
    const auto [first, last] = narrowed(*t.first_day, *t.last_day, t.mod);
    w.start = iso_day(first);
    w.end = iso_day(last);
  } else {
    if (t.first_day) w.start = iso_day(*t.first_day);
    // Most expressions name one day: it is written once.
    if (t.last_day) w.end = t.last_day == t.first_day ? w.start : iso_day(*t.last_day);
  }
  if (t.grain) w.granularity = to_string(*t.grain);
  w.mod = t.mod;
  return w;
}

// An interval as ISO 8601 writes it, ".." for an open end: "2020-06-01/2020-06-26",
// "../2020-06-26".
when interval(const std::string& start, const std::string& end, std::string granularity) {
  return when{(start.empty() ? ".." : start) + "/" + (end.empty() ? ".." : end), start, end,
              std::move(granularity), ""};
}

// The words of text[begin, end) up to the first whitespace after the first word: the first
// word is the same as words_of(text, begin, end, lex) would give, since no word spans whitespace,
// and looking at only that much keeps a clause with many expressions linear.
std::vector<word> leading_words(std::string_view lower, std::size_t begin, std::size_t end,
                                const event_lexicon& lex) {
  auto space = [&](std::size_t i) {
    return lower[i] == ' ' || lower[i] == '\n' || lower[i] == '\r' || lower[i] == '\t';
  };
  std::size_t stop = begin;
  while (stop < end && space(stop)) ++stop;
  while (stop < end && !space(stop)) ++stop;
  return words_of(lower, begin, stop, lex);
}

// "P3W" -> {3, 'W'}; "PXW" -> {0, 'W'} (some weeks: the count is unknown).
std::optional<std::pair<int, char>> duration_of(std::string_view value) {
  if (value.size() < 3 || value[0] != 'P' || value[1] == 'T') return std::nullopt;
  const char unit = value.back();
  if (unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y') return std::nullopt;
  const auto digits = value.substr(1, value.size() - 2);
  if (digits == "X") return std::pair{0, unit};
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos ||
      digits.size() > 4) {
    return std::nullopt;
  }
  return std::pair{std::stoi(std::string(digits)), unit};
}

sys_days back_by(sys_days from, int n, char unit) {
  if (unit == 'D') return from - days{n};
  if (unit == 'W') return from - date::weeks{n};
  date::year_month_day ymd{from};
  ymd = unit == 'M' ? ymd - date::months{n} : ymd - date::years{n};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
  return sys_days{ymd};
}

std::string_view unit_name(char unit) {
  switch (unit) {
    case 'D':
      return "day";
    case 'W':
      return "week";
    case 'M':
      return "month";
    default:
      return "year";
  }
}

constexpr word no_word;  // empty, and in no section

struct clause_words {
  std::span<const word> words;
  // The word just before byte offset `at` in the clause, or no_word: a word, so that the
  // lexicon is asked of it without looking it up again.
  // Words are in text order: a binary search keeps a clause with many expressions linear.
  const word& before(std::size_t at) const {
    const auto next = std::partition_point(words.begin(), words.end(),
                                           [&](const word& w) { return w.begin < at; });
    return next == words.begin() ? no_word : *std::prev(next);
  }
};

}  // namespace

when day_when(std::string value, sys_days day) {
  std::string iso = iso_day(day);  // written once, for its start and its end
  return when{std::move(value), iso, std::move(iso), "day", ""};
}

void set_ref(timex_ref& ref, const timex& t, std::size_t offset) {
  ref.text = t.text;
  ref.begin = offset + t.begin;
  ref.end = offset + t.end;
  ref.type = to_string(t.type);
  ref.value = t.value;
}

bool is_day(const when& w) {
  return !w.start.empty() && w.start == w.end;
}

anchorer::anchorer(std::string_view lower, std::size_t offset, const std::vector<timex>& found,
                   std::optional<sys_days> dct, const event_lexicon& lex)
    : lower_(lower),
      offset_(offset),
      found_(found),
      dct_(dct),
      lex_(lex),
      sorted_(std::is_sorted(found.begin(), found.end(),
                             [](const timex& a, const timex& b) { return a.begin < b.begin; })) {
  // An expression's words are those of its text, t.text, which is text[t.begin, t.end): read
  // in the text cut at t.end, they are the same words.
  expression_words_.reserve(found.size());
  std::vector<word> words;
  for (const timex& t : found) {
    words.clear();
    add_words(lower.substr(0, t.end), t.begin, t.end, lex, words);
    expression_words& read = expression_words_.emplace_back();
    if (!words.empty()) read.last = words.back();
    for (const word& w : words) {
      read.recent = read.recent || lex.has("recent", w);
      read.next = read.next || lex.has("next", w);
    }
  }
}

std::vector<std::size_t> anchorer::relative_cuts() const {
  std::vector<std::size_t> cuts;
  for (const auto& t : found_) {
    // "two days | after": a duration followed by a connective. Only durations are read on.
    auto followed = [&] {
      const auto after = words_of(lower_, t.end, std::min(lower_.size(), t.end + 16), lex_);
      return !after.empty() && lex_.has("relative_connective", after.front());
    };
    if ((t.type == timex_type::duration && followed()) ||
        lex_.has("relative_connective", last_word(t))) {
      cuts.push_back(t.begin);
    }
  }
  return cuts;
}

// The expressions that begin in [begin, end). The tagger gives them in text order, so two
// binary searches find them; scanning them all for every clause made a long article cost
// clauses times expressions.
std::span<const timex> anchorer::starting_in(std::size_t begin, std::size_t end) const {
  if (!sorted_) return found_;
  const auto first = std::partition_point(found_.begin(), found_.end(),
                                          [&](const timex& t) { return t.begin < begin; });
  // Most clauses have none: the first expression from `begin` on tells so without a second search.
  if (first == found_.end() || first->begin >= end) return {};
  const auto last =
      std::partition_point(first, found_.end(), [&](const timex& t) { return t.begin < end; });
  return {first, last};
}

// The clause's own date, if its time expressions give one.
std::optional<dating> anchorer::own(const clause& c) const {
  const std::span<const timex> candidates = starting_in(c.begin, c.end);
  if (candidates.empty()) return std::nullopt;  // most clauses have no expression
  // The clause's expressions: in place where it has few, as most have, rather than in a vector
  // made for each clause.
  constexpr std::size_t few = 8;
  std::array<const timex*, few> few_in;
  std::vector<const timex*> many_in;
  const timex** kept = few_in.data();
  if (candidates.size() > few) {
    many_in.resize(candidates.size());
    kept = many_in.data();
  }
  std::size_t count = 0;
  const clause_words cw{c.words};
  for (const auto& t : candidates) {
    // "the 1991 agreement": a year that qualifies a noun dates the noun, not the clause.
    // (The word before is searched for only in front of a year.)
    const bool attributive = t.text.size() == 4 && t.text.find_first_not_of("0123456789") == std::string::npos &&
                             lex_.has("determiner", cw.before(t.begin));
    // "Jobs announced a new laptop, on sale now": "now" dates the sale, not a past event.
    const bool now_in_past = c.tense == clause_tense::past && t.value == "PRESENT_REF"sv;
    if (t.begin >= c.begin && t.end <= c.end && !attributive && !now_in_past) kept[count++] = &t;
  }
  const std::span<const timex* const> in(kept, count);
  // Intervals first: they use two expressions, or a duration.
  for (std::size_t i = 0; i < in.size(); ++i) {
    const timex& t = *in[i];
    const word& before = cw.before(t.begin);
    if (dates_an_event(t) && i + 1 < in.size() && dates_an_event(*in[i + 1]) &&
        (lex_.has("from", before) || lex_.has("between", before))) {
      const word& joint = cw.before(in[i + 1]->begin);
      if ((lex_.has("from", before) && lex_.has("to", joint)) ||
          (lex_.has("between", before) && lex_.has("and", joint))) {
        const when a = when_of(t);
        const when b = when_of(*in[i + 1]);
        if (!a.start.empty() && !b.end.empty()) {
          return dating{interval(a.start, b.end, a.granularity),
                        &t,
                        {"absolute", "interval/" + std::string(before.lower),
                         t.value + "/" + in[i + 1]->value},
                        in[i + 1]};
        }
      }
    }
    if (dates_an_event(t) && t.first_day && lex_.has("since", before)) {
      const when a = when_of(t);
      const std::string end = dct_ && *dct_ >= *t.first_day ? iso_day(*dct_) : "";
      return dating{interval(a.start, end, a.granularity),
                    &t,
                    {end.empty() ? "absolute" : "dct", "interval/since", end}};
    }
    if (dates_an_event(t) && t.last_day && lex_.has("until", before)) {
      return dating{interval("", when_of(t).end, when_of(t).granularity),
                    &t,
                    {"absolute", "interval/until", ""}};
    }
    if (t.type == timex_type::duration && dct_) {
      const auto d = duration_of(t.value);
      const bool recent = words_in(t).recent;
      const bool next = words_in(t).next;
      if (d && recent) {
        const std::string start = d->first > 0 ? iso_day(back_by(*dct_, d->first, d->second)) : "";
        return dating{interval(start, iso_day(*dct_), std::string(unit_name(d->second))),
                      &t,
                      {"dct", "interval/recent", iso_day(*dct_)}};
      }
      if (d && next && d->first == 0) {
        // "in the next months" and "before the end of the year": the second closes it.
        std::string end;
        for (const timex* other : in) {
          if (other != &t && other->last_day && *other->last_day >= *dct_ &&
              lex_.has("deadline", cw.before(other->begin))) {
            end = iso_day(*other->last_day);
          }
        }
        return dating{interval(iso_day(*dct_), end, std::string(unit_name(d->second))),
                      &t,
                      {"dct", "interval/next", iso_day(*dct_)}};
      }
    }
  }
  const timex* best = nullptr;
  for (const timex* t : in) {
    if (dates_an_event(*t) && t->first_day) {
      best = t;
      break;
    }
  }
  for (const timex* t : in) {
    if (best == nullptr && dates_an_event(*t)) best = t;
  }
  if (best == nullptr) return std::nullopt;
  // "now", "currently": the publication day itself.
  if (best->value == "PRESENT_REF"sv && dct_) {
    return dating{day_when("PRESENT_REF", *dct_), best, {"dct", best->rule, iso_day(*dct_)}};
  }
  dating d{
      when_of(*best), best, {std::string(to_string(best->anchor)), best->rule, best->anchor_ref}};
  for (const timex* t : in) {
    const word& last = last_word(*t);
    const bool one_day = t->first_day && t->first_day == t->last_day;
    if (t != best && one_day && best->first_day == best->last_day &&
        t->first_day != best->first_day && !lex_.has("relative_connective", last)) {
      d.other = t;
    }
    if (lex_.has("later", last) || lex_.has("earlier", last)) d.relation = t;
  }
  return d;
}

// The expression that ties the clause to the event before it, and the day it gives from
// that event's day: "two days after" (a date the tagger counted from the event, or a
// duration followed by the connective).
std::optional<std::pair<const timex*, sys_days>> anchorer::tie(const clause& c,
                                                               sys_days other_day) const {
  for (const auto& t : starting_in(c.begin, c.end)) {
    if (t.begin < c.begin || t.end > c.end) continue;
    if (lex_.has("relative_connective", last_word(t)) && t.first_day && !t.anchor_ref.empty()) {
      if (const auto ref = parse_iso_day(t.anchor_ref))
        return std::pair{&t, other_day - (*t.first_day - *ref)};
    }
    const auto after = leading_words(lower_, t.end, c.end, lex_);
    const auto d = duration_of(t.value);
    if (t.type == timex_type::duration && d && d->first > 0 && !after.empty() &&
        lex_.has("relative_connective", after.front())) {
      const int n = lex_.has("connective_earlier", after.front()) ? d->first : -d->first;
      return std::pair{&t, back_by(other_day, n, d->second)};
    }
  }
  return std::nullopt;
}

}  // namespace chronicle::detail
