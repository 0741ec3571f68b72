// Subcommand dispatch of `avedi`. Each subcommand lives in its own file; this one only parses.
#include "runner/operator_cli.h"

#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "runner/config.h"
#include "runner/exit_codes.h"
#include "runner/init_command.h"
#include "runner/inspect_command.h"

namespace runner {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: avedi <command> [options]\n"
    "\n"
    "commands:\n"
    "  init [--config F] create avedi's own folders and the database\n"
    "  inspect FILE...   read X12 files, print what was found, every problem with its\n"
    "                    position, and the TA1/997 avedi would answer with (writes nothing)\n"
    "\n"
    "options:\n"
    "  -h, --help        this text\n"
    "  --version         the avedi version\n"
    "\n"
    "AVEDI_NOW=YYYY-MM-DDTHH:MM:SSZ fixes the clock (for reproducible output).\n"
    "exit codes: 0 ok, 64 usage, 65 some input has problems, 74 I/O error, 78 bad config\n";

}  // namespace

int run_operator_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    std::cout << kUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "avedi " << AVEDI_VERSION << "\n";
    return kExitOk;
  }
  std::string command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "init") {
      po::options_description options("init options");
      options.add_options()("config", po::value<std::string>(), "config file");
      po::variables_map vm;
      po::store(po::command_line_parser(rest).options(options).run(), vm);
      po::notify(vm);
      std::string path = config_path(vm.count("config") ? vm["config"].as<std::string>() : "");
      return run_init(path, std::cout, std::cerr);
    }
    if (command == "inspect") {
      po::options_description options("inspect options");
      options.add_options()("help,h", "this text")(
          "file", po::value<std::vector<std::string>>()->composing(), "X12 file");
      po::positional_options_description positional;
      positional.add("file", -1);
      po::variables_map vm;
      po::store(po::command_line_parser(rest).options(options).positional(positional).run(), vm);
      po::notify(vm);
      if (vm.count("help") || !vm.count("file")) {
        std::cout << "usage: avedi inspect FILE...\n";
        return vm.count("help") ? kExitOk : kExitUsage;
      }
      return run_inspect(vm["file"].as<std::vector<std::string>>(), std::cout, std::cerr);
    }
  } catch (const po::error& error) {
    std::cerr << "avedi " << command << ": " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::invalid_argument& error) {
    std::cerr << "avedi " << command << ": " << error.what() << "\n";
    return kExitUsage;
  }
  std::cerr << "avedi: unknown command '" << command << "'\n" << kUsage;
  return kExitUsage;
}

}  // namespace runner
