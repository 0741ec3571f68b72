// The harness every job's main() calls: options, config, logging, the one-run-at-a-time lock,
// the store, the run row, the exit code. A job only supplies its name and its file handling.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "runner/file_job.h"

namespace runner {

struct JobDefinition {
  std::string name;         // avedi-receive
  std::string description;  // one line for --help
  bool takes_file = true;   // whether --file means something for this job
  // The job's work, given the context and the --file option (nullopt when not given).
  std::function<FileJobResult(JobContext&, const std::optional<std::string>&)> run;
};

// The `run` of a job that takes files from an inbox: `spec` says which, `make_handler` what to
// do with each.
std::function<FileJobResult(JobContext&, const std::optional<std::string>&)> file_job(
    std::function<FileJobSpec(const Config&)> spec,
    std::function<std::unique_ptr<FileHandler>()> make_handler);

// Parses argv (--config, --file, --dry-run, -v, --help, --version), runs the job and returns
// the exit code (runner/exit_codes.h). Never throws.
int run_job(int argc, char** argv, const JobDefinition& job);

}  // namespace runner
