// Cutting sentences into clauses, and naming each clause's event.
#include "events/clauses.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>

#include "text/bytes16.hpp"

namespace chronicle::detail {

std::string_view to_string(clause_tense tense) {
  switch (tense) {
    case clause_tense::past: return "past";
    case clause_tense::perfect: return "perfect";
    case clause_tense::present: return "present";
    case clause_tense::future: return "future";
    case clause_tense::modal: return "modal";
    case clause_tense::none: break;
  }
  return "none";
}

namespace {

// ASCII letters and digits, by byte: words_of asks it of every byte of a clause, and clauses
// are read several times (cutting, titles, topics).
constexpr std::array<bool, 256> alnum_bytes = [] {
  std::array<bool, 256> is{};
  for (std::size_t c = 0; c < is.size(); ++c) {
    is[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return is;
}();

bool alnum(unsigned char c) { return alnum_bytes[c]; }

// Dashes and curly double quotes are punctuation; other non-ASCII bytes are letters.
constexpr std::string_view marks[] = {"\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\x9c", "\xe2\x80\x9d"};

std::size_t mark_length(std::string_view text, std::size_t i) {
  for (const auto m : marks) {
    if (text.substr(i).starts_with(m)) return m.size();
  }
  return 0;
}

// Asked of every word's first byte, and all four marks begin alike: one test, made where
// asked, answers most bytes.
std::size_t punctuation_length(std::string_view text, std::size_t i) {
  return text[i] != marks[0][0] ? 0 : mark_length(text, i);
}

bool word_byte(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  return alnum(c) || (c >= 0x80 && punctuation_length(text, i) == 0);
}

// Word bytes without asking: ASCII letters and digits, and non-ASCII bytes but the first byte
// of the marks.
bool is_plain(unsigned char c) {
  return alnum(c) || (c >= 0x80 && c != static_cast<unsigned char>(marks[0][0]));
}

#if defined(__SSE2__)
// The bytes of sixteen equal to the marks' first byte, as all ones in their place.
__m128i mark_leads(__m128i bytes) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(marks[0][0])); }

// is_plain of sixteen bytes, as all ones in their place; `leads` is mark_leads(bytes).
__m128i plain_bytes(__m128i bytes, __m128i leads) {
  const __m128i letters = in_range_bytes(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), 'a', 26);
  const __m128i digits = in_range_bytes(bytes, '0', 10);
  const __m128i high = _mm_cmplt_epi8(bytes, _mm_setzero_si128());
  return _mm_or_si128(_mm_or_si128(letters, digits), _mm_andnot_si128(leads, high));
}

// The same, one bit each.
unsigned plain_mask(__m128i bytes) {
  return static_cast<unsigned>(_mm_movemask_epi8(plain_bytes(bytes, mark_leads(bytes))));
}
#endif

// Where the run of text[from, end) ends whose bytes are plain (is_plain). Sixteen bytes at a
// time where the processor can (the run's end is then found without a branch a byte), else one
// at a time. Reads up to the end of `text`, past `end`.
std::size_t plain_run_end(std::string_view text, std::size_t from, std::size_t end) {
  const char* p = text.data() + from;
  const char* const stop = text.data() + end;
#if defined(__SSE2__)
  const char* const readable_end = text.data() + text.size();
  while (p < stop && readable_end - p >= 16) {
    const unsigned ends = ~plain_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))) & 0xFFFFU;
    if (ends != 0) {
      return std::min(static_cast<std::size_t>(p - text.data()) + std::countr_zero(ends), end);
    }
    p += 16;
  }
#endif
  while (p < stop && is_plain(static_cast<unsigned char>(*p))) ++p;
  return std::min(static_cast<std::size_t>(p - text.data()), end);
}

// What word_ends reads of sixty-four bytes of a text, one bit a byte, first byte lowest.
struct byte_classes {
  std::uint64_t plain = 0;   // is_plain
  std::uint64_t leads = 0;   // the first byte of the marks, which begins other letters too
  std::uint64_t joints = 0;  // apostrophes, hyphens and periods
};

bool is_joint(unsigned char c) { return c == '\'' || c == '-' || c == '.'; }

// The classes of text[64 * k, 64 * k + 64): sixteen bytes at a time where the processor can
// and the text has sixty-four, else one at a time.
byte_classes classes_of(std::string_view text, std::size_t k) {
  const std::size_t first = k * 64;
  byte_classes classes;
#if defined(__SSE2__)
  if (first + 64 <= text.size()) {
    for (std::size_t part = 0; part < 4; ++part) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + first + 16 * part));
      const __m128i leads = mark_leads(bytes);
      const __m128i plain = plain_bytes(bytes, leads);
      // '-' and '.' are neighbours: one range test for both.
      const __m128i joints =
          _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\'')), in_range_bytes(bytes, '-', 2));
      const auto bits = [part](__m128i set) {
        return std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(set))} << (16 * part);
      };
      classes.plain |= bits(plain);
      classes.leads |= bits(leads);
      classes.joints |= bits(joints);
    }
    return classes;
  }
#endif
  for (std::size_t i = first; i < text.size() && i < first + 64; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::uint64_t bit = std::uint64_t{1} << (i - first);
    if (is_plain(c)) classes.plain |= bit;
    if (c == static_cast<unsigned char>(marks[0][0])) classes.leads |= bit;
    if (is_joint(c)) classes.joints |= bit;
  }
  return classes;
}

// Where each word of a whole text ends, as word_end finds it: the bytes that continue a word
// (word bytes, and an apostrophe, hyphen or period before one), one bit each. split_clauses
// reads every word of a text: with the bits made sixty-four bytes at a time, a word's end is
// a search for a clear bit, rather than its bytes tested again, run by run and joint by joint.
class word_ends {
 public:
  explicit word_ends(std::string_view text) : text_(text), bits_(text.size() / 64 + 1) {
    // The last of bits_ covers the end of the text, or lies past it: its bits past the text
    // are clear, so that a word always ends. A joint continues a word where a word byte follows
    // it, which may be in the next block: each block is done once the next one's word bytes
    // are known.
    std::uint64_t word = 0;
    std::uint64_t joints = 0;
    for (std::size_t k = 0; k <= bits_.size(); ++k) {
      std::uint64_t next_word = 0;
      std::uint64_t next_joints = 0;
      if (k < bits_.size()) {
        const byte_classes classes = classes_of(text, k);
        next_word = classes.plain;
        next_joints = classes.joints;
        // The first byte of a mark is a word byte where no mark begins with it.
        for (std::uint64_t leads = classes.leads; leads != 0; leads &= leads - 1) {
          const auto at = static_cast<std::size_t>(std::countr_zero(leads));
          if (mark_length(text, k * 64 + at) == 0) next_word |= std::uint64_t{1} << at;
        }
      }
      if (k > 0) bits_[k - 1] = word | (joints & ((word >> 1) | (next_word << 63)));
      word = next_word;
      joints = next_joints;
    }
  }

  // word_end(text, i, end).
  std::size_t word_end(std::size_t i, std::size_t end) const {
    const std::size_t from = i + 1;
    std::size_t k = from / 64;
    // Stops: the bytes that do not continue the word, from `from` on in its block.
    std::uint64_t stops = ~bits_[k] >> (from % 64);
    std::size_t j = end;
    if (stops != 0) {
      j = from + static_cast<std::size_t>(std::countr_zero(stops));
    } else {
      for (++k; k * 64 < end; ++k) {
        stops = ~bits_[k];
        if (stops != 0) {
          j = k * 64 + static_cast<std::size_t>(std::countr_zero(stops));
          break;
        }
      }
    }
    if (j < end) return j;
    // A joint at the end joins nothing: the word byte after it lies past `end`.
    return is_joint(static_cast<unsigned char>(text_[end - 1])) ? end - 1 : end;
  }

 private:
  std::string_view text_;
  std::vector<std::uint64_t> bits_;
};

// The end of the word whose first byte, text[i], is a word byte. Apostrophes, hyphens and
// inner periods join letters: "Tripoli's", "cease-fire", "3.5". run_end(from, end) is
// plain_run_end(text, from, end).
template <typename RunEnd>
std::size_t word_end(std::string_view text, std::size_t i, std::size_t end, const RunEnd& run_end) {
  std::size_t j = i + 1;
  for (;;) {
    j = run_end(j, end);
    if (j == end) return j;
    // The run stops at a mark's first byte, which begins other letters too.
    if (word_byte(text, j)) {
      ++j;
      continue;
    }
    const char c = text[j];
    if (is_joint(static_cast<unsigned char>(c)) && j + 1 < end && word_byte(text, j + 1)) {
      j += 2;
      continue;
    }
    return j;
  }
}

}  // namespace

std::string lower_case(std::string_view text) {
  std::string lower(text);
  // Without a branch, so that the compiler lower-cases many bytes at once.
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 'a' - 'A' : 0));
  });
  return lower;
}

std::vector<word> words_of(std::string_view lower, std::size_t begin, std::size_t end,
                           const event_lexicon& lex) {
  std::vector<word> words;
  if (end > begin) words.reserve((end - begin) / 4 + 1);  // words average over four bytes with their spaces
  add_words(lower, begin, end, lex, words);
  return words;
}

namespace {

// add_words, with ends(i, end) for word_end(lower, i, end, ...).
template <typename WordEnd>
void add_words_by(std::string_view lower, std::size_t begin, std::size_t end, const event_lexicon& lex,
                  std::vector<word>& words, const WordEnd& ends) {
  std::size_t i = begin;
  while (i < end) {
    const char c = lower[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      ++i;
      continue;
    }
    std::size_t j = i;
    if (const std::size_t p = punctuation_length(lower, i); p > 0) {
      j = i + p;
    } else if (word_byte(lower, i)) {
      j = ends(i, end);
    } else {
      j = i + 1;
    }
    const std::string_view w(lower.data() + i, j - i);  // j <= lower.size(): no bounds to check
    const std::uint64_t hash = word_hash_within(w, lower.data() + lower.size());
    words.push_back(word{i, j, w, hash, lex.sections_of(w, hash)});
    i = j;
    // Most words are followed by one space: passed here rather than by a turn of the loop.
    if (i < end && lower[i] == ' ') ++i;
  }
}

}  // namespace

void add_words(std::string_view lower, std::size_t begin, std::size_t end, const event_lexicon& lex,
               std::vector<word>& words) {
  const auto run_end = [lower](std::size_t from, std::size_t to) { return plain_run_end(lower, from, to); };
  add_words_by(lower, begin, end, lex, words,
               [&](std::size_t i, std::size_t to) { return word_end(lower, i, to, run_end); });
}

namespace {

bool is_punctuation(const word& w) {
  if (w.lower.empty()) return false;
  const auto first = static_cast<unsigned char>(w.lower[0]);
  return first < 0x80 ? !alnum(first) : punctuation_length(w.lower, 0) > 0;
}
bool is_dash(const word& w) { return w.lower == "\xe2\x80\x93" || w.lower == "\xe2\x80\x94" || w.lower == "-"; }

// A test of each byte, where find_first_not_of searched the digits and marks for it (memchr).
bool is_number(std::string_view w) {
  return !w.empty() &&
         std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
}

// "The iPod Nano comes in two colors", "the store accounts for 70 %", "it also features a new
// look": a simple present verb in -s, told from a plural noun ("two colors", "of defeats",
// "Government troops retook") by the words around it.
bool present_s(std::span<const word> words, std::size_t i, const event_lexicon& lex) {
  const std::string_view w = words[i].lower;
  if (i == 0 || i + 1 >= words.size() || w.size() < 4 || !w.ends_with('s') || w.ends_with("ss") ||
      w.ends_with("us") || w.ends_with("is") || w.ends_with("'s") || lex.has("not_present_s", words[i]) ||
      // A test of each letter, where find_first_not_of searched the alphabet for it (memchr).
      !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  const std::string_view prev = words[i - 1].lower;
  if (is_punctuation(words[i - 1]) || is_number(prev) || prev.ends_with("'s") || lex.has("determiner", words[i - 1]) ||
      lex.has("not_before_present_s", words[i - 1])) {
    return false;
  }
  return lex.has("after_present_s", words[i + 1]);
}

// The tense a word gives its clause, if it is a verb form that tells: auxiliaries, irregular
// past forms, and "-ed" forms that no determiner makes adjectives.
clause_tense cue_of(std::span<const word> words, std::size_t i, std::string_view text,
                    const event_lexicon& lex) {
  const std::string_view w = words[i].lower;
  const bool listed = lex.lists(words[i]);
  // Most listed words are in none of these sections (determiners, prepositions): they are
  // passed by one test.
  constexpr std::uint64_t tense_sections =
      event_lexicon::bits({"past", "present", "future", "modal", "perfect", "irregular_past"});
  if (lex.has_any(tense_sections, words[i])) {
    if (lex.has("past", words[i])) return clause_tense::past;
    if (lex.has("present", words[i])) return clause_tense::present;
    if (lex.has("future", words[i])) return clause_tense::future;
    if (lex.has("modal", words[i])) return clause_tense::modal;
    if (lex.has("perfect", words[i])) {
      std::size_t k = i + 1;
      while (k < words.size() && lex.has("adverb", words[k])) ++k;
      if (k < words.size() && (lex.has("participle", words[k]) ||
                               (words[k].lower.ends_with("ed") && words[k].lower.size() > 3))) {
        return clause_tense::perfect;
      }
      return clause_tense::present;
    }
    if (lex.has("irregular_past", words[i])) return clause_tense::past;
  }
  const bool lower_case = text[words[i].begin] >= 'a' && text[words[i].begin] <= 'z';
  // std::find rather than find: a call to memchr costs more than the few bytes of a word.
  if (lower_case && w.size() >= 5 && w.ends_with("ed") &&
      std::find(w.begin(), w.end(), '-') == w.end() &&
      (i == 0 || !lex.has("determiner", words[i - 1]))) {
    return clause_tense::past;
  }
  if (listed && lex.has("reporting", words[i]) && w.ends_with('s')) return clause_tense::present;
  if (lower_case && present_s(words, i, lex)) return clause_tense::present;
  return clause_tense::none;
}

// cue, asked of most words of a text: a word no section lists tells a tense only by its
// ending in -ed or -s, and most words have neither, nor a call made for them.
inline clause_tense cue(std::span<const word> words, std::size_t i, std::string_view text,
                        const event_lexicon& lex) {
  const std::string_view w = words[i].lower;
  if (!lex.lists(words[i]) && !w.ends_with('d') && !w.ends_with('s')) return clause_tense::none;
  return cue_of(words, i, text, lex);
}

// The clause's tense: its first verb form that is not a reporting frame's, else the frame's;
// a clause with letters and no telling form is taken as present ("Russia backs Haftar").
// Sets c.tense, c.has_verb and c.verb_from of the clause of `words`.
void read_tense(std::span<const word> words, std::string_view text, const event_lexicon& lex, clause& c) {
  clause_tense frame = clause_tense::none;
  std::size_t lower_words = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto t = cue(words, i, text, lex);
    if (text[words[i].begin] >= 'a' && text[words[i].begin] <= 'z') ++lower_words;
    if (t == clause_tense::none) continue;
    c.verb_from = i;
    if (lex.match("reporting", words, i) > 0) {
      // "Jobs believes that this may ...": a frame in the present tells today's view.
      if (frame == clause_tense::none && t == clause_tense::present) {
        c.has_verb = true;
        c.tense = t;
        return;
      }
      if (frame == clause_tense::none) frame = t;
      continue;
    }
    c.has_verb = true;
    c.tense = t;
    return;
  }
  c.verb_from = words.size();
  c.has_verb = frame != clause_tense::none || lower_words >= 3;
  c.tense = frame != clause_tense::none ? frame : c.has_verb ? clause_tense::present : clause_tense::none;
}

bool starts_with_verb(std::span<const word> words, std::size_t i, std::string_view text, const event_lexicon& lex) {
  for (std::size_t k = i; k < words.size() && k < i + 4; ++k) {
    if (is_punctuation(words[k])) return false;
    const auto t = cue(words, k, text, lex);
    if (t != clause_tense::none && t != clause_tense::present) return true;
    if (t == clause_tense::present) return k > i;  // "and France is": a new subject, a new clause
  }
  return false;
}

// Where clauses begin inside one line of a sentence: indices into `words`, into `at` (a vector
// lent by the caller for all lines, rather than one made for each).
void cuts(std::span<const word> words, std::string_view text, const std::vector<std::size_t>& cut_before,
          const event_lexicon& lex, std::vector<std::size_t>& at) {
  at.assign(1, 0);
  for (std::size_t i = 1; i < words.size(); ++i) {
    const word& prev = words[i - 1];
    const bool after_comma = prev.lower == "," || is_dash(prev);
    bool cut = prev.lower == ";";
    // Most words, listed or not, are in none of the sections that begin a clause: one test.
    constexpr std::uint64_t break_sections =
        event_lexicon::bits({"clause_break_always", "clause_break", "verb_clause_break", "coordinator"});
    if (lex.has_any(break_sections, words[i])) {
      if (lex.has("clause_break_always", words[i])) cut = true;
      if (after_comma && lex.has("clause_break", words[i])) {
        cut = !lex.has("coordinator", words[i]) || starts_with_verb(words, i + 1, text, lex);
      }
      if (after_comma && lex.has("verb_clause_break", words[i])) cut = starts_with_verb(words, i + 1, text, lex);
      if (lex.has("coordinator", words[i]) && !after_comma && i + 1 < words.size()) {
        const auto t = cue(words, i + 1, text, lex);
        cut = cut || t == clause_tense::past || t == clause_tense::perfect;
        // "said that sales rose and that prices fell": a second report.
        cut = cut || lex.has("second_report", words[i + 1]);
      }
    }
    if (after_comma && std::find(cut_before.begin(), cut_before.end(), words[i].begin) != cut_before.end()) cut = true;
    if (cut && at.back() != i) at.push_back(i);
  }
}

// Lines inside a sentence: a line break after a short line (a dateline, a title) ends it.
// Into `lines`, lent by the caller for all sentences.
void lines_of(std::string_view text, std::size_t begin, std::size_t end,
              std::vector<std::pair<std::size_t, std::size_t>>& lines) {
  constexpr std::size_t short_line = 60;
  lines.clear();
  std::size_t from = begin;
  // Line breaks are few: find, rather than a test of every byte, goes from one to the next,
  // within the sentence (a text may have none after it).
  const std::string_view sentence = text.substr(0, end);
  for (std::size_t i = sentence.find('\n', begin); i != std::string_view::npos;
       i = sentence.find('\n', i + 1)) {
    const auto line = text.substr(from, i - from);
    const bool ends_sentence = !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
    if (line.size() <= short_line && !ends_sentence && line.find_first_not_of(" \t\r") != std::string_view::npos) {
      lines.emplace_back(from, i);
      from = i + 1;
    }
  }
  lines.emplace_back(from, end);
}

// Whether `gap` (what lies between two sentences, most often a space or two) holds "\n\n": a
// test of its few bytes, where find searched for the first of them with a call to memchr.
bool has_blank_line(std::string_view gap) {
  for (std::size_t i = 0; i + 1 < gap.size(); ++i) {
    if (gap[i] == '\n' && gap[i + 1] == '\n') return true;
  }
  return false;
}

}  // namespace

text_clauses split_clauses(std::string_view text, std::string_view lower,
                           const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                           const std::vector<std::size_t>& cut_before, const event_lexicon& lex) {
  text_clauses out;
  out.words.reserve(text.size() / 4 + 1);  // words average over four bytes with their spaces
  out.clauses.reserve(sentences.size() * 2);  // sentences have a clause or two
  // Each clause's words in out.words, [first, last): spans are taken once no word is added.
  std::vector<std::pair<std::size_t, std::size_t>> clause_words;
  clause_words.reserve(out.clauses.capacity());
  // Lent to every line: room made once for what most lines need, rather than grown a few
  // times for each text.
  constexpr std::size_t room = 16;
  std::vector<clause> pieces;
  std::vector<std::size_t> piece_first;  // the index in the line's words of each piece's first word
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  std::vector<std::size_t> at;
  pieces.reserve(room);
  piece_first.reserve(room);
  lines.reserve(room);
  at.reserve(room);
  const word_ends ends(lower);  // every word of the text is read: its bytes are tested once
  const auto word_end = [&ends](std::size_t i, std::size_t to) { return ends.word_end(i, to); };
  std::size_t paragraph = 0;
  std::size_t previous_end = 0;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto [begin, end] = sentences[s];
    if (has_blank_line(text.substr(previous_end, begin > previous_end ? begin - previous_end : 0))) ++paragraph;
    previous_end = end;
    lines_of(text, begin, end, lines);
    for (const auto& [line_begin, line_end] : lines) {
      const std::size_t line_first = out.words.size();
      add_words_by(lower, line_begin, line_end, lex, out.words, word_end);
      const auto words = std::span<const word>(out.words).subspan(line_first);
      if (words.empty()) continue;
      cuts(words, text, cut_before, lex, at);
      at.push_back(words.size());
      pieces.clear();
      piece_first.clear();
      for (std::size_t k = 0; k + 1 < at.size(); ++k) {
        const auto part = words.subspan(at[k], at[k + 1] - at[k]);
        clause c;
        c.begin = part.front().begin;
        c.end = part.back().end;
        c.sentence = s;
        c.paragraph = paragraph;
        read_tense(part, text, lex, c);
        // A piece with no verb of its own ("Russia backs Haftar," as far as we can tell, or a
        // frame "according to an official") joins its neighbour rather than stand alone.
        const bool frame = lex.match("reporting", part, 0) > 0 || !c.has_verb;
        // Pieces joined are read anew by their title: their words' forms may read otherwise
        // with neighbours on both sides.
        if (!pieces.empty() && frame && pieces.back().has_verb) {
          pieces.back().end = c.end;
          pieces.back().verb_from = 0;
          continue;
        }
        std::size_t first = at[k];
        if (!pieces.empty() && !pieces.back().has_verb) {
          c.begin = pieces.back().begin;
          c.verb_from = 0;
          first = piece_first.back();
          pieces.pop_back();
          piece_first.pop_back();
        }
        pieces.push_back(c);
        piece_first.push_back(first);
      }
      // The pieces cover the line's words in turn: each takes its own.
      for (std::size_t p = 0; p < pieces.size(); ++p) {
        const std::size_t last = p + 1 < pieces.size() ? piece_first[p + 1] : words.size();
        clause_words.emplace_back(line_first + piece_first[p], line_first + last);
        out.clauses.push_back(pieces[p]);
      }
    }
  }
  for (std::size_t k = 0; k < out.clauses.size(); ++k) {
    const auto [first, last] = clause_words[k];
    out.clauses[k].words = std::span<const word>(out.words).subspan(first, last - first);
  }
  return out;
}

bool has_past_form(std::string_view text, std::string_view lower, std::size_t begin, std::size_t end,
                   const event_lexicon& lex) {
  const auto words = words_of(lower, begin, end, lex);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (cue(words, i, text, lex) == clause_tense::past) return true;
  }
  return false;
}

std::string clause_title(std::string_view text, const clause& c, std::size_t skip_begin, std::size_t skip_end,
                         const event_lexicon& lex) {
  constexpr std::size_t max_words = 9;
  const std::span<const word> words = c.words;
  // The sections of words that begin a clause, and so neither a title nor its subject.
  constexpr std::uint64_t break_sections = event_lexicon::bits({"clause_break", "clause_break_always"});
  std::size_t s = 0;
  while (s < words.size() && (is_punctuation(words[s]) || lex.has_any(break_sections, words[s]))) ++s;
  // "According to an official, ..." and "The official said that ...": the report, not its frame.
  if (words.size() > s + 1 && lex.match("reporting", words, s) > 1) {
    while (s < words.size() && words[s].lower != ",") ++s;
    ++s;
  }
  // "X said that ...", "X told Y: ...", "which officials said could ...": what was said.
  const std::size_t report_end = std::min(words.empty() ? 0 : words.size() - 1, s + 10);
  for (std::size_t i = s; i < report_end; ++i) {
    if (lex.match("reporting", words, i) != 1) continue;
    std::size_t k = i + 1;
    while (k < words.size() && k < i + 4 && words[k].lower != ":") ++k;
    if (k < words.size() && words[k].lower == ":") {
      s = k + 1;
    } else if (lex.has("reported_clause", words[i + 1])) {
      s = i + 2;
    } else if (cue(words, i + 1, text, lex) != clause_tense::none) {
      s = i + 1;
    } else {
      continue;
    }
    break;
  }
  std::size_t verb = words.size();
  for (std::size_t i = std::max(s, c.verb_from); i < words.size(); ++i) {
    if (cue(words, i, text, lex) != clause_tense::none && lex.match("reporting", words, i) == 0) {
      verb = i;
      break;
    }
  }
  if (verb == words.size()) verb = s;
  // The subject: whole when short, else its last two words ("... Emmanuel Macron called").
  std::size_t from = verb;
  auto part_of_subject = [&](std::size_t k) {
    return !is_punctuation(words[k]) && !lex.has_any(break_sections, words[k]);
  };
  while (from > s && verb - from < 2 && part_of_subject(from - 1)) --from;
  if (verb - s <= 5 && std::all_of(words.begin() + static_cast<std::ptrdiff_t>(s),
                                   words.begin() + static_cast<std::ptrdiff_t>(verb),
                                   [&](const word& w) { return !is_punctuation(w); })) {
    from = s;
  }
  // The title's words, chosen first and written once: a title cut short loses its last words
  // as words, which the lexicon has read already.
  std::array<const word*, max_words> kept{};
  std::size_t count = 0;
  // Words are never empty: an empty range skips none, as it does for most clauses, which have
  // no expression of their own. Asked first, so that their words are not tested against it.
  const bool skips = skip_end > skip_begin;
  auto skipped = [&](const word& w) { return skips && w.begin >= skip_begin && w.end <= skip_end; };
  for (std::size_t i = from; i < words.size() && count < max_words; ++i) {
    const word& w = words[i];
    if (skipped(w)) continue;
    if (i + 1 < words.size() && skipped(words[i + 1]) && lex.has("timex_preposition", w)) continue;
    // Punctuation is left out: quotes anywhere, other marks before the verb. Other marks after
    // it end the title. (Asked once a word: most words are none.)
    if (is_punctuation(w)) {
      if (w.lower == "\"" || w.lower == "\xe2\x80\x9c" || w.lower == "\xe2\x80\x9d" || i <= verb) continue;
      break;
    }
    if (i > verb &&
        (lex.has("clause_break_always", w) || (count >= 3 && lex.has("title_conjunction", w)) ||
         (lex.has("clause_break", w) && !lex.has("coordinator", w)))) {
      break;
    }
    kept[count++] = &w;
  }
  // A title cut short ends on a word, not on "in" or "the".
  auto weak_end = [&](const word& w) {
    return lex.has_any(event_lexicon::bits({"timex_preposition", "determiner", "weak_title_end"}), w);
  };
  while (count > 1 && weak_end(*kept[count - 1])) --count;
  std::size_t size = count > 0 ? count - 1 : 0;  // the spaces between
  for (std::size_t k = 0; k < count; ++k) size += kept[k]->end - kept[k]->begin;
  // Written in place into a title of its final size: appending each word tested the
  // capacity and grew the string.
  // Most kept words follow one another in the text with one space between, as the title has
  // them: each run of such words is copied at once, rather than word by word.
  std::string title(size, ' ');
  char* out = title.data();
  for (std::size_t k = 0; k < count;) {
    if (k > 0) ++out;  // the space between
    std::size_t last = k;
    while (last + 1 < count && kept[last + 1]->begin == kept[last]->end + 1 && text[kept[last]->end] == ' ') {
      ++last;
    }
    const std::size_t length = kept[last]->end - kept[k]->begin;
    std::memcpy(out, text.data() + kept[k]->begin, length);
    out += length;
    k = last + 1;
  }
  return title;
}

}  // namespace chronicle::detail
