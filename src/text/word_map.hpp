#pragma once
// A map from words to values, for the lookups made for nearly every token of a text. The
// tokenizer hashes each token's word as it lower-cases it (word_hash), so that a token is
// looked up in any number of word tables without hashing it again; the table itself is open
// addressing over those hashes, which costs far less per lookup than std::unordered_map.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronicle::detail {

// FNV-1a: short words hash in a few instructions each byte. A word may be hashed as it is
// made, a byte at a time: word_hash_step(word_hash_start, c) and so on.
constexpr std::uint64_t word_hash_start = 14695981039346656037ULL;
constexpr std::uint64_t word_hash_step(std::uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
}
constexpr std::uint64_t word_hash(std::string_view word) {
  std::uint64_t h = word_hash_start;
  for (const char c : word) h = word_hash_step(h, c);
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

 private:
  using item = std::pair<std::string, Value>;
  struct slot {
    std::uint64_t hash = 0;
    item* word = nullptr;  // nullptr for an empty slot
  };

  std::size_t mask() const { return slots_.size() - 1; }

  // Words are short: compared here rather than through a call to memcmp.
  static bool same(const std::string& a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < b.size(); ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
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
