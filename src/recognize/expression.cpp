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

std::optional<long> to_long(std::string_view s) {
  long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<expr_kind> expr_kind_from_string(std::string_view name) {
  for (const auto& [n, k] : kind_names) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::optional<expression> fill(const expression_template& action, const captures& captured) {
  expression e;
  e.kind = action.kind;
  for (const auto& f : action.fields) {
    std::string value = f.literal;
    if (!f.capture.empty()) {
      const auto it = std::find_if(captured.begin(), captured.end(),
                                   [&](const auto& c) { return c.first == f.capture; });
      if (it == captured.end()) continue;  // an optional element that did not match
      value = it->second;
    }
    if (f.negate && !value.empty() && value != "X") {
      value = value.front() == '-' ? value.substr(1) : "-" + value;
    }
    // Numeric fields must be numbers; a template that says otherwise cannot apply here.
    auto number = [&](std::optional<long>& slot) {
      slot = to_long(value);
      return slot.has_value();
    };
    bool ok = true;
    const std::string& k = f.key;
    if (k == "y") ok = number(e.year);
    else if (k == "m") ok = number(e.month);
    else if (k == "d") ok = number(e.day);
    else if (k == "w") ok = number(e.weekday);
    else if (k == "decade") ok = number(e.decade);
    else if (k == "century") ok = number(e.century);
    else if (k == "q") ok = number(e.quarter);
    else if (k == "half") ok = number(e.half);
    else if (k == "hour") ok = number(e.hour);
    else if (k == "min") ok = number(e.minute);
    else if (k == "offset") {
      const auto v = to_long(value);
      ok = v.has_value();
      e.offset = v.value_or(0);
    } else if (k == "n") {
      // Amount of a duration, or the offset of a relative expression: both kept.
      e.amount = value;
      e.offset = to_long(value).value_or(0);
    } else if (k == "season") e.season = value;
    else if (k == "unit") e.unit = value;
    else if (k == "dir") e.direction = value;
    else if (k == "ampm") e.ampm = value;
    else if (k == "pod") e.part_of_day = value;
    else if (k == "zone") e.zone = value;
    else if (k == "mod") e.mod = value;
    else if (k == "value") e.value = value;
    else if (k == "quant") e.quant = value;
    else if (k == "freq") e.freq = value;
    else if (k == "holiday") e.holiday = value;
    else if (k == "type") e.type = value;
    if (!ok) return std::nullopt;
  }
  // A clock word's value ("noon" = "12:00") is a time like any other from here on, so that
  // joining it to a day ("Monday noon") carries it.
  if (e.kind == expr_kind::time && !e.hour && e.value.size() == 5 && e.value[2] == ':') {
    e.hour = to_long(std::string_view(e.value).substr(0, 2));
    e.minute = to_long(std::string_view(e.value).substr(3));
    if (!e.hour || !e.minute) return std::nullopt;
    e.value.clear();
  }
  return e;
}

}  // namespace chronicle::detail
