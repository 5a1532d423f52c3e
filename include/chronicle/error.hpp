#pragma once
// The one error type of the library: a message and, where known, the place it points at.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace chronicle {

class error : public std::runtime_error {
 public:
  explicit error(const std::string& what) : std::runtime_error(what) {}
  // **Example**: `throw error("a.yaml", 3, 7, "expected a sequence")` prints
  // `a.yaml:3:7: expected a sequence`.
  error(const std::string& file, std::size_t line, std::size_t column, const std::string& what)
      : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) +
                           ": " + what) {}
};

}  // namespace chronicle
