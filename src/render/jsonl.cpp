// Time expressions as JSON lines, the `tag` command's plain output.
#include <fmt/format.h>

#include "chronicle/render.hpp"

namespace chronicle {
namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

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
