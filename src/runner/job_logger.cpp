// spdlog sinks for a job. The logger is built here and passed down; nothing fetches it by name.
#include "runner/job_logger.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <vector>

namespace runner {

std::shared_ptr<spdlog::logger> make_job_logger(const std::string& job, const std::string& file,
                                                LogTarget target, bool verbose) {
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_st>());
  if (target == LogTarget::kStderrAndFile) {
    sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_st>(file));
  }
  auto logger = std::make_shared<spdlog::logger>(job, sinks.begin(), sinks.end());
  logger->set_pattern("%Y-%m-%dT%H:%M:%S%z %n %l: %v");
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
  logger->flush_on(spdlog::level::info);
  return logger;
}

}  // namespace runner
