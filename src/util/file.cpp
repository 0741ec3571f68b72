// Reads a file in one go: X12 files are read whole so segments can stay views into one buffer.
#include "util/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace util {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw IoError(path + ": read failed: " + std::strerror(errno));
  return content.str();
}

std::string read_regular_file(const std::string& path, std::uint64_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) throw RefusedFile(path + ": is a symbolic link; it is not followed");
    throw IoError(path + ": cannot open: " + std::strerror(errno));
  }
  struct stat info;
  if (::fstat(fd, &info) != 0) {
    int saved = errno;
    ::close(fd);
    throw IoError(path + ": cannot stat: " + std::strerror(saved));
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    throw RefusedFile(path + ": is not a regular file (FIFO, device or socket); not read");
  }
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    ::close(fd);
    throw RefusedFile(path + ": is " + std::to_string(info.st_size) +
                      " bytes, above the limit of " + std::to_string(max_bytes) +
                      " (intake.max_file_bytes); refused unread");
  }
  std::string content;
  // One byte more than the file: the read that finds its end needs room, and growing the
  // string for it would move the whole file into a buffer twice its size.
  content.resize(static_cast<std::size_t>(info.st_size) + 1);
  std::size_t done = 0;
  while (true) {
    if (done == content.size()) content.resize(content.size() + 4096);  // it may have grown
    ssize_t got = ::read(fd, content.data() + done, content.size() - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      throw IoError(path + ": read failed: " + std::strerror(saved));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
    if (done > max_bytes) {
      ::close(fd);
      throw RefusedFile(path + ": grew above the limit of " + std::to_string(max_bytes) +
                        " bytes while being read");
    }
  }
  ::close(fd);
  content.resize(done);
  return content;
}

}  // namespace util
