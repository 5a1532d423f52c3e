#pragma once
// Which dates move a story's running date: the date that anaphora ("two days later") and,
// in narrative text, dates without a year ("On 4 August") count from.

#include <cstddef>
#include <span>
#include <vector>

#include "recognize/pack.hpp"
#include "recognize/recognize.hpp"
#include "resolve/resolve.hpp"
#include "text/tokenize.hpp"

namespace chronicle::detail {

// Where a recognized expression stands: its tokens and its sentence's, with what the pack
// knows of their words.
struct story_place {
  std::span<const token> tokens;
  const known_words& words;  // look_up_words(tokens, pack)
  const language_pack& pack;
  std::size_t sentence_first;
  std::size_t sentence_last;
};

// Whether `res`, resolved from `r`, is a date the story moves on to. A narrative advances
// with its full dates and with years that head a sentence or clause ("In 1941, ..."); a year
// said in passing ("a report declassified in 2005 showed", "planned for 1976") or a decade
// looked back on ("two decades earlier") does not take the story there.
bool moves_story(const recognized& r, const resolution& res, const resolve_context& context,
                 const story_place& place);

}  // namespace chronicle::detail
