// Which entries of an inbox a job takes now, which it leaves for later, and which it refuses.
// Pure classification: nothing is moved here.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "runner/config.h"

namespace runner {

enum class Readiness {
  kReady,       // complete: process it
  kWait,        // still being written: leave it for a later run
  kIncomplete,  // has looked unfinished for too long: refuse it
};

struct InboxRules {
  // Names this job takes (after dotfiles, *.tmp and *.part are already excluded).
  std::function<bool(std::string_view name)> wants;
  // Whether a regular file's content is complete (e.g. X12: ends with an IEA).
  std::function<Readiness(const std::string& path)> readiness;
  // Optional: for a file refused as incomplete, where and how it ends (one problem a line, with
  // its position), added to the reason so an operator sees what was cut. May read the file.
  std::function<std::string(const std::string& path)> describe_incomplete;
};

struct Candidate {
  std::string name;
  std::string path;
  std::uint64_t size = 0;
  std::int64_t modified = 0;  // mtime, seconds since the epoch: when it arrived
  // Empty when the file is to be processed; otherwise why it is refused (moved to error/).
  std::string refusal;
};

// Lists what to take from `folder` now, oldest first (by modification time, then name).
// Files younger than intake.min_age_seconds and files whose readiness says kWait are left
// alone; symlinks, FIFOs and devices are refused without being followed or opened; files
// above intake.max_file_bytes are refused unread. Throws util::IoError when `folder` cannot
// be listed.
std::vector<Candidate> scan_inbox(const std::string& folder, const InboxRules& rules,
                                  const Intake& intake);

// Classifies one path given on the command line (--file), wherever it is.
Candidate examine_file(const std::string& path, const Intake& intake);

// True for names no job ever takes: dotfiles, *.tmp, *.part (files still being written).
bool is_transient_name(std::string_view name);

}  // namespace runner
