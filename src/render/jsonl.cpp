// Time expressions as JSON lines, the `tag` command's plain output.
#include <fmt/format.h>

#include "chronicle/render.hpp"
#include "io/json_line.hpp"

namespace chronicle {
using detail::json_string;

std::string render_jsonl(const std::vector<timex>& found, std::string_view file,
                         std::string_view id) {
  std::string out;
  for (const timex& t : found) {
    out += "{";
    if (!id.empty()) out += "\"id\":" + json_string(id) + ",";
    if (!file.empty()) out += "\"file\":" + json_string(file) + ",";
    out += fmt::format("\"start\":{},\"end\":{},\"text\":{},\"type\":\"{}\",\"value\":{}", t.begin,
                       t.end, json_string(t.text), to_string(t.type), json_string(t.value));
    if (!t.mod.empty()) out += ",\"mod\":" + json_string(t.mod);
    if (!t.quant.empty()) out += ",\"quant\":" + json_string(t.quant);
    if (!t.freq.empty()) out += ",\"freq\":" + json_string(t.freq);
    out += "}\n";
  }
  return out;
}

}  // namespace chronicle
