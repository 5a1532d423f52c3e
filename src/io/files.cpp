// Reading inputs whole and writing outputs whole or not at all.
#include "chronicle/io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chronicle/error.hpp"

namespace chronicle {
namespace {

// An article, a timeline or a TimeML file is at most a few megabytes. The cap stops /dev/zero,
// an endless pipe or a mistaken disk image from taking all memory before any check can run.
constexpr std::size_t max_input = std::size_t{256} << 20;

std::string shown(const std::string& path) { return path == "-" ? "standard input" : path; }

[[noreturn]] void fail_errno(const std::string& path, const char* what, int reason) {
  throw error(shown(path) + ": " + what + ": " + std::strerror(reason));
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
      throw error(shown(path) + ": larger than 256 MiB; chronicle reads one article at a time");
    }
    content.append(buffer, static_cast<std::size_t>(n));
  }
}

// Closes the descriptor on every way out, thrown errors included.
struct descriptor {
  int fd;
  ~descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

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

// A device or a pipe named by -o (/dev/stdout, a FIFO) cannot be replaced by renaming: that
// would put a plain file where the device was. It is written in place, as a shell would.
void write_in_place(const std::string& path, std::string_view content) {
  const descriptor out{::open(path.c_str(), O_WRONLY | O_CLOEXEC)};
  if (out.fd < 0) fail_errno(path, "cannot write", errno);
  if (!write_all(out.fd, content)) fail_errno(path, "cannot write", errno);
}

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") return read_all(STDIN_FILENO, path);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw error(path + ": is a directory, not a file");
  const descriptor in{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (in.fd < 0) fail_errno(path, "cannot read", errno);
  return read_all(in.fd, path);
}

void write_file_atomically(const std::string& path, std::string_view content) {
  std::error_code ec;
  std::filesystem::path target(path);
  // Through a symbolic link to the file it names: replacing the link itself would leave the
  // file the user meant unchanged.
  if (std::filesystem::is_symlink(target, ec)) {
    const auto resolved = std::filesystem::canonical(target, ec);
    if (!ec) target = resolved;
  }
  const auto status = std::filesystem::status(target, ec);
  if (std::filesystem::is_directory(status)) throw error(path + ": is a directory");
  const bool exists = std::filesystem::exists(status);
  if (exists && !std::filesystem::is_regular_file(status)) {
    write_in_place(target.string(), content);
    return;
  }
  // The temporary file sits beside the target so that the rename stays on one file system.
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  std::string hidden_name = ".";
  hidden_name += target.filename().string();
  hidden_name += ".XXXXXX";
  std::string temporary = (folder / hidden_name).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) fail_errno(path, "cannot write", errno);
  // mkstemp makes files private; a timeline is an ordinary document, and a file replaced
  // keeps the permissions its owner gave it.
  struct stat old {};
  const bool had_mode = exists && ::stat(target.c_str(), &old) == 0;
  ::fchmod(fd, had_mode ? (old.st_mode & 07777) : 0644);
  bool ok = write_all(fd, content);
  int reason = errno;
  if (ok && ::fsync(fd) != 0) {
    ok = false;
    reason = errno;
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    reason = errno;
  }
  if (ok && std::rename(temporary.c_str(), target.c_str()) != 0) {
    ok = false;
    reason = errno;
  }
  if (!ok) {
    std::remove(temporary.c_str());
    fail_errno(path, "cannot write", reason);
  }
  // The rename itself is durable only once the folder is on disk too.
  const descriptor dir{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.fd >= 0) ::fsync(dir.fd);
}

}  // namespace chronicle
