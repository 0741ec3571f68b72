// Everything a job's code needs, built once per run by the harness and passed down:
// configuration, store, logger, the run's identity and clock, and the side-effect seam.
#pragma once

#include <memory>
#include <string>

#include "runner/config.h"
#include "runner/effects.h"
#include "runner/interchange_builds.h"
#include "store/records.h"
#include "util/clock.h"

namespace spdlog {
class logger;
}

namespace store {
class Db;
}

namespace runner {

struct JobContext {
  const Config& config;
  store::Db& db;
  spdlog::logger& log;
  Effects& effects;
  store::Actor actor;  // job name, run id, now as text
  util::TimePoint now;
  std::string work;     // this job's own work folder (work/<job>)
  std::string staging;  // this job's own staging folder (staging/<job>)
  // Set when an outbox refused a document (unwritable, full): the rest of the run records its
  // business events and stages their documents, but stops trying to deliver, and exits 74.
  bool delivery_stopped = false;
  // The interchanges of stage_amazon_sets being built on the second thread (recorded by
  // commit_staged).
  InterchangeBuilds builds{};
};

// Log lines for code outside runner/ (which does not include spdlog): one message each.
void log_info(const JobContext& context, const std::string& message);
void log_warning(const JobContext& context, const std::string& message);

}  // namespace runner
