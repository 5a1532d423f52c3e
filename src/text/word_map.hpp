#pragma once
// A map from words to values, for the lookups made for nearly every token of a text. The
// tokenizer hashes each token's word as it lower-cases it (word_hash), so that a token is
// looked up in any number of word tables without hashing it again; the table itself is open
// addressing over those hashes, which costs far less per lookup than std::unordered_map.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronicle::detail {

// Words are hashed eight bytes at a time: each chunk, read first byte lowest and zero-padded
// past the word's end, is mixed in with a multiply, then the length. (FNV-1a, a byte at a time,
// cost the tokenizer a multiply a byte, each waiting on the last.)
constexpr std::uint64_t word_hash_mix(std::uint64_t h, std::uint64_t chunk) {
  h = (h ^ chunk) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

// A word's first eight bytes as one number, first byte lowest and zero past the word's end:
// a chunk of word_hash, and the whole of a word of eight bytes or less.
constexpr std::uint64_t word_head(std::string_view word) {
  std::uint64_t head = 0;
  for (std::size_t k = 0; k < 8 && k < word.size(); ++k) {
    head |= std::uint64_t{static_cast<unsigned char>(word[k])} << (8 * k);
  }
  return head;
}

// A word is hashed as two chunks at least, the second zero for a word of eight bytes or
// less: the tokenizer hashes any word of up to sixteen bytes from its registers alike,
// without choosing between one chunk and two.
constexpr std::uint64_t word_hash(std::string_view word) {
  std::uint64_t h = word_hash_mix(word.size(), word_head(word));
  if (word.size() <= 8) return word_hash_mix(h, 0);
  for (std::size_t i = 8; i < word.size(); i += 8) h = word_hash_mix(h, word_head(word.substr(i)));
  return h;
}

// Whether two words of `length` bytes with equal word_hash values are the same word by that
// alone. A word of eight bytes or less is hashed as word_hash_mix(word_hash_mix(length,
// chunk), 0), whose steps (an xor, a multiply by an odd number, an xor-shift) are each one to
// one: two such words of one length with equal hashes are the same word. Only longer words
// need their bytes compared, and most words are not longer.
constexpr bool hash_tells_word(std::size_t length) {
  return length <= 8;
}

// word_head(word), read at once where the eight bytes from the word's start may be read, up to
// `readable_end`: for the scans that read every word of a text.
inline std::uint64_t word_head_within(std::string_view word, const char* readable_end) {
  if (std::endian::native != std::endian::little || readable_end - word.data() < 8) {
    return word_head(word);
  }
  std::uint64_t chunk = 0;
  std::memcpy(&chunk, word.data(), 8);
  return word.size() >= 8 ? chunk : chunk & ((std::uint64_t{1} << (8 * word.size())) - 1);
}

// word_hash(word), each chunk read at once where it may be (word_head_within). Most words are
// eight bytes or less: their head is all there is to read, the second chunk being zero.
inline std::uint64_t word_hash_within(std::string_view word, const char* readable_end) {
  std::uint64_t h = word_hash_mix(word.size(), word_head_within(word, readable_end));
  if (word.size() <= 8) return word_hash_mix(h, 0);
  for (std::size_t i = 8; i < word.size(); i += 8) {
    h = word_hash_mix(h, word_head_within(word.substr(i), readable_end));
  }
  return h;
}

template <typename Value>
class word_map {
 public:
  word_map() = default;
  // Slots point into items_, so a copy places its own words again; a move keeps them in place.
  word_map(const word_map& other) : items_(other.items_) { grow(); }
  word_map& operator=(const word_map& other) {
    if (this != &other) *this = word_map(other);
    return *this;
  }
  word_map(word_map&&) noexcept = default;
  word_map& operator=(word_map&&) noexcept = default;
  ~word_map() = default;

  // The value of `word`, whose word_hash is `hash`, or nullptr.
  const Value* find(std::string_view word, std::uint64_t hash) const {
    const item* found = item_of(word, hash);
    return found == nullptr ? nullptr : &found->second;
  }
  const Value* find(std::string_view word) const { return find(word, word_hash(word)); }

  const Value& at(std::string_view word) const {
    const Value* value = find(word);
    if (value == nullptr) throw std::out_of_range("word_map: no " + std::string(word));
    return *value;
  }

  // The value of `word`, added value-initialized if new (then .second is true). References to
  // values stay valid as words are added.
  std::pair<Value&, bool> try_emplace(std::string_view word) {
    const std::uint64_t hash = word_hash(word);
    if (item* found = item_of(word, hash)) return {found->second, false};
    if ((items_.size() + 1) * 2 > slots_.size()) grow();
    items_.emplace_back(std::string(word), Value{});
    place(hash, &items_.back());
    return {items_.back().second, true};
  }
  Value& operator[](std::string_view word) { return try_emplace(word).first; }

  std::size_t size() const { return items_.size(); }

  // Calls visit(word, value) for every word, in the order the words were added.
  template <typename Visit>
  void for_each(Visit visit) {
    for (item& word : items_) visit(std::as_const(word.first), word.second);
  }
  template <typename Visit>
  void for_each(Visit visit) const {
    for (const item& word : items_) visit(word.first, word.second);
  }

 private:
  using item = std::pair<std::string, Value>;
  struct slot {
    std::uint64_t hash = 0;
    item* word = nullptr;  // nullptr for an empty slot
  };

  std::size_t mask() const { return slots_.size() - 1; }

  // Whether `a` is `b`, given that their hashes are equal (hash_tells_word).
  static bool same(const std::string& a, std::string_view b) {
    return a.size() == b.size() &&
           (hash_tells_word(b.size()) || std::equal(a.begin(), a.end(), b.begin()));
  }

  item* item_of(std::string_view word, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask(); slots_[i].word != nullptr; i = (i + 1) & mask()) {
      if (slots_[i].hash == hash && same(slots_[i].word->first, word)) return slots_[i].word;
    }
    return nullptr;
  }

  void place(std::uint64_t hash, item* word) {
    std::size_t i = hash & mask();
    while (slots_[i].word != nullptr) i = (i + 1) & mask();
    slots_[i] = slot{hash, word};
  }

  // Doubles the slots (kept at most half full, a power of two) and places every word again.
  void grow() {
    std::size_t size = slots_.empty() ? 16 : slots_.size() * 2;
    while (size < items_.size() * 2) size *= 2;
    slots_.assign(size, slot{});
    for (item& word : items_) place(word_hash(word.first), &word);
  }

  std::vector<slot> slots_;
  std::deque<item> items_;  // a deque: words and values never move
};

}  // namespace chronicle::detail
