#include "recognize/pack.hpp"

#include <algorithm>
#include <bit>

#include "chronicle/error.hpp"
#include "recognize/shapes.hpp"

namespace chronicle::detail {

std::optional<std::pair<std::size_t, std::string_view>> word_table::longest(
    const std::vector<std::size_t>& starting, std::span<const token> tokens, std::size_t at) const {
  std::optional<std::pair<std::size_t, std::string_view>> best;
  for (const std::size_t index : starting) {
    const entry& candidate = entries[index];
    const std::size_t n = candidate.tokens.size();
    if ((best && best->first >= n) || !candidate.stands_at(tokens, at)) continue;
    best = std::pair{n, std::string_view(candidate.value)};
  }
  return best;
}

const word_table& language_pack::table(std::string_view name) const {
  const auto* found = tables_by_name.find(name);
  if (found == nullptr) throw error("language pack: no word table [" + std::string(name) + "]");
  return **found;
}

known_words look_up_words(std::span<const token> tokens, const language_pack& pack) {
  known_words words(tokens.size(), nullptr);
  for (std::size_t i = 0; i < tokens.size(); ++i) words[i] = pack.by_first_word.find(tokens[i].lower, tokens[i].hash);
  return words;
}

const word_table::entry* longest_known_entry(const word_table& table, std::span<const token> tokens,
                                             const first_word& word, std::size_t at) {
  for (const auto& [in, entry] : word.entries) {
    if (in == &table && entry->stands_at(tokens, at)) return entry;
  }
  return nullptr;
}

const word_table::entry* entry_before(const word_table& table, std::span<const token> tokens,
                                      const known_words& words, std::size_t end) {
  const word_table::entry* best = nullptr;
  for (std::size_t length = 1; length <= std::min(end, table.longest_phrase); ++length) {
    const std::size_t first = end - length;
    if (!starts_entry(table, words[first])) continue;
    for (const auto& [in, entry] : words[first]->entries) {
      if (in == &table && entry->tokens.size() == length && entry->stands_at(tokens, first)) {
        best = entry;
      }
    }
  }
  return best;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

// Calls `visit(line_number, line)` for each line that is neither blank nor a comment.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = trim(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++number;
    if (!line.empty() && line.front() != '#') visit(number, line);
  }
}

void load_tables(std::string_view text, language_pack& pack) {
  word_table* current = nullptr;
  for_each_line(text, [&](std::size_t number, std::string_view line) {
    if (line.front() == '[') {
      if (line.back() != ']') throw error("data/en/words.txt", number, 1, "unclosed [class]");
      const auto [table, added] = pack.tables.try_emplace(std::string(line.substr(1, line.size() - 2)));
      current = &table->second;
      if (added) {
        if (pack.tables.size() > max_tables) throw error("data/en/words.txt", number, 1, "too many [classes]");
        current->id = pack.tables.size() - 1;
        pack.tables_by_name[table->first] = current;
      }
      return;
    }
    const std::size_t equals = line.find(" = ");
    if (current == nullptr || equals == std::string_view::npos) {
      throw error("data/en/words.txt", number, 1, "expected `phrase = value` under a [class]");
    }
    word_table::entry entry;
    for (const token& t : tokenize(trim(line.substr(0, equals))).tokens) entry.tokens.emplace_back(t.lower);
    entry.value = std::string(trim(line.substr(equals + 3)));
    for (const auto& existing : current->entries) {
      if (existing.tokens == entry.tokens) {
        throw error("data/en/words.txt", number, 1, "phrase listed twice in its class");
      }
    }
    current->longest_phrase = std::max(current->longest_phrase, entry.tokens.size());
    current->by_first_token[entry.tokens.front()].push_back(current->entries.size());
    current->entries.push_back(std::move(entry));
  });
}

element parse_element(std::string_view word, const language_pack& pack, std::size_t line) {
  element e;
  if (word.size() > 2 && word.front() == '[' && word.back() == ']') {
    e.context = true;
    word = word.substr(1, word.size() - 2);
  }
  while (!word.empty() && (word.front() == '!' || word.front() == '~' || word.front() == '^' || word.front() == '@')) {
    (word.front() == '!'   ? e.negated
     : word.front() == '~' ? e.attached
     : word.front() == '^' ? e.capitalized
                           : e.behind) = true;
    word.remove_prefix(1);
  }
  if (word.size() > 1 && word.back() == '?') {
    e.optional = true;
    word.remove_suffix(1);
  }
  if (word.size() > 2 && word.front() == '<' && word.back() == '>') {
    e.name = std::string(word.substr(1, word.size() - 2));
    if (const auto form = shape_from_name(e.name)) {
      e.what = element::kind::shape;
      e.form = *form;
    } else if (const auto it = pack.tables.find(e.name); it != pack.tables.end()) {
      e.what = element::kind::table;
      e.table = &it->second;
    } else {
      throw error("data/en/patterns.txt", line, 1, "unknown class <" + e.name + ">");
    }
    return e;
  }
  std::size_t start = 0;
  while (start <= word.size()) {
    const std::size_t bar = std::min(word.find('|', start), word.size());
    if (bar == start) throw error("data/en/patterns.txt", line, 1, "empty alternative");
    e.words.emplace_back(word.substr(start, bar - start));
    start = bar + 1;
  }
  return e;
}

expression_template parse_action(std::string_view text, std::size_t line) {
  const auto words = split_words(text);
  if (words.empty()) throw error("data/en/patterns.txt", line, 1, "missing action");
  expression_template action;
  const auto kind = expr_kind_from_string(words.front());
  if (!kind) throw error("data/en/patterns.txt", line, 1, "unknown kind " + std::string(words[0]));
  action.kind = *kind;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::size_t equals = words[i].find('=');
    const auto key = field_key_from_string(words[i].substr(0, equals));
    if (equals == std::string_view::npos || !key) {
      throw error("data/en/patterns.txt", line, 1, "bad field " + std::string(words[i]));
    }
    expression_template::field f;
    f.key = *key;
    std::string_view value = words[i].substr(equals + 1);
    if (value.starts_with("-$")) {
      f.negate = true;
      value.remove_prefix(1);
    }
    if (value.starts_with('$')) {
      f.capture = std::string(value.substr(1));
    } else {
      f.literal = std::string(value);
    }
    action.fields.push_back(std::move(f));
  }
  return action;
}

first_word& word_entry(language_pack& pack, const std::string& word) {
  const auto [entry, inserted] = pack.by_first_word.try_emplace(word);
  if (inserted) entry.id = pack.by_first_word.size() - 1;
  return entry;
}

void add_word(follow_gate& gate, const std::string& word, language_pack& pack) {
  gate.add(word_entry(pack, word).id);
}

// The gate of each table's first words, made when first asked while the pack loads: a table
// (of a hundred number words, say) is an element of many patterns, and its words are looked
// up once, in the order they always are.
using table_gates = std::map<const word_table*, follow_gate>;

// Adds to `gate` what the element may match first.
void add_element(const element& e, follow_gate& gate, language_pack& pack,
                 table_gates& gates_of_tables) {
  switch (e.what) {
    case element::kind::shape:
      gate.shapes |= shape_bit(e.form);
      break;
    case element::kind::table: {
      const auto [table, added] = gates_of_tables.try_emplace(e.table);
      if (added) {
        for (const auto& entry : e.table->entries)
          add_word(table->second, entry.tokens.front(), pack);
      }
      gate.add(table->second);
      break;
    }
    case element::kind::literal:
      for (const auto& w : e.words) add_word(gate, w, pack);
      break;
  }
}

// Adds to `gate` what the elements from `from` on may match first.
void add_follow(const pattern& p, std::size_t from, follow_gate& gate, language_pack& pack,
                table_gates& gates_of_tables) {
  for (std::size_t k = from; k < p.elements.size(); ++k) {
    const element& e = p.elements[k];
    if (e.negated || e.behind) continue;
    add_element(e, gate, pack, gates_of_tables);
    if (!e.optional) return;
  }
  gate.any = true;
}

// Whether the element takes one token wherever it matches.
bool takes_one_token(const element& e) {
  switch (e.what) {
    case element::kind::literal:
      return true;
    case element::kind::table:
      return e.table->longest_phrase == 1;
    case element::kind::shape:
      return takes_one_token(e.form);
  }
  return false;
}

// Fills pattern::fixed: the elements looking behind, each one token; then, while the match is
// sure to start at a known token and each element takes one token, those from the third token
// on. Past the first number shape, which may take several tokens, the gates stand as if it
// took one (pattern::sure); past a second, none. A leading optional element of one token
// leaves the match two places to start (pattern::optional_start), so its gates are those of
// the elements after it, from the first.
void fixed_gates(pattern& p, language_pack& pack, table_gates& gates_of_tables) {
  auto add = [&](const element& e, std::ptrdiff_t offset) {
    add_element(e, p.fixed.emplace_back(pattern::token_gate{offset, {}}).gate, pack,
                gates_of_tables);
  };
  const auto behind = static_cast<std::ptrdiff_t>(p.behind);
  for (std::size_t k = 0; k < p.behind; ++k)
    add(p.elements[k], static_cast<std::ptrdiff_t>(k) - behind);
  std::size_t first = p.behind;
  std::ptrdiff_t first_gated = 2;  // the indexes and follow gates look at the first two tokens
  const element& lead = p.elements[first];
  if (p.behind == 0 && lead.optional && !lead.negated && takes_one_token(lead)) {
    p.optional_start = true;
    first = 1;
    first_gated = 0;
  }
  bool past_number = false;
  std::ptrdiff_t offset = 0;
  for (std::size_t k = first; k < p.elements.size(); ++k) {
    const element& e = p.elements[k];
    if (e.negated) continue;  // consumes nothing
    if (e.optional) break;
    if (offset >= first_gated) add(e, offset);
    if (!takes_one_token(e)) {
      if (e.what != element::kind::shape || past_number) break;
      past_number = true;
      p.sure = p.fixed.size();
      p.number_offset = offset;
    }
    ++offset;
  }
  if (!past_number) p.sure = p.fixed.size();
}

// Indexes a pattern under every word and shape it can start with: those of its leading
// elements up to the first that is not optional; and records what may follow each, both in
// this pattern and in any pattern indexed there (which spares a look at each pattern where
// nothing can follow).
void index_pattern(std::size_t index, language_pack& pack, table_gates& gates_of_tables) {
  const pattern& p = pack.patterns[index];
  // What may follow element k - 1, made once for all the words that element may be: a table
  // of a hundred number words would otherwise look up each word that may follow a hundred
  // times. Made when first asked, so that words get their ids in the order they always have.
  std::vector<std::optional<follow_gate>> follows(p.elements.size() + 1);
  const auto follow_of = [&](std::size_t k) -> const follow_gate& {
    if (!follows[k]) add_follow(p, k, follows[k].emplace(), pack, gates_of_tables);
    return *follows[k];
  };
  for (std::size_t k = 0; k < p.elements.size(); ++k) {
    const element& e = p.elements[k];
    if (e.negated || e.behind) continue;
    // The gates of the word: of all its patterns, and of this one.
    auto index_word = [&](const std::string& w) -> std::pair<follow_gate&, follow_gate&> {
      first_word& entry = word_entry(pack, w);
      if (entry.patterns.empty() || entry.patterns.back() != index) {
        entry.patterns.push_back(index);
        entry.pattern_next.emplace_back();
      }
      return {entry.next, entry.pattern_next.back()};
    };
    switch (e.what) {
      case element::kind::shape: {
        const auto s = static_cast<std::size_t>(e.form);
        pack.by_first_shape[s].push_back(index);
        pack.leading_shapes |= std::uint32_t{1} << s;
        for (follow_gate* gate : {&pack.after_shape[s], &pack.by_first_shape_next[s].emplace_back()}) {
          add_follow(p, k + 1, *gate, pack, gates_of_tables);
          // Counts, ordinals and years in words may run over several tokens ("twenty-five",
          // "1.5", "nineteen ninety-six"): what follows their first token is more of them.
          if (e.form == shape::count || e.form == shape::day || e.form == shape::ord ||
              e.form == shape::year || e.form == shape::year_exact) {
            gate->number_continues = true;
          }
        }
        break;
      }
      case element::kind::table:
        for (const auto& entry : e.table->entries) {
          const auto [all, mine] = index_word(entry.tokens.front());
          for (follow_gate* gate : {&all, &mine}) {
            if (entry.tokens.size() > 1) {  // a phrase continues with its own second word
              add_word(*gate, entry.tokens[1], pack);
            } else {
              gate->add(follow_of(k + 1));
            }
          }
        }
        break;
      case element::kind::literal:
        for (const auto& w : e.words) {
          const auto [all, mine] = index_word(w);
          for (follow_gate* gate : {&all, &mine}) gate->add(follow_of(k + 1));
        }
        break;
    }
    if (!e.optional) return;
  }
}

// Fills each word's inverted gates (first_word::patterns_by_next_word and the rest) from its
// patterns' gates, once every word has its id.
void invert_gates(language_pack& pack) {
  pack.by_first_word.for_each([](const std::string&, first_word& word) {
    for (std::size_t k = 0; k < word.patterns.size(); ++k) {
      const follow_gate& gate = word.pattern_next[k];
      if (gate.any || gate.number_continues) {
        word.patterns_to_ask.push_back(k);
        continue;
      }
      // The set bits alone: a gate takes a few words of the pack's thousands.
      for (std::size_t block = 0; block < gate.word_bits.size(); ++block) {
        for (std::uint64_t bits = gate.word_bits[block]; bits != 0; bits &= bits - 1) {
          const auto id = block * 64 + static_cast<std::size_t>(std::countr_zero(bits));
          word.patterns_by_next_word.emplace_back(id, k);
        }
      }
      for (std::size_t s = 0; s < shape_count; ++s) {
        if ((gate.shapes >> s & 1U) != 0) word.patterns_by_next_shape.emplace_back(s, k);
      }
    }
    std::sort(word.patterns_by_next_word.begin(), word.patterns_by_next_word.end());
    std::sort(word.patterns_by_next_shape.begin(), word.patterns_by_next_shape.end());
  });
}

void load_patterns(std::string_view text, language_pack& pack) {
  for_each_line(text, [&](std::size_t number, std::string_view line) {
    const std::size_t colon = line.find(": ");
    const std::size_t arrow = line.find(" => ");
    if (colon == std::string_view::npos || arrow == std::string_view::npos || arrow < colon) {
      throw error("data/en/patterns.txt", number, 1, "expected `name: elements => action`");
    }
    pattern p;
    p.name = std::string(trim(line.substr(0, colon)));
    p.line = number;
    for (const auto word : split_words(line.substr(colon + 2, arrow - colon - 2))) {
      p.elements.push_back(parse_element(word, pack, number));
    }
    if (p.elements.empty()) throw error("data/en/patterns.txt", number, 1, "no elements");
    while (p.behind < p.elements.size() && p.elements[p.behind].behind) ++p.behind;
    for (std::size_t k = 0; k < p.elements.size(); ++k) {
      const element& e = p.elements[k];
      if ((e.behind && (e.optional || e.negated)) || (k >= p.behind && e.behind) || p.behind == p.elements.size()) {
        throw error("data/en/patterns.txt", number, 1, "@x looks before the match: leading, plain, not alone");
      }
    }
    // The second <day> of a pattern is captured as "day.2".
    std::map<std::string, int> seen;
    for (element& e : p.elements) {
      if (e.name.empty()) continue;
      const int n = ++seen[e.name];
      e.capture = n == 1 ? e.name : e.name + "." + std::to_string(n);
    }
    p.action = parse_action(line.substr(arrow + 4), number);
    for (auto& f : p.action.fields) {
      for (std::size_t k = 0; k < p.elements.size(); ++k) {
        if (!f.capture.empty() && p.elements[k].capture == f.capture) f.element = k;
      }
    }
    for (auto& f : p.action.fields) {
      if (f.key != field_key::dir) continue;
      // A direction is one the resolver knows, named in the pattern itself; read once here.
      const bool literal = f.capture.empty() && !f.negate && !f.literal.empty();
      const auto named = literal ? direction_from_string(f.literal) : std::nullopt;
      if (!named) {
        const std::string written = f.capture.empty() ? f.literal : "$" + f.capture;
        throw error("data/en/patterns.txt", number, 1,
                    "dir= takes a direction, not " + std::string(f.negate ? "-" : "") + written);
      }
      f.dir = *named;
    }
    // An expression views the words it is given (expression.hpp): what a shape computes lives
    // only as long as recognition, so only a table's value or a literal may fill such a field.
    for (const auto& f : p.action.fields) {
      if (!views_its_value(f.key)) continue;
      if (f.negate) {
        throw error("data/en/patterns.txt", number, 1, std::string(name_of(f.key)) + "= takes no sign");
      }
      if (f.capture.empty()) continue;
      const auto taken = std::find_if(p.elements.begin(), p.elements.end(),
                                      [&](const element& e) { return e.capture == f.capture; });
      if (taken != p.elements.end() && taken->what == element::kind::shape) {
        throw error("data/en/patterns.txt", number, 1,
                    std::string(name_of(f.key)) + "= takes a word, not the shape <" + taken->name + ">");
      }
    }
    pack.patterns.push_back(std::move(p));
  });
  pack.by_first_shape.resize(shape_count);
  pack.by_first_shape_next.resize(shape_count);
  table_gates gates_of_tables;
  for (std::size_t i = 0; i < pack.patterns.size(); ++i) index_pattern(i, pack, gates_of_tables);
  for (pattern& p : pack.patterns) fixed_gates(p, pack, gates_of_tables);
  invert_gates(pack);
  for (pattern& p : pack.patterns) {
    for (element& e : p.elements) {
      for (const auto& w : e.words) e.word_ids.push_back(word_entry(pack, w).id);
    }
  }
  for (const auto& [name, table] : pack.tables) {
    for (const word_table::entry& entry : table.entries) {
      first_word& word = word_entry(pack, entry.tokens.front());
      word.entries.emplace_back(&table, &entry);
      word.tables |= std::uint64_t{1} << table.id;
    }
  }
  pack.by_first_word.for_each([](const std::string&, first_word& word) {
    std::stable_sort(word.entries.begin(), word.entries.end(), [](const auto& a, const auto& b) {
      return a.second->tokens.size() > b.second->tokens.size();
    });
  });
  for (const auto& entry : pack.numbers->entries) word_entry(pack, entry.tokens.front()).number = true;
  for (const auto& entry : pack.ordinals->entries) word_entry(pack, entry.tokens.front()).ordinal = true;
  pack.by_first_word.for_each(
      [&](const std::string&, first_word& word) { word.shapes = word_shapes(word, pack); });
  for (const word_table* table : {pack.numbers, pack.ordinals}) {
    for (const auto& entry : table->entries) {
      if (entry.tokens.size() > 1) word_entry(pack, entry.tokens.front()).starts_long_number = true;
    }
  }
}

}  // namespace

std::shared_ptr<const language_pack> load_language_pack(std::string_view words,
                                                        std::string_view patterns) {
  auto pack = std::make_shared<language_pack>();
  load_tables(words, *pack);
  // Shapes, names and the story read these tables; a pack without them (in tests) gets empty ones.
  static const word_table none;
  auto table_or_none = [&](std::string_view name) {
    const auto it = pack->tables.find(name);
    return it == pack->tables.end() ? &none : &it->second;
  };
  pack->numbers = table_or_none("number");
  pack->ordinals = table_or_none("ordinal");
  pack->year_words = table_or_none("year_word");
  pack->function_words = table_or_none("function_word");
  pack->lower_case_words = table_or_none("lower_case_word");
  pack->name_links = table_or_none("name_link");
  pack->year_lead_ins = table_or_none("year_lead_in");
  pack->clause_conjunctions = table_or_none("clause_conjunction");
  pack->pluperfect_auxiliaries = table_or_none("pluperfect_auxiliary");
  pack->infinitive_markers = table_or_none("infinitive_marker");
  load_patterns(patterns, *pack);
  pack->unknown_word.id = pack->by_first_word.size();  // ids count from 0 in words added
  // Every gate gets a bit for every id (follow_gate::word_bits).
  const std::size_t blocks = pack->unknown_word.id / 64 + 1;
  auto cover = [&](follow_gate& gate) { gate.word_bits.resize(blocks, 0); };
  pack->by_first_word.for_each([&](const std::string&, first_word& word) {
    cover(word.next);
    for (follow_gate& gate : word.pattern_next) cover(gate);
  });
  for (auto& gates : pack->by_first_shape_next) {
    for (follow_gate& gate : gates) cover(gate);
  }
  for (follow_gate& gate : pack->after_shape) cover(gate);
  for (pattern& p : pack->patterns) {
    for (auto& fixed : p.fixed) cover(fixed.gate);
  }
  cover(pack->unknown_word.next);
  return pack;
}

}  // namespace chronicle::detail
