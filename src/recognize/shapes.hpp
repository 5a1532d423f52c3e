#pragma once
// Built-in classes that recognize tokens by their shape rather than from a word table:
// years (`year_exact`: not a round hundred), days of the month, clock times, counts written in digits or words.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/tokenize.hpp"

namespace chronicle::detail {

struct language_pack;

bool is_shape(std::string_view name);

// (tokens consumed, captured value) when the shape matches at tokens[at].
std::optional<std::pair<std::size_t, std::string>> match_shape(std::string_view name,
                                                               const std::vector<token>& tokens,
                                                               std::size_t at,
                                                               const language_pack& pack);

}  // namespace chronicle::detail
