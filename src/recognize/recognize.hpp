#pragma once
// Recognition: the language pack's patterns run over tokens; the longest matches that do not
// overlap become typed expressions, with modifiers ("early", "about") and clock times joined
// to the expression beside them.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "recognize/expression.hpp"
#include "recognize/pack.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {

struct recognized {
  std::size_t first = 0;  // token range [first, last) of the expression's span
  std::size_t last = 0;
  expression expr;
  std::string rule;  // pattern name(s), "mod/part+date/month"
  // Inside a name or title ("This Week", "the Seven Years War"): histories mark such time
  // expressions, news does not.
  bool in_name = false;
};

// `words` is look_up_words(tokens, pack).
std::vector<recognized> recognize(std::span<const token> tokens, const known_words& words,
                                  const language_pack& pack);

}  // namespace chronicle::detail
