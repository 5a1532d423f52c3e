#include "text/tokenize.hpp"

#include <array>

namespace chronicle::detail {
namespace {

// Byte classes, looked up rather than compared: the tokenizer reads every byte of a text.
enum byte_class : unsigned char { other = 0, letter = 1, digit = 2, space = 4 };
constexpr std::array<unsigned char, 256> byte_classes = [] {
  std::array<unsigned char, 256> classes{};
  for (std::size_t c = 0; c < classes.size(); ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) classes[c] = letter;
    if (c >= '0' && c <= '9') classes[c] = digit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') classes[c] = space;
  }
  return classes;
}();

bool is_ascii_alpha(unsigned char c) { return byte_classes[c] == letter; }
bool is_alnum(unsigned char c) { return (byte_classes[c] & (letter | digit)) != 0; }
bool is_space(unsigned char c) { return byte_classes[c] == space; }

// Length of the UTF-8 sequence starting with `lead`; 1 for anything malformed so that the
// tokenizer always advances (input is validated before it gets here).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
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
    if (byte_classes[static_cast<unsigned char>(word[k])] != digit) return false;
  }
  const char a = static_cast<char>(word[word.size() - 2] | 0x20);
  const char m = static_cast<char>(word[word.size() - 1] | 0x20);
  return (a == 'a' || a == 'p') && m == 'm';
}

// Lower case, with typographic apostrophes and dashes folded to ASCII so that the language
// pack need not list "New Year’s Day" twice, and its hash. Written in place, and hashed as
// it is written: tokenizing is on every path.
void fold_into(token& t, std::string_view raw) {
  if (raw.size() == 3 && raw[0] == '\xe2') {  // U+2000..U+2FFF, where these marks are
    if (raw == "\u2019" || raw == "\u2018") {
      t.lower = "'";
      t.hash = word_hash(t.lower);
      return;
    }
    if (raw == "\u2013" || raw == "\u2014") {
      t.lower = "-";
      t.hash = word_hash(t.lower);
      return;
    }
  }
  t.lower.resize(raw.size());
  std::uint64_t hash = word_hash_start;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const char ch = raw[k];
    t.lower[k] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    hash = word_hash_step(hash, t.lower[k]);
  }
  t.hash = hash;
}

}  // namespace

std::vector<token> tokenize(std::string_view text) {
  std::vector<token> tokens;
  tokens.reserve(text.size() / 4 + 1);
  bool space = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_space(c)) {
      space = true;
      ++i;
      continue;
    }
    token& t = tokens.emplace_back();
    t.begin = i;
    t.space_before = space;
    space = false;
    if (is_alnum(c) || is_latin_letter(text, i)) {
      bool letters = false;
      while (i < text.size()) {
        const auto d = static_cast<unsigned char>(text[i]);
        if (is_alnum(d)) {
          letters = letters || is_ascii_alpha(d);
          ++i;
        } else if (is_latin_letter(text, i)) {
          letters = true;
          i += 2;
        } else {
          break;
        }
      }
      if (letters && clock_with_suffix(text.substr(t.begin, i - t.begin))) {
        i -= 2;
        letters = false;
      }
      t.kind = letters ? token_kind::word : token_kind::number;
      // Latin-1 capitals (U+00C0..U+00DE, "É") are encoded C3 80..C3 9E.
      const bool latin_capital = c == 0xC3 && t.begin + 1 < text.size() &&
                                 static_cast<unsigned char>(text[t.begin + 1]) <= 0x9E;
      t.capitalized = (c >= 'A' && c <= 'Z') || latin_capital;
    } else if (c < 0x80) {
      t.kind = token_kind::punct;
      ++i;
    } else {
      t.kind = token_kind::other;
      i += sequence_length(c);
      if (i > text.size()) i = text.size();
    }
    t.end = i;
    fold_into(t, text.substr(t.begin, t.end - t.begin));
  }
  return tokens;
}

}  // namespace chronicle::detail
