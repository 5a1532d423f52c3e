// Reading inputs whole or a line at a time, and writing outputs whole or not at all.
#include "chronicle/io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chronicle/error.hpp"
#include "io/messages.hpp"

namespace chronicle {
namespace {

// An article, a timeline or a TimeML file is at most a few megabytes. The cap stops /dev/zero,
// an endless pipe or a mistaken disk image from taking all memory before any check can run.
constexpr std::size_t max_input = std::size_t{256} << 20;

[[noreturn]] void fail_errno(const std::string& path, const char* what, int reason) {
  throw error(std::string(detail::shown_name(path)) + ": " + what + ": " + std::strerror(reason));
}

std::string read_all(int fd, const std::string& path) {
  std::string content;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    content.reserve(std::min(static_cast<std::size_t>(st.st_size), max_input) + 1);
  }
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail_errno(path, "cannot read", errno);
    if (n == 0) return content;
    if (content.size() + static_cast<std::size_t>(n) > max_input) {
      throw error(std::string(detail::shown_name(path)) +
                  ": larger than 256 MiB; chronicle reads one article at a time");
    }
    content.append(buffer, static_cast<std::size_t>(n));
  }
}

bool write_all(int fd, std::string_view content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

// The file `path` opened for reading, or for "-" a copy of standard input's descriptor, which
// its owner closes as it closes a file: standard input itself stays open.
detail::file_descriptor open_to_read(const std::string& path) {
  detail::file_descriptor in;
  if (path == "-") {
    in = detail::file_descriptor(::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0));
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw error(path + ": is a directory, not a file");
    in = detail::file_descriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  }
  if (!in.is_open()) fail_errno(path, "cannot read", errno);
  return in;
}

// The folder a file is in, where its temporary twin is made and whose entry is synced.
std::filesystem::path folder_of(const std::filesystem::path& file) {
  return file.has_parent_path() ? file.parent_path() : ".";
}

}  // namespace

bool detail::file_descriptor::close() {
  return fd_ < 0 || ::close(std::exchange(fd_, -1)) == 0;
}

std::string read_file(const std::string& path) {
  const detail::file_descriptor in = open_to_read(path);
  return read_all(in.get(), path);
}

void write_file_atomically(const std::string& path, std::string_view content) {
  file_output out(path);
  out.write(content);
  out.commit();
}

line_reader::line_reader(const std::string& path) : path_(path), in_(open_to_read(path)) {}

bool line_reader::next(std::string& line) {
  for (;;) {
    const std::size_t eol = buffer_.find('\n', scanned_);
    if (eol != std::string::npos || (at_end_ && start_ < buffer_.size())) {
      const std::size_t end = eol != std::string::npos ? eol : buffer_.size();
      line.assign(buffer_, start_, end - start_);
      start_ = scanned_ = std::min(end + 1, buffer_.size());
      ++line_number_;
      return true;
    }
    if (at_end_) return false;
    buffer_.erase(0, start_);  // what is handed out goes; a line's start stays
    start_ = 0;
    scanned_ = buffer_.size();
    if (buffer_.size() > max_input) {
      throw error(std::string(detail::shown_name(path_)) + ":" + std::to_string(line_number_ + 1) +
                  ": a line longer than 256 MiB; a JSON line holds one document");
    }
    char chunk[1 << 16];
    const ssize_t n = ::read(in_.get(), chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail_errno(path_, "cannot read", errno);
    if (n == 0) at_end_ = true;
    buffer_.append(chunk, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
  }
}

file_output::file_output(const std::string& path) : path_(path), target_(path) {
  std::error_code ec;
  // Through a symbolic link to the file it names: replacing the link itself would leave the
  // file the user meant unchanged.
  if (std::filesystem::is_symlink(target_, ec)) {
    const auto resolved = std::filesystem::canonical(target_, ec);
    if (!ec) target_ = resolved.string();
  }
  const auto status = std::filesystem::status(target_, ec);
  if (std::filesystem::is_directory(status)) throw error(path + ": is a directory");
  const bool exists = std::filesystem::exists(status);
  // A device or a pipe cannot be replaced by renaming: that would put a plain file where the
  // device was. It is written in place, as a shell would.
  if (exists && !std::filesystem::is_regular_file(status)) {
    out_ = detail::file_descriptor(::open(target_.c_str(), O_WRONLY | O_CLOEXEC));
    if (!out_.is_open()) fail_errno(path, "cannot write", errno);
    return;
  }
  // The temporary file sits beside the target so that the rename stays on one file system.
  const std::filesystem::path target(target_);
  temporary_ = (folder_of(target) / ("." + target.filename().string() + ".XXXXXX")).string();
  out_ = detail::file_descriptor(::mkstemp(temporary_.data()));
  if (!out_.is_open()) {
    temporary_.clear();
    fail_errno(path, "cannot write", errno);
  }
  // mkstemp makes files private; a timeline is an ordinary document, and a file replaced
  // keeps the permissions its owner gave it.
  struct stat old {};
  const bool had_mode = exists && ::stat(target_.c_str(), &old) == 0;
  ::fchmod(out_.get(), had_mode ? (old.st_mode & 07777) : 0644);
}

file_output::~file_output() {
  out_.close();
  if (!temporary_.empty()) std::remove(temporary_.c_str());
}

void file_output::write(std::string_view piece) {
  if (!write_all(out_.get(), piece)) fail_errno(path_, "cannot write", errno);
}

void file_output::commit() {
  if (temporary_.empty()) {  // written in place
    if (!out_.close()) fail_errno(path_, "cannot write", errno);
    return;
  }
  if (::fsync(out_.get()) != 0 || !out_.close()) fail_errno(path_, "cannot write", errno);
  if (std::rename(temporary_.c_str(), target_.c_str()) != 0)
    fail_errno(path_, "cannot write", errno);
  temporary_.clear();
  // The rename itself is durable only once the folder is on disk too.
  const std::filesystem::path folder = folder_of(target_);
  const detail::file_descriptor dir{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.is_open()) ::fsync(dir.get());
}

}  // namespace chronicle
