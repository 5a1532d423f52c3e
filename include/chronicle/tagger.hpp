#pragma once
// The temporal tagger: finds time expressions in a text and resolves them.

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include "chronicle/timex.hpp"

namespace chronicle {

namespace detail {
struct language_pack;
struct tense_tables;
}

enum class text_mode {
  automatic,  // narrative when there is no publication date, news otherwise
  news,       // relative expressions resolve against the publication date
  narrative,  // anaphoric expressions resolve against the story's latest date
};

struct tag_options {
  std::optional<date::sys_days> dct;  // the publication date (document creation time)
  text_mode mode = text_mode::automatic;
  // Whether each timex tells how its value was reached (timex::rule), as a timeline's anchors
  // do. Tagging alone prints no rule, and building one a timex costs tagging 3% of its time.
  bool explain = false;
};

// Immutable after construction, so one tagger may serve many threads at once.
class tagger {
 public:
  // The English tagger, built once from the language pack compiled into the library.
  static const tagger& english();

  // **Example**: `tagger::english().tag("He left on Friday.", {.dct = 2020_y/6/27})` gives one
  // timex, "Friday", value "2020-06-26".
  std::vector<timex> tag(std::string_view text, const tag_options& options) const;

  // The publication date the text itself suggests (a dateline, or the latest full date its
  // weekday mentions agree with), if any.
  std::optional<date::sys_days> infer_publication_date(std::string_view text) const;

  // Byte spans [begin, end) of the text's sentences, as the tagger reads them.
  std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view text) const;

  // tag() and sentences() at once, for what needs both (a timeline): the text is split into
  // tokens and sentences once.
  struct reading {
    std::vector<timex> timexes;
    std::vector<std::pair<std::size_t, std::size_t>> sentences;
  };
  reading read(std::string_view text, const tag_options& options) const;

  explicit tagger(std::shared_ptr<const detail::language_pack> pack);

 private:
  std::shared_ptr<const detail::language_pack> pack_;
  std::shared_ptr<const detail::tense_tables> tense_tables_;  // the pack's, looked up once
};

}  // namespace chronicle
