// spdlog sinks for a job. The logger is built here and passed down; nothing fetches it by name.
#include "runner/job_logger.h"

#include <fcntl.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <vector>

#include "util/durable_file.h"

namespace runner {

std::shared_ptr<spdlog::logger> make_job_logger(const std::string& job, const std::string& file,
                                                unsigned file_mode, LogTarget target,
                                                bool verbose) {
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_st>());
  if (target == LogTarget::kStderrAndFile) {
    // spdlog creates the file with fopen (0666 & ~umask): create it with the mode first.
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW,
                    static_cast<mode_t>(file_mode));
    if (fd >= 0) {
      ::close(fd);
      try {
        util::set_mode_unless_shared(file, file_mode);
      } catch (const util::IoError&) {
        // Not ours to fix (another owner): the log still works.
      }
    }
    sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_st>(file));
  }
  auto logger = std::make_shared<spdlog::logger>(job, sinks.begin(), sinks.end());
  logger->set_pattern("%Y-%m-%dT%H:%M:%S%z %n %l: %v");
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
  logger->flush_on(spdlog::level::info);
  return logger;
}

}  // namespace runner
