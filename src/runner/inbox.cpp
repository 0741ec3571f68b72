// Inbox scanning with lstat: a symlink is never followed, so a link planted in an inbox
// cannot make a job read or move anything outside avedi's folders.
#include "runner/inbox.h"

#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include "util/file.h"

namespace runner {
namespace {

struct Entry {
  Candidate candidate;
  std::int64_t mtime_ns = 0;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string kind_of(mode_t mode) {
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Fills `candidate` from lstat; returns false when the entry is to be left alone for now.
bool classify(const struct stat& info, const Intake& intake, Candidate& candidate, bool check_age) {
  if (S_ISDIR(info.st_mode)) return false;  // sub-folders are the gateway's business
  if (!S_ISREG(info.st_mode)) {
    candidate.refusal = fmt::format(
        "{} is {}; only regular files are processed (it was not "
        "followed or opened)",
        candidate.name, kind_of(info.st_mode));
    return true;
  }
  candidate.size = static_cast<std::uint64_t>(info.st_size);
  candidate.modified = static_cast<std::int64_t>(info.st_mtime);
  if (check_age) {
    // File ages are physical: measured with the system clock, never with AVEDI_NOW.
    std::time_t now = std::time(nullptr);
    if (now - info.st_mtime < intake.min_age_seconds) return false;
  }
  if (candidate.size > intake.max_file_bytes) {
    candidate.refusal = fmt::format(
        "{} is {} bytes, above the limit of {} (intake.max_file_bytes); "
        "refused unread",
        candidate.name, candidate.size, intake.max_file_bytes);
  } else if (candidate.size == 0) {
    candidate.refusal = fmt::format("{} is empty", candidate.name);
  }
  return true;
}

}  // namespace

bool is_transient_name(std::string_view name) {
  return name.empty() || name.front() == '.' || ends_with(name, ".tmp") || ends_with(name, ".part");
}

std::vector<Candidate> scan_inbox(const std::string& folder, const InboxRules& rules,
                                  const Intake& intake) {
  DIR* directory = ::opendir(folder.c_str());
  if (directory == nullptr) {
    throw util::IoError(fmt::format("{}: cannot list folder: {}", folder, std::strerror(errno)));
  }
  std::vector<Entry> entries;
  while (struct dirent* item = ::readdir(directory)) {
    std::string name = item->d_name;
    if (is_transient_name(name) || !rules.wants(name)) continue;
    Entry entry;
    entry.candidate.name = name;
    entry.candidate.path = folder + "/" + name;
    struct stat info;
    if (::lstat(entry.candidate.path.c_str(), &info) != 0) continue;  // gone meanwhile
    if (!classify(info, intake, entry.candidate, true)) continue;
    if (entry.candidate.refusal.empty()) {
      Readiness readiness = rules.readiness(entry.candidate.path);
      if (readiness == Readiness::kWait) {
        if (std::time(nullptr) - info.st_mtime < intake.max_incomplete_seconds) continue;
        readiness = Readiness::kIncomplete;
      }
      if (readiness == Readiness::kIncomplete) {
        entry.candidate.refusal = fmt::format(
            "{} still looks incomplete after {} seconds (intake.max_incomplete_seconds)", name,
            intake.max_incomplete_seconds);
        if (rules.describe_incomplete) {
          std::string detail = rules.describe_incomplete(entry.candidate.path);
          if (!detail.empty()) entry.candidate.refusal += "\n" + detail;
        }
      }
    }
    entry.mtime_ns =
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    entries.push_back(std::move(entry));
  }
  ::closedir(directory);
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.mtime_ns != b.mtime_ns ? a.mtime_ns < b.mtime_ns : a.candidate.name < b.candidate.name;
  });
  std::vector<Candidate> candidates;
  for (Entry& entry : entries) candidates.push_back(std::move(entry.candidate));
  return candidates;
}

Candidate examine_file(const std::string& path, const Intake& intake) {
  Candidate candidate;
  candidate.path = path;
  std::size_t slash = path.find_last_of('/');
  candidate.name = slash == std::string::npos ? path : path.substr(slash + 1);
  struct stat info;
  if (::lstat(path.c_str(), &info) != 0) {
    throw util::IoError(fmt::format("{}: {}", path, std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) throw util::IoError(path + ": is a folder, not a file");
  classify(info, intake, candidate, false);
  return candidate;
}

}  // namespace runner
