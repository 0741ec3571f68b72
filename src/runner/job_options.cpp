// Job options with Boost.Program_options.
#include "runner/job_options.h"

#include <boost/program_options.hpp>
#include <iostream>

#include "runner/config.h"
#include "runner/exit_codes.h"

namespace runner {

namespace po = boost::program_options;

std::optional<JobOptions> parse_job_options(int argc, char** argv, const std::string& job,
                                            const std::string& description, FileOption file_option,
                                            int& exit_code) {
  po::options_description options("options");
  options.add_options()("config", po::value<std::string>(),
                        "config file (default $AVEDI_CONFIG, else config/avedi.yaml)");
  if (file_option == FileOption::kAccepted) {
    options.add_options()("file", po::value<std::string>(),
                          "process exactly this file, wherever it is (e.g. in error/)");
  }
  options.add_options()("dry-run",
                        "read and validate, print what would be written and which states "
                        "would change; write nothing, not even to the database")(
      "verbose,v", "more detail in the log")("help,h", "this text")("version", "the avedi version");
  po::variables_map values;
  try {
    po::positional_options_description no_positionals;  // a stray word is a usage error
    po::store(po::command_line_parser(argc, argv).options(options).positional(no_positionals).run(),
              values);
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << job << ": " << error.what() << "\n"
              << "try '" << job << " --help'\n";
    exit_code = kExitUsage;
    return std::nullopt;
  }
  if (values.count("help")) {
    std::cout << "usage: " << job << " [options]\n"
              << description << "\n\n"
              << options
              << "\nexit codes: 0 ok, 64 usage, 65 some input rejected (moved to error/), "
                 "74 I/O failure,\n75 another run holds the lock, 78 bad configuration\n";
    exit_code = kExitOk;
    return std::nullopt;
  }
  if (values.count("version")) {
    std::cout << job << " (avedi) " << AVEDI_VERSION << "\n";
    exit_code = kExitOk;
    return std::nullopt;
  }
  JobOptions parsed;
  parsed.config_path =
      config_path(values.count("config") ? values["config"].as<std::string>() : "");
  if (values.count("file")) parsed.file = values["file"].as<std::string>();
  parsed.dry_run = values.count("dry-run") > 0;
  parsed.verbose = values.count("verbose") > 0;
  return parsed;
}

}  // namespace runner
