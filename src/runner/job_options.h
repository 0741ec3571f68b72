// The command line every job accepts.
#pragma once

#include <optional>
#include <string>

namespace runner {

struct JobOptions {
  std::string config_path;          // resolved: --config, $AVEDI_CONFIG or config/avedi.yaml
  std::optional<std::string> file;  // --file PATH: exactly this file, wherever it is
  bool dry_run = false;
  bool verbose = false;
};

enum class FileOption { kAccepted, kNotAccepted };

// Parses the job's options (--file only for a job that takes files). Returns nullopt after printing
// help or the version (`exit_code` is then 0) or a usage error (`exit_code` 64).
std::optional<JobOptions> parse_job_options(int argc, char** argv, const std::string& job,
                                            const std::string& description, FileOption file_option,
                                            int& exit_code);

}  // namespace runner
