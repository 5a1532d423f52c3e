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

// FNV-1a: short words hash in a few instructions each byte.
constexpr std::uint64_t word_hash(std::string_view word) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

template <typename Value>
class word_map {
 public:
  // The value of `word`, whose word_hash is `hash`, or nullptr.
  const Value* find(std::string_view word, std::uint64_t hash) const {
    const std::size_t item = item_of(word, hash);
    return item == 0 ? nullptr : &items_[item - 1].second;
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
    if (const std::size_t item = item_of(word, hash); item != 0) return {items_[item - 1].second, false};
    if ((items_.size() + 1) * 2 > slots_.size()) grow();
    items_.emplace_back(std::string(word), Value{});
    place(hash, items_.size());
    return {items_.back().second, true};
  }
  Value& operator[](std::string_view word) { return try_emplace(word).first; }

  std::size_t size() const { return items_.size(); }

 private:
  struct slot {
    std::uint64_t hash = 0;
    std::size_t item = 0;  // index into items_ plus one; 0 for an empty slot
  };

  std::size_t mask() const { return slots_.size() - 1; }

  std::size_t item_of(std::string_view word, std::uint64_t hash) const {
    if (slots_.empty()) return 0;
    for (std::size_t i = hash & mask(); slots_[i].item != 0; i = (i + 1) & mask()) {
      if (slots_[i].hash == hash && items_[slots_[i].item - 1].first == word) return slots_[i].item;
    }
    return 0;
  }

  void place(std::uint64_t hash, std::size_t item) {
    std::size_t i = hash & mask();
    while (slots_[i].item != 0) i = (i + 1) & mask();
    slots_[i] = slot{hash, item};
  }

  // Doubles the slots (kept at most half full, a power of two) and places every word again.
  void grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, slot{});
    for (std::size_t k = 0; k < items_.size(); ++k) place(word_hash(items_[k].first), k + 1);
  }

  std::vector<slot> slots_;
  std::deque<std::pair<std::string, Value>> items_;  // a deque: values never move
};

}  // namespace chronicle::detail
