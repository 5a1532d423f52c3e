#pragma once
// Reading and writing timelines (YAML schema 1) and files.

#include <string>
#include <string_view>

#include "chronicle/timeline.hpp"

namespace chronicle {

// Schema 1 YAML. Writing is deterministic: the same timeline always gives the same bytes.
std::string to_yaml(const timeline& timeline);
// Throws chronicle::error "NAME:LINE:COL: what is wrong" on malformed YAML or schema.
timeline timeline_from_yaml(std::string_view yaml, const std::string& name);

// The whole file, or stdin for "-". Throws chronicle::error if it cannot be read.
std::string read_file(const std::string& path);
// Writes whole or not at all: a temporary file beside the target, then rename.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace chronicle
