// Reading inputs whole and writing outputs whole or not at all.
#include "chronicle/io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "chronicle/error.hpp"

namespace chronicle {

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return std::move(buffer).str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw error(path + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(path + ": cannot read: " + std::strerror(errno));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw error(path + ": read failed");
  return content;
}

void write_file_atomically(const std::string& path, std::string_view content) {
  const std::filesystem::path target(path);
  if (std::filesystem::is_directory(target)) throw error(path + ": is a directory");
  // The temporary file sits beside the target so that the rename stays on one file system.
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  std::string hidden_name = ".";
  hidden_name += target.filename().string();
  hidden_name += ".XXXXXX";
  std::string temporary = (folder / hidden_name).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) throw error(path + ": cannot write: " + std::strerror(errno));
  ::fchmod(fd, 0644);  // mkstemp makes files private; a timeline is an ordinary document
  const char* data = content.data();
  std::size_t left = content.size();
  bool ok = true;
  while (left > 0 && ok) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) {
      data += n;
      left -= static_cast<std::size_t>(n);
    }
  }
  const int saved = errno;
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int reason = ok ? errno : saved;
    std::remove(temporary.c_str());
    throw error(path + ": cannot write: " + std::strerror(reason));
  }
}

}  // namespace chronicle
