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
#include <limits>
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

// What a word_map's slot keeps of a word's hash: its top bits, the low ones choosing the slot.
constexpr std::uint16_t word_tag(std::uint64_t hash) {
  return static_cast<std::uint16_t>(hash >> 48);
}

template <typename Value>
class word_map {
 public:
  word_map() = default;
  // entries_ point into items_, so a copy points its own at its own items; a move keeps them
  // in place.
  word_map(const word_map& other)
      : tags_(other.tags_),
        numbers_(other.numbers_),
        items_(other.items_),
        entries_(other.entries_) {
    for (std::size_t number = 1; number < entries_.size(); ++number) {
      entries_[number].value = &items_[number - 1].second;
    }
  }
  word_map& operator=(const word_map& other) {
    if (this != &other) *this = word_map(other);
    return *this;
  }
  word_map(word_map&&) noexcept = default;
  word_map& operator=(word_map&&) noexcept = default;
  ~word_map() = default;

  // The value of `word`, whose word_hash is `hash`, or nullptr.
  //
  // About half a text's words are in the pack's table, as chance has it: a branch on whether
  // a slot is empty, or on whether its word matches, is mispredicted half the time, and that
  // cost the lookup of a text's tokens three quarters of its time. So find reads the window's
  // four tags as one number and takes the first that is the hash's by arithmetic, without a
  // branch; the number in that slot picks the word's entry, which tells it by its whole hash
  // (entries_[0] is none). Only a word longer than hash_tells_word has its bytes compared.
  const Value* find(std::string_view word, std::uint64_t hash) const {
    if (tags_.empty()) return nullptr;
    const std::size_t home = hash & mask();
    const std::uint64_t differ = window_tags(home) ^ (word_tag(hash) * lane_ones);
    // The lowest lane that is zero sets the lowest bit here: a borrow may only set bits above.
    const std::uint64_t zero_lanes = (differ - lane_ones) & ~differ & (lane_ones << 15);
    // The nearest slot of this tag (see place), or with none the window's last, whose word
    // is then not this hash's. (The top bit spares a test for none.)
    const std::size_t nearest =
        static_cast<std::size_t>(std::countr_zero(zero_lanes | 1ULL << 63)) / 16;
    std::uint32_t number = numbers_[home + nearest];
    const entry& candidate = entries_[number];
    const bool same = (candidate.hash == hash) & (candidate.length == word.size());
    number &= 0U - std::uint32_t{same};
    if (!hash_tells_word(word.size()) && number != 0 && items_[number - 1].first != word)
      number = 0;
    return entries_[number].value;
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
    // entries_ point at the map's own values, which only find shows as const.
    if (const Value* found = find(word, hash)) return {const_cast<Value&>(*found), false};
    if (items_.size() == std::numeric_limits<std::uint16_t>::max()) {
      throw std::length_error("word_map: more words than a slot can number");
    }
    items_.emplace_back(std::string(word), Value{});
    entries_.push_back(entry{hash, word.size(), &items_.back().second});
    if (items_.size() * 2 > capacity() || !place(items_.size())) grow();
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
  // A word by its number: what find checks the word of a slot by, and the value it returns.
  struct entry {
    std::uint64_t hash = 0;
    std::size_t length = 0;
    Value* value = nullptr;
  };

  // How far from its hash's own slot a word may stand, counted in slots, all of which find
  // reads: four tags of 16 bits. A table kept at most half full seldom needs more.
  static constexpr std::size_t probe_window = 4;
  static constexpr std::uint64_t lane_ones = 0x0001'0001'0001'0001;  // 1 in each tag's lane
  static_assert(probe_window * 16 == 64, "find reads a window's tags as one 64-bit number");

  // Slots a hash may start its window at: a power of two. The window of the last runs on
  // into probe_window - 1 slots more.
  std::size_t capacity() const { return tags_.empty() ? 0 : tags_.size() - (probe_window - 1); }
  std::size_t mask() const { return capacity() - 1; }

  // The tags of the window from slot `home`, the first in the lowest bits.
  std::uint64_t window_tags(std::size_t home) const {
    std::uint64_t tags = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&tags, tags_.data() + home, sizeof tags);
    } else {
      for (std::size_t k = 0; k < probe_window; ++k)
        tags |= std::uint64_t{tags_[home + k]} << (16 * k);
    }
    return tags;
  }

  // Puts word `number` in the first empty slot of its hash's window; false if there is none,
  // or if a word before it in the window has its tag, which would hide it from find.
  bool place(std::size_t number) {
    const entry& word = entries_[number];
    const std::size_t home = word.hash & mask();
    const std::uint16_t tag = word_tag(word.hash);
    for (std::size_t slot = home; slot < home + probe_window; ++slot) {
      if (numbers_[slot] == 0) {
        tags_[slot] = tag;
        numbers_[slot] = static_cast<std::uint16_t>(number);
        return true;
      }
      if (tags_[slot] == tag) return false;
    }
    return false;
  }

  // Doubles the slots (kept at most half full) until every word finds room in its window.
  void grow() {
    std::size_t size = std::max<std::size_t>(16, capacity() * 2);
    while (size < items_.size() * 2) size *= 2;
    for (;; size *= 2) {
      tags_.assign(size + probe_window - 1, 0);
      numbers_.assign(size + probe_window - 1, 0);
      bool placed = true;
      for (std::size_t number = 1; placed && number <= items_.size(); ++number)
        placed = place(number);
      if (placed) return;
    }
  }

  // A slot is four bytes, a tag of its word's hash and the word's number (its place in
  // items_, counted from 1; 0 for an empty slot), kept in two lists: the English pack's first
  // words take 8 KB of slots, a quarter of the processor's first cache, and a window's tags
  // are one 64-bit number.
  std::vector<std::uint16_t> tags_;
  std::vector<std::uint16_t> numbers_;
  std::deque<item> items_;  // a deque: words and values never move
  std::vector<entry> entries_ = {entry{}};  // by number: entries_[n] is items_[n - 1]
};

}  // namespace chronicle::detail
