// POSIX calls directly: std::filesystem has no fsync, and renameat2(RENAME_NOREPLACE) is what
// makes "never overwrite" atomic instead of a check-then-rename race.
#include "util/durable_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace util {
namespace {

[[noreturn]] void fail(const std::string& path, const char* what) {
  throw IoError(path + ": " + what + ": " + std::strerror(errno));
}

std::string parent_of(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

}  // namespace

void sync_directory(const std::string& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail(directory, "cannot open folder");
  if (::fsync(fd) != 0) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    fail(directory, "fsync of folder failed");
  }
  ::close(fd);
}

namespace {

// Opens, writes and returns the open descriptor of `path`.
int write_content(const std::string& path, std::string_view content, unsigned mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0) fail(path, "cannot create");
  // open(2) applies the process umask to `mode`; the configured mode must hold whatever the
  // umask of cron or a shell is (a umask of 000 would otherwise give world-readable EDI).
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    fail(path, "cannot set its mode");
  }
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      errno = saved;
      fail(path, "write failed");
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return fd;
}

void rename_no_replace(const std::string& from, const std::string& to) {
  constexpr unsigned kNoReplace = 1;  // RENAME_NOREPLACE
  if (::syscall(SYS_renameat2, AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), kNoReplace) != 0) {
    if (errno == EEXIST) fail(to, "already exists; refusing to overwrite");
    fail(from, ("cannot move to " + to).c_str());
  }
}

}  // namespace

void write_unsynced(const std::string& path, std::string_view content, unsigned mode) {
  int fd = write_content(path, content, mode);
  if (::close(fd) != 0) fail(path, "close failed");
}

void move_unsynced(const std::string& from, const std::string& to) { rename_no_replace(from, to); }

void sync_filesystem(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot open");
  if (::syncfs(fd) != 0) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    fail(path, "syncfs failed");
  }
  ::close(fd);
}

void write_durably(const std::string& path, std::string_view content, unsigned mode) {
  int fd = write_content(path, content, mode);
  if (::fsync(fd) != 0) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    fail(path, "fsync failed");
  }
  if (::close(fd) != 0) fail(path, "close failed");
  sync_directory(parent_of(path));
}

void move_durably(const std::string& from, const std::string& to) {
  rename_no_replace(from, to);
  std::string to_parent = parent_of(to);
  sync_directory(to_parent);
  std::string from_parent = parent_of(from);
  if (from_parent != to_parent) sync_directory(from_parent);
}

ModeChange set_mode_unless_shared(const std::string& path, unsigned mode) {
  struct stat info;
  if (::lstat(path.c_str(), &info) != 0) fail(path, "cannot stat");
  if (!S_ISREG(info.st_mode)) return ModeChange::kNotRegular;
  if (info.st_nlink > 1) return ModeChange::kSharedHardLink;
  if ((info.st_mode & 07777) == mode) return ModeChange::kAlreadySet;
  if (::chmod(path.c_str(), static_cast<mode_t>(mode)) != 0) fail(path, "cannot set its mode");
  return ModeChange::kChanged;
}

bool entry_exists(const std::string& path) {
  struct stat info;
  return ::lstat(path.c_str(), &info) == 0;
}

}  // namespace util
