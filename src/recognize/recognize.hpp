#pragma once
// Recognition: the language pack's patterns run over tokens; the longest matches that do not
// overlap become typed expressions, with modifiers ("early", "about") and clock times joined
// to the expression beside them.

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recognize/expression.hpp"
#include "recognize/pack.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {

struct recognized {
  std::size_t first = 0;  // token range [first, last) of the expression's span
  std::size_t last = 0;
  expression expr;
  // The pattern's name, viewed in the pack, which outlives every expression: one is recognized
  // every thirty tokens or so, and a copy of its name would cost an allocation. The name of
  // two joined ("mod/part+date/month") is viewed in `joined_rule`, a string of its own that
  // stays where it is when the expression moves.
  std::string_view rule;
  std::unique_ptr<const std::string> joined_rule;
  // Inside a name or title ("This Week", "the Seven Years War"): histories mark such time
  // expressions, news does not.
  bool in_name = false;
};

// `words` is look_up_words(tokens, pack).
std::vector<recognized> recognize(std::span<const token> tokens, const known_words& words,
                                  const language_pack& pack);

}  // namespace chronicle::detail
