// The job's logger: one line per file and one summary line per run, to stderr and to the log
// file (not in a dry run, which writes nothing). --verbose adds debug detail.
#pragma once

#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace runner {

enum class LogTarget { kStderrAndFile, kStderrOnly };

// The log file is given `file_mode` (the config's), whatever the umask. Throws
// spdlog::spdlog_ex (a std::exception) when the log file cannot be opened.
std::shared_ptr<spdlog::logger> make_job_logger(const std::string& job, const std::string& file,
                                                unsigned file_mode, LogTarget target, bool verbose);

}  // namespace runner
