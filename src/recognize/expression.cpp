#include "recognize/expression.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace chronicle::detail {
namespace {

constexpr std::array<std::pair<std::string_view, expr_kind>, 16> kind_names = {{
    {"date", expr_kind::date},
    {"decade", expr_kind::decade},
    {"century", expr_kind::century},
    {"quarter", expr_kind::quarter},
    {"half", expr_kind::half},
    {"season", expr_kind::season},
    {"relative", expr_kind::relative},
    {"weekday", expr_kind::weekday},
    {"ref", expr_kind::ref},
    {"duration", expr_kind::duration},
    {"set", expr_kind::set},
    {"anaphor", expr_kind::anaphor},
    {"holiday", expr_kind::holiday},
    {"fiscal", expr_kind::fiscal},
    {"time", expr_kind::time},
    {"modifier", expr_kind::modifier},
}};

constexpr std::array<std::pair<std::string_view, direction>, 17> direction_names = {{
    {"", direction::none},
    {"tense", direction::tense},
    {"last", direction::last},
    {"next", direction::next},
    {"this", direction::current},
    {"previous", direction::previous},
    {"following", direction::following},
    {"past", direction::past},
    {"offset", direction::offset},
    {"year-offset", direction::year_offset},
    {"compare", direction::compare},
    {"compare-quarter", direction::compare_quarter},
    {"story", direction::story},
    {"event", direction::event},
    {"age", direction::age},
    {"week-of", direction::week_of},
    {"short", direction::short_form},
}};

constexpr std::array<std::string_view, 24> field_names = {
    "y", "m", "d", "w", "decade", "century", "q", "half", "season", "unit", "n", "offset", "dir",
    "hour", "min", "ampm", "pod", "zone", "mod", "value", "quant", "freq", "holiday", "type"};

// The value a (name, value) table gives `name`, if any.
template <typename Value, std::size_t N>
std::optional<Value> named(const std::array<std::pair<std::string_view, Value>, N>& names,
                           std::string_view name) {
  for (const auto& [n, value] : names) {
    if (n == name) return value;
  }
  return std::nullopt;
}

std::optional<long> to_long(std::string_view s) {
  long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<expr_kind> expr_kind_from_string(std::string_view name) {
  return named(kind_names, name);
}

std::optional<direction> direction_from_string(std::string_view name) {
  return named(direction_names, name);
}

std::string_view to_string(direction d) {
  for (const auto& [n, known] : direction_names) {
    if (known == d) return n;
  }
  return "";
}

std::optional<field_key> field_key_from_string(std::string_view name) {
  const auto* found = std::find(field_names.begin(), field_names.end(), name);
  if (found == field_names.end()) return std::nullopt;
  return static_cast<field_key>(found - field_names.begin());
}

std::string_view name_of(field_key key) { return field_names.at(static_cast<std::size_t>(key)); }

bool views_its_value(field_key key) {
  switch (key) {
    case field_key::season:
    case field_key::unit:
    case field_key::ampm:
    case field_key::pod:
    case field_key::zone:
    case field_key::mod:
    case field_key::value:
    case field_key::quant:
    case field_key::freq:
    case field_key::holiday:
    case field_key::type:
      return true;
    default:
      return false;
  }
}

bool fill(const expression_template& action, std::span<const capture> captured, expression& e) {
  e.kind = action.kind;
  std::string negated;  // "-3" for "-$count": the one value not read as it stands
  for (const auto& f : action.fields) {
    std::string_view value = f.literal;
    if (!f.capture.empty()) {
      const auto it = std::find_if(captured.begin(), captured.end(),
                                   [&](const auto& c) { return c.first == f.element; });
      if (it == captured.end()) continue;  // an optional element that did not match
      // The pack lets no computed value reach a field that views it (see load_patterns).
      if (it->second.is_computed && views_its_value(f.key)) return false;
      value = it->second.text;
    }
    if (f.negate && !value.empty() && value != "X") {
      negated = value.front() == '-' ? std::string(value.substr(1)) : "-" + std::string(value);
      value = negated;
    }
    // Numeric fields must be numbers; a template that says otherwise cannot apply here.
    auto number = [&](std::optional<long>& slot) {
      slot = to_long(value);
      return slot.has_value();
    };
    bool ok = true;
    switch (f.key) {
      case field_key::y: ok = number(e.year); break;
      case field_key::m: ok = number(e.month); break;
      case field_key::d: ok = number(e.day); break;
      case field_key::w: ok = number(e.weekday); break;
      case field_key::decade: ok = number(e.decade); break;
      case field_key::century: ok = number(e.century); break;
      case field_key::q: ok = number(e.quarter); break;
      case field_key::half: ok = number(e.half); break;
      case field_key::hour: ok = number(e.hour); break;
      case field_key::min: ok = number(e.minute); break;
      case field_key::offset: {
        const auto v = to_long(value);
        ok = v.has_value();
        e.offset = v.value_or(0);
        break;
      }
      case field_key::n:
        // Amount of a duration, or the offset of a relative expression: both kept.
        e.amount = value;
        e.offset = to_long(value).value_or(0);
        break;
      case field_key::season: e.season = value; break;
      case field_key::unit: e.unit = value; break;
      case field_key::dir:
        e.dir = f.dir;
        break;
      case field_key::ampm: e.ampm = value; break;
      case field_key::pod: e.part_of_day = value; break;
      case field_key::zone: e.zone = value; break;
      case field_key::mod: e.mod = value; break;
      case field_key::value: e.value = value; break;
      case field_key::quant: e.quant = value; break;
      case field_key::freq: e.freq = value; break;
      case field_key::holiday: e.holiday = value; break;
      case field_key::type: e.type = value; break;
    }
    if (!ok) return false;
  }
  // A clock word's value ("noon" = "12:00") is a time like any other from here on, so that
  // joining it to a day ("Monday noon") carries it.
  if (e.kind == expr_kind::time && !e.hour && e.value.size() == 5 && e.value[2] == ':') {
    e.hour = to_long(e.value.substr(0, 2));
    e.minute = to_long(e.value.substr(3));
    if (!e.hour || !e.minute) return false;
    e.value = {};
  }
  return true;
}

}  // namespace chronicle::detail
