#include "recognize/recognize.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <forward_list>
#include <numeric>
#include <utility>

#include "recognize/shapes.hpp"

namespace chronicle::detail {
namespace {

// A match of one pattern. Its captures lie in a list all candidates of a text share, from
// `values_begin` on: a text has thousands of candidates, and one list spares as many.
struct candidate {
  std::size_t first = 0;  // span tokens, context excluded
  std::size_t last = 0;
  std::size_t bytes = 0;  // the span's length in the text, which orders candidates first
  std::size_t pattern = 0;
  std::size_t values_begin = 0;
  std::size_t values_end = 0;
};

// What shapes matched at which tokens of a text, lately: the patterns tried at a token often
// begin with the same shape ("three" starts a dozen <count> patterns), and a shape may read
// several tokens and build its value. A small direct-mapped cache: a miss only costs a match.
// The values shapes compute are kept for the whole text, so that captures may view them.
class shape_memo {
 public:
  // A shape's match: the tokens it takes (none: no match) and its value.
  struct match {
    std::size_t length;
    std::string_view value;
  };
  shape_memo() { keys_.fill(no_key); }
  const match& get(shape form, std::size_t at, std::span<const token> tokens, const known_words& words,
                   const language_pack& pack) {
    const std::size_t key =
        at * shape_count + static_cast<std::size_t>(form);  // one per (token, shape)
    const std::size_t slot = key % keys_.size();
    match& here = matches_[slot];
    if (keys_[slot] != key) {
      keys_[slot] = key;
      here = {0, {}};
      if (auto m = match_shape(form, tokens, words, at, pack)) {
        const std::string_view value = m->second.viewed.empty()
                                           ? values_.emplace_front(std::move(m->second.computed))
                                           : m->second.viewed;
        here = {m->first, value};
      }
    }
    return here;
  }

 private:
  static constexpr std::size_t no_key = static_cast<std::size_t>(-1);  // an empty slot's
  // The slots' keys apart from their matches, so that a text starts by setting the keys alone:
  // a match is read only where its key is set, and is left unset till then.
  std::array<std::size_t, 64> keys_;
  std::array<match, 64> matches_;
  // A list: values never move, and a text whose values are all viewed (most) allocates none.
  std::forward_list<std::string> values_;
};

// One element matched at a token: the tokens it takes (none: no match) and its value, a view
// of the pack's table or of a value a shape built.
struct element_match {
  std::size_t length = 0;
  captured_value value;
  explicit operator bool() const { return length != 0; }
};

// Depth-first over the pattern's elements, keeping the match that ends furthest. One matcher
// serves every attempt in a text, so its capture list keeps its memory between attempts.
struct matcher {
  matcher(std::span<const token> text, const known_words& known, const language_pack& language)
      : tokens(text), words(known), pack(language) {}

  // The pattern tried: its elements (a span, which knows its size, where a vector of them
  // works it out at each step) and how many look behind.
  std::span<const element> elements;
  std::size_t behind = 0;
  std::span<const token> tokens;
  const known_words& words;
  const language_pack& pack;
  shape_memo shape_matches;
  captures values;
  // The match that ends furthest so far, if any, and its captures.
  bool found = false;
  std::size_t best_first = 0;
  std::size_t best_last = 0;
  captures best_values;

  // Matches one element at tokens[at]. `words` holds what the pack knows of each token's
  // word, so literals and tables need no lookup.
  element_match match(const element& e, std::size_t at) {
    if (at >= tokens.size()) return {};
    const token& t = tokens[at];
    if (e.attached && t.space_before) return {};
    if (e.capitalized && !t.capitalized) return {};
    const first_word* word = words[at];
    switch (e.what) {
      case element::kind::literal:
        if (word != nullptr &&
            std::find(e.word_ids.begin(), e.word_ids.end(), word->id) != e.word_ids.end()) {
          return {1, {}};
        }
        return {};
      case element::kind::table: {
        const word_table::entry* best = longest_entry(*e.table, tokens, words, at);
        if (best == nullptr) return {};
        return {best->tokens.size(), {best->value, false}};
      }
      case element::kind::shape:
        if (const auto& m = shape_matches.get(e.form, at, tokens, words, pack); m.length != 0) {
          return {m.length, {m.value, true}};
        }
        return {};
    }
    return {};
  }

  // Matches elements [ei, end) from tokens[ti] on. The span so far, context excluded, is
  // tokens [span_first, span_last); span_last is 0 while no element of it has matched. A loop
  // over the elements that leave one way on, calling itself only where an optional element
  // matched and may also be skipped: most elements are not optional.
  void run(std::size_t ei, std::size_t ti, std::size_t span_first, std::size_t span_last) {
    const std::size_t captures_before = values.size();  // those of this call go when it ends
    for (;; ++ei) {
      if (ei == elements.size()) {
        if (span_last != 0 && (!found || span_last > best_last)) {
          found = true;
          best_first = span_first;
          best_last = span_last;
          best_values = values;
        }
        break;
      }
      const element& e = elements[ei];
      // An element looking behind reads one of the tokens just before the match.
      const std::size_t back = e.behind ? behind - ei : 0;
      if (ti < back) break;
      // Matched at one place only, so that the compiler inlines it.
      const element_match m = match(e, ti - back);
      if (e.behind || e.negated) {  // nothing consumed or captured
        if (e.behind ? m.length != 1 : static_cast<bool>(m)) break;
        continue;
      }
      if (!m) {
        if (e.optional) continue;
        break;
      }
      const std::size_t next = ti + m.length;
      const std::size_t first = e.context || span_last != 0 ? span_first : ti;
      const std::size_t last = e.context ? span_last : next;
      const bool captured = !e.capture.empty();
      if (captured) values.emplace_back(ei, m.value);
      if (e.optional) {  // with the element, then without it
        run(ei + 1, next, first, last);
        if (captured) values.pop_back();
        continue;
      }
      ti = next;
      span_first = first;
      span_last = last;
    }
    values.resize(captures_before);
  }
};

bool is_day_level(const expression& e) {
  switch (e.kind) {
    case expr_kind::weekday:
    case expr_kind::holiday:
      return true;
    case expr_kind::date:
      return e.day.has_value();
    case expr_kind::relative:
    case expr_kind::anaphor:
      return e.unit == "day" && !e.hour;
    default:
      return false;
  }
}

bool is_date_like(const expression& e) {
  return e.kind != expr_kind::duration && e.kind != expr_kind::set &&
         e.kind != expr_kind::modifier && e.kind != expr_kind::ref;
}

// Names `r` "first+second", an expression joined from two: built before it replaces r's own
// name, which either may view.
void name_joined(recognized& r, std::string_view first, std::string_view second) {
  std::string joined;
  joined.reserve(first.size() + 1 + second.size());
  joined.append(first).append("+").append(second);
  r.joined_rule = std::make_unique<const std::string>(std::move(joined));
  r.rule = *r.joined_rule;
}

// "early" + "June", "about" + "three years", "8 p.m." + "Thursday". `found` is read in text
// order, found[order[0]], found[order[1]], ...; an expression is large, and each is moved
// once, into the result.
std::vector<recognized> join_neighbours(std::vector<recognized>& found, const std::vector<std::size_t>& order) {
  std::vector<recognized> joined;
  joined.reserve(found.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    recognized& current = found[order[i]];
    recognized* next = nullptr;  // the expression right after this one, if it touches it
    if (i + 1 < order.size() && found[order[i + 1]].first == current.last) next = &found[order[i + 1]];
    if (current.expr.kind == expr_kind::modifier) {
      if (next == nullptr) continue;  // a modifier alone is no time expression
      // Approximations ("about") qualify amounts; positions ("early") qualify dates.
      const bool applies = current.expr.type == "DURATION"
                               ? next->expr.kind == expr_kind::duration
                               : is_date_like(next->expr) && next->expr.kind != expr_kind::time;
      if (!applies || !next->expr.mod.empty()) continue;
      next->first = current.first;
      next->expr.mod = current.expr.mod;
      name_joined(*next, current.rule, next->rule);
      continue;
    }
    if (next != nullptr) {
      const bool time_then_day = current.expr.kind == expr_kind::time && is_day_level(next->expr);
      const bool day_then_time = is_day_level(current.expr) && next->expr.kind == expr_kind::time;
      if (time_then_day || day_then_time) {
        recognized& day = time_then_day ? *next : current;
        const recognized& clock = time_then_day ? current : *next;
        day.expr.hour = clock.expr.hour;
        day.expr.minute = clock.expr.minute;
        day.expr.ampm = clock.expr.ampm;
        day.expr.zone = clock.expr.zone;
        if (day.expr.part_of_day.empty()) day.expr.part_of_day = clock.expr.part_of_day;
        name_joined(day, current.rule, next->rule);
        day.first = current.first;
        day.last = next->last;
        joined.push_back(std::move(day));
        ++i;
        continue;
      }
    }
    joined.push_back(std::move(current));
  }
  return joined;
}

// Whether the expression at tokens [first, last) is part of a name or title; the tagger decides
// what such a name is worth. Holidays are capitalized names themselves ("New Year").
bool in_a_name(std::span<const token> tokens, const known_words& words,
               const language_pack& pack, std::size_t first, std::size_t last,
               const expression& e) {
  if (e.kind == expr_kind::holiday) return false;
  const auto lower_case_word = [&](std::size_t i) {
    return starts_entry(*pack.lower_case_words, words[i]);
  };
  // "This Week", "60 Minutes", "High Noon", "the Daily Telegraph": a time word English writes in
  // lower case, capitalized inside a sentence next to a capitalized word (or after a number);
  // between small words it may be written so for style only ("in Spring, demand slows").
  for (std::size_t i = std::max(first, std::size_t{1}); i < last; ++i) {
    const token& before = tokens[i - 1];
    // A capital after punctuation or at a line's start may start a sentence or a quotation
    // ("June 8, 2010 / Yesterday, at ...": a dateline, then the story).
    if (!tokens[i].capitalized || tokens[i].line_start || before.kind == token_kind::punct ||
        !lower_case_word(i)) {
      continue;
    }
    const bool after_name = before.capitalized || before.kind == token_kind::number;
    const bool before_name = i + 1 < tokens.size() && tokens[i + 1].capitalized;
    if (after_name || before_name) return true;
  }
  // "the Spring of Life demonstrations": such a word linked to a capitalized name the pack does
  // not know (a weekday is capitalized anyway: "the death Thursday of President Niyazov").
  std::size_t next = last;
  if (next < tokens.size()) {
    if (const auto* link = longest_entry(*pack.name_links, tokens, words, next)) {
      next += link->tokens.size();
    }
  }
  if (next > last && next < tokens.size() && tokens[next].capitalized &&
      tokens[next].kind == token_kind::word && words[next] == nullptr &&
      tokens[last - 1].capitalized && lower_case_word(last - 1)) {
    return true;
  }
  // "a joint venture called Orion 1980": a bare year after a capitalized word the pack does not
  // know, inside a sentence, numbers the name.
  const bool bare_year = e.kind == expr_kind::date && e.year && !e.month && !e.day;
  return bare_year && first >= 2 && tokens[first - 1].capitalized &&
         tokens[first - 1].kind == token_kind::word && words[first - 1] == nullptr &&
         tokens[first - 2].kind != token_kind::punct;
}

// may_go_on_as_number of the token last asked: the patterns past a number ask it in turn of the
// same token ("<count> <unit> ago", "<count> <unit> later", ...).
struct number_memo {
  std::size_t at = static_cast<std::size_t>(-1);  // none yet
  bool goes_on = false;
};

// Whether the tokens at the pattern's fixed distances from `base` may be what it wants there.
bool fixed_gates_open_from(const pattern& p, std::size_t base, std::span<const token> tokens,
                           const known_words& words, std::span<const token_facts> facts,
                           number_memo& number) {
  for (std::size_t k = 0; k < p.fixed.size(); ++k) {
    const auto& [offset, gate] = p.fixed[k];
    if (k == p.sure) {
      const std::size_t number_at = base + static_cast<std::size_t>(p.number_offset);
      if (number_at >= tokens.size()) return false;
      if (number.at != number_at)
        number = {number_at, may_go_on_as_number(tokens, words, number_at)};
      if (number.goes_on) break;
    }
    const auto i = static_cast<std::ptrdiff_t>(base) + offset;
    if (i < 0 || static_cast<std::size_t>(i) >= tokens.size()) return false;
    const auto at = static_cast<std::size_t>(i);
    if (!gate.opens_for(facts[at])) return false;
  }
  return true;
}

// The same, from the token a pattern is tried at, or the next where it starts with an optional
// element (pattern::optional_start).
bool fixed_gates_open(const pattern& p, std::size_t at, std::span<const token> tokens,
                      const known_words& words, std::span<const token_facts> facts, number_memo& number) {
  return fixed_gates_open_from(p, at, tokens, words, facts, number) ||
         (p.optional_start && fixed_gates_open_from(p, at + 1, tokens, words, facts, number));
}

}  // namespace

std::vector<recognized> recognize(std::span<const token> tokens, const known_words& words,
                                  const language_pack& pack) {
  std::vector<candidate> candidates;
  candidates.reserve(tokens.size() / 16 + 1);  // news has a match every thirty tokens or so
  const std::vector<token_facts> facts = facts_of_tokens(tokens, words, pack);
  captures candidate_values;  // of all candidates, each its own stretch
  candidate_values.reserve(candidates.capacity() * 2);  // a candidate captures two values or so
  matcher m(tokens, words, pack);
  auto try_pattern = [&](std::size_t index, std::size_t at) {
    m.elements = pack.patterns[index].elements;
    m.behind = pack.patterns[index].behind;
    m.values.clear();
    m.found = false;
    m.run(0, at, 0, 0);
    if (m.found) {
      const std::size_t begin = candidate_values.size();
      candidate_values.insert(candidate_values.end(), m.best_values.begin(), m.best_values.end());
      const std::size_t bytes = tokens[m.best_last - 1].end - tokens[m.best_first].begin;
      candidates.push_back(
          candidate{m.best_first, m.best_last, bytes, index, begin, candidate_values.size()});
    }
  };
  // What the tests below read at every token, kept by value in them: through the vectors and
  // the span, which the lambdas called out of line may reach, the compiler would read their
  // addresses again after every such call.
  const std::size_t token_count = tokens.size();
  const first_word* const* const known = words.data();
  const token_facts* const fact = facts.data();
  // Where numbers go on past their first token, as count, ordinal and spoken-year shapes read
  // them, so may the match: with a number word ("twenty" "five"), a hyphen before one
  // ("twenty" "-" "first"), or a decimal point or thousands comma and its digits ("1" "." "5",
  // "4" "," "000"), after which the gate asks again.
  auto number_goes_on = [&](const follow_gate& gate, std::size_t next) {
    for (;;) {
      if (number_word_goes_on(tokens, words, next)) return true;
      if (!decimal_point(tokens, next) && !thousands_group(tokens, next)) return false;
      next += 2;
      if (next >= tokens.size()) return gate.any;
      if (gate.opens_for(fact[next])) return true;
    }
  };
  // Whether tokens[next] may come after the token a gate is of. Asked after nearly every token,
  // and kept small, so that it inlines where asked: few gates have numbers go on.
  auto may_follow = [token_count, fact, &number_goes_on](const follow_gate& gate,
                                                         std::size_t next) {
    if (next >= token_count) return gate.any;
    return gate.opens_for(fact[next]) || (gate.number_continues && number_goes_on(gate, next));
  };
  number_memo number;
  // A pattern indexed under both the word and a shape of a token is tried there once. Kept as
  // the token after the last it was tried at, so that none (0) is what a new vector holds: it
  // is cleared at once rather than filled value by value.
  std::vector<std::size_t> tried_before(pack.patterns.size());
  auto attempt = [&](std::size_t index, std::size_t at) {
    if (tried_before[index] == at + 1) return;
    tried_before[index] = at + 1;
    // The gates are asked out of line, where there are any: inline, they grew this function
    // past what the compiler inlines into it.
    const pattern& p = pack.patterns[index];
    if (p.fixed.empty() || fixed_gates_open(p, at, tokens, words, facts, number))
      try_pattern(index, at);
  };
  // The patterns of the word at `at` whose gates open for the token after it, found by that
  // token's word and shapes in the word's inverted gates: the same as asking every gate.
  auto try_word_patterns = [&](const first_word& word, std::size_t at) {
    const std::size_t next = at + 1;
    for (const std::size_t k : word.patterns_to_ask) {
      if (may_follow(word.pattern_next[k], next)) attempt(word.patterns[k], at);
    }
    if (next >= tokens.size()) return;
    auto try_all = [&](const std::vector<std::pair<std::size_t, std::size_t>>& index, std::size_t key) {
      auto it = std::lower_bound(index.begin(), index.end(), std::pair{key, std::size_t{0}});
      for (; it != index.end() && it->first == key; ++it) attempt(word.patterns[it->second], at);
    };
    // A next word that no gate of this word takes has no entries to search for.
    if (words[next] != nullptr && word.next.takes(words[next]->id))
      try_all(word.patterns_by_next_word, words[next]->id);
    for (std::uint32_t mask = facts[next].shapes & word.next.shapes; mask != 0; mask &= mask - 1) {
      try_all(word.patterns_by_next_shape, static_cast<std::size_t>(std::countr_zero(mask)));
    }
  };
  for (std::size_t at = 0; at < token_count; ++at) {
    // An unknown word, or one of no pattern, has an empty gate.
    const first_word& word = known_or_unknown(known[at], pack);
    if (may_follow(word.next, at + 1)) try_word_patterns(word, at);
    for (std::uint32_t mask = fact[at].shapes & pack.leading_shapes; mask != 0; mask &= mask - 1) {
      const auto s = static_cast<std::size_t>(std::countr_zero(mask));
      if (!may_follow(pack.after_shape[s], at + 1)) continue;
      for (std::size_t k = 0; k < pack.by_first_shape[s].size(); ++k) {
        if (may_follow(pack.by_first_shape_next[s][k], at + 1)) attempt(pack.by_first_shape[s][k], at);
      }
    }
  }
  // Longest first; among equals the earlier, then the pattern listed first, then the match
  // found first: a pattern tried at two tokens may match the same span (a leading context
  // element read at one, skipped at the other). Captures are stored in the order found, so
  // (values_begin, values_end) grows with it; candidates equal in every key capture nothing
  // and are the same match. The order is total, and std::sort orders as a stable sort would
  // by the first three keys, without a stable sort's buffer.
  std::sort(candidates.begin(), candidates.end(), [&](const candidate& a, const candidate& b) {
    if (a.bytes != b.bytes) return a.bytes > b.bytes;
    if (a.first != b.first) return a.first < b.first;
    if (a.pattern != b.pattern) return a.pattern < b.pattern;
    return std::pair{a.values_begin, a.values_end} < std::pair{b.values_begin, b.values_end};
  });
  // Tokens of accepted candidates, a byte each: a vector<bool> is slower to read.
  std::vector<unsigned char> taken(tokens.size(), 0);
  std::vector<recognized> found;
  found.reserve(candidates.size());
  for (const candidate& c : candidates) {
    const auto first = taken.begin() + static_cast<std::ptrdiff_t>(c.first);
    const auto last = taken.begin() + static_cast<std::ptrdiff_t>(c.last);
    if (std::find(first, last, 1) != last) continue;
    const pattern& p = pack.patterns[c.pattern];
    const auto values = std::span(candidate_values).subspan(c.values_begin, c.values_end - c.values_begin);
    // Built where it is kept (no reallocation: `found` has room for every candidate).
    recognized& r = found.emplace_back();
    if (!fill(p.action, values, r.expr)) {
      found.pop_back();
      continue;
    }
    std::fill(first, last, 1);
    r.first = c.first;
    r.last = c.last;
    r.rule = p.name;  // the pack outlives the expression
    r.in_name = in_a_name(tokens, words, pack, c.first, c.last, r.expr);
  }
  std::vector<std::size_t> order(found.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return found[a].first < found[b].first; });
  return join_neighbours(found, order);
}

}  // namespace chronicle::detail
