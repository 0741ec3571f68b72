// The logging entry points for handlers: they keep spdlog inside runner/.
#include "runner/job_context.h"

#include <spdlog/spdlog.h>

namespace runner {

void log_info(const JobContext& context, const std::string& message) { context.log.info(message); }

void log_warning(const JobContext& context, const std::string& message) {
  context.log.warn(message);
}

}  // namespace runner
