#pragma once
// Reading and writing timelines (YAML schema 1) and files.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "chronicle/timeline.hpp"

namespace chronicle {

namespace detail {
// An open file descriptor, closed when it goes, whatever way out an error takes.
class file_descriptor {
 public:
  file_descriptor() = default;
  explicit file_descriptor(int fd) : fd_(fd) {}
  file_descriptor(file_descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  file_descriptor& operator=(file_descriptor&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~file_descriptor() { close(); }
  int get() const { return fd_; }
  bool is_open() const { return fd_ >= 0; }
  // Closes it now: false, with errno set, where the system reports an error, as it may for
  // writes it had put off.
  bool close();

 private:
  int fd_ = -1;
};
}  // namespace detail

// Schema 1 YAML. Writing is deterministic: the same timeline always gives the same bytes.
std::string to_yaml(const timeline& timeline);
// Throws chronicle::error "NAME:LINE:COL: what is wrong" on malformed YAML or schema.
timeline timeline_from_yaml(std::string_view yaml, const std::string& name);

// The whole file, or stdin for "-". Throws chronicle::error if it cannot be read.
std::string read_file(const std::string& path);
// Writes whole or not at all: a temporary file beside the target, then rename.
void write_file_atomically(const std::string& path, std::string_view content);

// A file, or stdin for "-", read a line at a time: a stream of JSON lines may be far larger
// than memory. Throws chronicle::error as read_file does, and on a line over 256 MiB.
class line_reader {
 public:
  explicit line_reader(const std::string& path);
  // The next line, without its '\n', into `line`; false at the end of the input.
  bool next(std::string& line);
  std::size_t line_number() const { return line_number_; }  // of the line last read, from 1

 private:
  std::string path_;
  detail::file_descriptor in_;  // standard input's own copy, for "-"
  std::string buffer_;  // read and not yet handed out, from start_
  std::size_t start_ = 0;
  std::size_t scanned_ = 0;  // buffer_ holds no line break before this
  bool at_end_ = false;
  std::size_t line_number_ = 0;
};

// An output written piece by piece and put in place whole, or not at all, as
// write_file_atomically does: a temporary file beside the target, renamed over it by commit().
// Destroyed uncommitted (an error on the way), it removes the temporary file and leaves the
// target as it was. A device or a pipe (/dev/stdout, a FIFO) is written in place.
class file_output {
 public:
  explicit file_output(const std::string& path);
  ~file_output();
  file_output(const file_output&) = delete;
  file_output& operator=(const file_output&) = delete;
  void write(std::string_view piece);
  void commit();

 private:
  std::string path_;       // as the user named it, for messages
  std::string target_;     // the file it names, through a symbolic link
  std::string temporary_;  // empty when written in place
  detail::file_descriptor out_;
};

}  // namespace chronicle
