#pragma once
// Typed, not-yet-anchored time expressions: what recognition hands to resolution.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronicle::detail {

enum class expr_kind {
  date,      // calendar fields: year?, month?, day? ("June 26, 2020", "Dec. 12", "1998")
  decade,    // "the 1990s"
  century,   // "the 19th century"
  quarter,   // "Q3 2019", "the first quarter"
  half,      // "the first half of 2019"
  season,    // "summer 2019", "this summer"
  relative,  // unit and offset from the reference day ("last month", "three days ago")
  weekday,   // "on Friday", "last Tuesday"
  ref,       // PAST_REF, PRESENT_REF, FUTURE_REF
  duration,  // "three years", "several months"
  set,       // "every Monday", "daily"
  anaphor,   // offset from the story's latest date ("the day before", "two days later")
  holiday,   // "Christmas", "Easter 2021"
  fiscal,    // "fiscal 2021"
  time,      // a clock time on the reference day ("2:30 p.m.", "noon")
  modifier,  // "early", "about": joins the expression that follows
};

std::optional<expr_kind> expr_kind_from_string(std::string_view name);

// How a pattern says its expression is to be counted from its anchor (`dir=` in patterns.txt).
enum class direction {
  none,             // as the kind counts by default
  tense,            // a weekday or a date without a year: as the clause's tense leans
  last,             // "last Friday", "last June"
  next,             // "next Friday"
  current,          // "this Friday", "this June" (written "this")
  previous,         // "the previous Friday": from the story's day
  following,        // "the following Monday": from the story's day
  past,             // "Friday" said of what is over: on or before the anchor
  offset,           // by the offset= field
  year_offset,      // a month in the year offset= years away ("June of last year")
  compare,          // "a year earlier": a comparison with the reported period
  compare_quarter,  // "the year-ago quarter"
  story,            // the story's reported period ("the quarter")
  event,            // counted from an event, not a date ("two days before the vote")
  age,              // "five years old": an age, no date
  week_of,          // "the week of June 8"
  short_form,       // "the '90s": the latest such decade not after the anchor (written "short")
};

std::optional<direction> direction_from_string(std::string_view name);
std::string_view to_string(direction d);

// The fields a pattern's action may set, by the names the patterns file writes them with.
enum class field_key {
  y, m, d, w, decade, century, q, half, season, unit, n, offset, dir,
  hour, min, ampm, pod, zone, mod, value, quant, freq, holiday, type
};

std::optional<field_key> field_key_from_string(std::string_view name);
std::string_view name_of(field_key key);

// What a pattern's action says, before captures are filled in: `date y=$year m=$month`.
struct expression_template {
  expr_kind kind = expr_kind::date;
  struct field {
    field_key key = field_key::y;
    std::string literal;  // used when `capture` is empty
    std::string capture;  // "$month" refers to capture "month"
    // The element of the pattern that captures it, by its place, read when the pack loads
    // (none: no element does, and the field is left out).
    std::size_t element = static_cast<std::size_t>(-1);
    bool negate = false;  // "-$count"
    direction dir = direction::none;  // of a dir= field: its literal, read when the pack loads
  };
  std::vector<field> fields;
};

// The filled expression. Unset fields are absent; meaning depends on `kind`. Its words view
// the language pack's own text (a pattern's literals, a table's values), which outlives every
// expression: an expression is copied and moved often, and views keep that cheap. The pack
// checks when loaded that none of them takes a value a shape computes; only the amount does.
struct expression {
  expr_kind kind = expr_kind::date;
  std::optional<long> year;
  std::optional<long> month;
  std::optional<long> day;
  std::optional<long> weekday;  // ISO: Monday 1 ... Sunday 7
  std::optional<long> decade;   // 199 for the 1990s
  std::optional<long> century;  // 18 for the 19th century
  std::optional<long> quarter;
  std::optional<long> half;
  std::string_view season;  // SP SU FA WI
  std::string_view unit;    // day week month year decade century quarter hour minute second weekend
  std::string amount;       // duration amount: "3", "X", "0.5"
  long offset = 0;          // relative and anaphoric offset in units
  direction dir = direction::none;
  std::optional<long> hour;
  std::optional<long> minute;
  std::string_view ampm;         // am | pm
  std::string_view part_of_day;  // MO AF EV NI
  std::string_view zone;
  std::string_view mod;
  std::string_view value;  // a literal TIMEX3 value (ref, set)
  std::string_view quant;
  std::string_view freq;
  std::string_view holiday;  // holiday rule: "fixed 12 25", "nth 11 4 4", "easter -2"
  std::string_view type;     // explicit TIMEX3 type, overriding the kind's own
};

// One value a match captured: a table's value, viewed in the pack, or what a shape computed
// from the text ("25" for "twenty-five"), viewed where recognition keeps it for the text.
struct captured_value {
  std::string_view text;
  bool is_computed = false;
};

// Whether an expression's field keeps a view of its value (a word of the pack), rather than
// a number or a copy: such a field takes literals and tables' values only.
bool views_its_value(field_key key);

// What a match captured: (the capturing element's place in its pattern, value), in pattern
// order. A field finds its capture by the place (expression_template::field::element): a
// number compares quicker than the capture's name ("day", "day.2").
using capture = std::pair<std::size_t, captured_value>;
using captures = std::vector<capture>;

// Fills `e`, a default expression, from a template and a match's captures; false when a capture
// cannot stand for the field (e.g. day 31 in a table that meant something else), `e` then being
// of no use. Filled in place: an expression is large, and recognition keeps it where it is built.
bool fill(const expression_template& action, std::span<const capture> captured, expression& e);

}  // namespace chronicle::detail
