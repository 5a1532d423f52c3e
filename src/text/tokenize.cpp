#include "text/tokenize.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include "text/bytes16.hpp"

namespace chronicle::detail {
namespace {

// Byte classes, looked up rather than compared: the tokenizer reads every byte of a text.
enum byte_class : unsigned char { other = 0, letter = 1, digit = 2, space = 4, upper = 8 };
constexpr std::array<unsigned char, 256> byte_classes = [] {
  std::array<unsigned char, 256> classes{};
  for (std::size_t c = 0; c < classes.size(); ++c) {
    if (c >= 'a' && c <= 'z') classes[c] = letter;
    if (c >= 'A' && c <= 'Z') classes[c] = letter | upper;
    if (c >= '0' && c <= '9') classes[c] = digit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') classes[c] = space;
  }
  return classes;
}();

unsigned char class_of(char c) { return byte_classes[static_cast<unsigned char>(c)]; }

// Length of the UTF-8 sequence starting with `lead`; 1 for anything malformed so that the
// tokenizer always advances (input is validated before it gets here).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Where the run of ASCII letters and digits at text[from] ends; whether it has letters, digits
// or both is or'ed into `classes`. A byte at a time: most words are read by read_short_word.
std::size_t ascii_run_end(std::string_view text, std::size_t from, unsigned char& classes) {
  std::size_t i = from;
  for (; i < text.size(); ++i) {
    const unsigned char d = class_of(text[i]);
    if ((d & (letter | digit)) == 0) break;
    classes |= d & (letter | digit);
  }
  return i;
}

// Latin letters with diacritics (U+00C0..U+024F) belong inside words: "Élysée", "Türkiye".
bool is_latin_letter(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0xC3 || lead > 0xC9 || i + 1 >= text.size()) return false;
  return lead != 0xC3 || static_cast<unsigned char>(text[i + 1]) != 0x97;  // not U+00D7 (x)
}

// "9am", "10PM": a clock's number with its "am" or "pm" written on, which is two tokens, as
// "9 am" is (the pack's patterns then read both alike). Ordinals ("26th") and decades
// ("1990s") stay whole.
bool clock_with_suffix(std::string_view word) {
  if (word.size() < 3 || word.size() > 4) return false;
  for (std::size_t k = 0; k + 2 < word.size(); ++k) {
    if (class_of(word[k]) != digit) return false;
  }
  const char a = static_cast<char>(word[word.size() - 2] | 0x20);
  const char m = static_cast<char>(word[word.size() - 1] | 0x20);
  return (a == 'a' || a == 'p') && m == 'm';
}

struct word_extent {
  std::size_t end = 0;
  token_kind kind = token_kind::word;
};

// The end and kind of the word at [begin, end), whose bytes include letters, digits or both:
// a word or a number. A clock's "am" written on is left out of it. (Declared inline: without
// the hint GCC calls it out of line from its two callers, which costs a call for every word.)
inline word_extent word_kind(std::string_view text, std::size_t begin, std::size_t end,
                             bool letters, bool digits) {
  if (letters && digits && clock_with_suffix(text.substr(begin, end - begin))) {
    return {end - 2, token_kind::number};
  }
  return {end, letters ? token_kind::word : token_kind::number};
}

// Typographic apostrophes and dashes read as ASCII ones, so that the language pack need not
// list "New Year’s Day" twice.
std::string_view folded_mark(std::string_view raw) {
  if (raw == "\u2019" || raw == "\u2018") return "'";
  if (raw == "\u2013" || raw == "\u2014") return "-";
  return raw;
}

// Where words are lower-cased: the list's buffer, a chunk longer than the text
// so that hashing may read a chunk past any word in it (word_hash_within).
struct lowered_copies {
  char* next;
  const char* end;
};

#if defined(__SSE2__) && defined(__x86_64__)
// word_hash of the word of `length` bytes (1 to 16) that starts `block`, read from registers:
// two chunks, as word_hash reads any word of up to sixteen bytes.
std::uint64_t word_hash_of_block(__m128i block, std::size_t length) {
  // The mask of the word's bytes is read from sixteen ones and sixteen zeros, `length` ones
  // in: one load, where comparing each byte's index with the length takes several steps.
  static constexpr std::array<char, 32> ones_then_zeros = [] {
    std::array<char, 32> bytes{};
    std::fill_n(bytes.begin(), 16, '\xff');
    return bytes;
  }();
  const __m128i in_word =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(ones_then_zeros.data() + 16 - length));
  const __m128i word = _mm_and_si128(block, in_word);  // zero-padded, as word_hash reads it
  const auto head = static_cast<std::uint64_t>(_mm_cvtsi128_si64(word));
  const auto rest = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(word, word)));
  return word_hash_mix(word_hash_mix(length, head), rest);
}

// Reads the word at t.begin from the sixteen bytes there, as most words can be read: its kind,
// end, lower-cased copy and hash, the bytes loaded once. Returns false, having set nothing,
// where the sixteen bytes are not all in the text, or do not hold the whole word (it is longer,
// or goes on after a Latin letter). (Declared inline: tokenize calls it twice, and GCC would
// otherwise call it out of line, for every word.)
inline bool read_short_word(std::string_view text, token& t, lowered_copies& copies) {
  if (text.size() - t.begin < 16) return false;
  const char* const word = text.data() + t.begin;
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(word));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i letter_bytes = in_range_bytes(_mm_or_si128(bytes, case_bit), 'a', 26);
  const auto letters = static_cast<unsigned>(_mm_movemask_epi8(letter_bytes));
  const unsigned digits = in_range(bytes, '0', 10);
  // The bits past the sixteenth are set in ~(letters | digits): 16 if the run fills the bytes.
  const auto length = static_cast<unsigned>(std::countr_zero(~(letters | digits)));
  if (length == 0 || length == 16) return false;
  // A Latin letter is two bytes over 0x7F: the bytes' sign bits, one step, pass by the ASCII
  // byte that ends most words without reading it again.
  const auto non_ascii = static_cast<unsigned>(_mm_movemask_epi8(bytes));
  if (((non_ascii >> length) & 1) != 0 && is_latin_letter(text, t.begin + length)) return false;
  // The word has letters (digits) if its first comes before its end.
  const bool has_letters = static_cast<unsigned>(std::countr_zero(letters)) < length;
  const bool has_digits = static_cast<unsigned>(std::countr_zero(digits)) < length;
  const word_extent extent = word_kind(text, t.begin, t.begin + length, has_letters, has_digits);
  const std::size_t word_length = extent.end - t.begin;
  // Every word is copied lower-cased, with capitals or not: whether a word has capitals is as
  // good as a coin toss for the processor to guess, and the copy costs one store. The copy of a
  // word is at most as far into `copies` as the word is into the text, so sixteen bytes fit.
  // The token is written after the copy, from values at hand: a store through a char pointer
  // may alias the token, and would have the compiler read back any field written before it.
  // Setting the case bit of every letter lower-cases the capitals and leaves the rest: the
  // letters found above serve, with no test for capitals. (Bytes past the word are copied
  // too, and may change; they are no part of the word, and the next copy writes over them.)
  const __m128i lowered = _mm_or_si128(bytes, _mm_and_si128(letter_bytes, case_bit));
  char* const copy = copies.next;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(copy), lowered);
  copies.next = copy + word_length;
  t.end = extent.end;
  t.kind = extent.kind;
  t.lower = std::string_view(copy, word_length);
  t.hash = word_hash_of_block(lowered, word_length);
  return true;
}
#endif

// The token's lower-cased word, a copy of `raw` (a word of the text) in `copies`, and its hash,
// a byte at a time: for the words read_short_word does not read.
void set_lower(token& t, std::string_view raw, lowered_copies& copies) {
  for (std::size_t k = 0; k < raw.size(); ++k) {
    copies.next[k] =
        (class_of(raw[k]) & upper) != 0 ? static_cast<char>(raw[k] - 'A' + 'a') : raw[k];
  }
  t.lower = std::string_view(copies.next, raw.size());
  copies.next += raw.size();
  t.hash = word_hash_within(t.lower, copies.end);
}

}  // namespace

token_list tokenize(std::string_view text) {
  token_list list;
  // The copies take no more room than the text itself, and a chunk word_hash_within may read.
  constexpr std::size_t chunk = 8;
  list.lowered = std::make_unique_for_overwrite<char[]>(text.size() + chunk);
  std::fill_n(list.lowered.get() + text.size(), chunk, '\0');
  lowered_copies copies{list.lowered.get(), list.lowered.get() + text.size() + chunk};
  const char* const text_end = text.data() + text.size();
  std::vector<token>& tokens = list.tokens;
  tokens.reserve(text.size() / 4 + 1);
  bool after_space = true;
  bool after_line_break = true;
  int line_breaks = 0;  // in the whitespace since the last token, counted up to two
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const unsigned char first_class = class_of(text[i]);
    if (first_class == space) {
      after_space = true;
      if (c == '\n') {
        after_line_break = true;
        line_breaks = std::min(line_breaks + 1, 2);
      }
      ++i;
      continue;
    }
    // A word's token may be followed by more read with it, below: `word` is the last of them
    // (and `t`, the first, is no longer used once more are appended).
    token* word = &tokens.emplace_back();
    token& t = *word;
    t.begin = i;
    t.space_before = after_space;
    t.line_start = after_line_break;
    t.blank_line_before = line_breaks == 2;
    after_space = false;
    after_line_break = false;
    line_breaks = 0;
    if ((first_class & (letter | digit)) != 0 || is_latin_letter(text, i)) {
      // Latin-1 capitals (U+00C0..U+00DE, "É") are encoded C3 80..C3 9E.
      const bool latin_capital = c == 0xC3 && t.begin + 1 < text.size() &&
                                 static_cast<unsigned char>(text[t.begin + 1]) <= 0x9E;
      t.capitalized = (first_class & upper) != 0 || latin_capital;
#if defined(__SSE2__) && defined(__x86_64__)
      // Words one space apart, as most are, are read one after another here: the flags of
      // each after the first are known (a space before, no line break), and the round of the
      // loop for the space and the next word's first byte is saved.
      bool read = read_short_word(text, *word, copies);
      while (read) {
        i = word->end;  // a short word ends within its sixteen bytes: text[i] is in the text
        if (text[i] != ' ') break;
        after_space = true;
        ++i;
        const unsigned char next_class = i < text.size() ? class_of(text[i]) : 0;
        if ((next_class & (letter | digit)) == 0) break;
        word = &tokens.emplace_back();
        word->begin = i;
        word->space_before = true;
        word->capitalized = (next_class & upper) != 0;
        after_space = false;
        read = read_short_word(text, *word, copies);
      }
      if (read) continue;
#endif
      // The word at i, as read_short_word does not read it.
      unsigned char classes = 0;  // of the word's ASCII bytes, or'ed
      for (;;) {  // runs of ASCII letters and digits, joined by Latin letters
        i = ascii_run_end(text, i, classes);
        if (i >= text.size() || !is_latin_letter(text, i)) break;
        classes |= letter;
        i += 2;
      }
      const word_extent extent =
          word_kind(text, word->begin, i, (classes & letter) != 0, (classes & digit) != 0);
      word->kind = extent.kind;
      word->end = i = extent.end;
      set_lower(*word, text.substr(word->begin, word->end - word->begin), copies);
      continue;
    }
    if (c < 0x80) {
      t.kind = token_kind::punct;
      t.end = ++i;
      t.lower = std::string_view(text.data() + t.begin, 1);
      t.hash = word_hash_within(t.lower, text_end);
      if (i < text.size() && text[i] == ' ') {  // as after a short word: ", ", ". "
        after_space = true;
        ++i;
      }
      continue;
    }
    t.kind = token_kind::other;
    t.end = i = std::min(i + sequence_length(c), text.size());
    t.lower = folded_mark(text.substr(t.begin, t.end - t.begin));  // a mark may be folded to a literal
    t.hash = word_hash(t.lower);
  }
  return list;
}

}  // namespace chronicle::detail
