// Subcommand dispatch of `avedi`. Each subcommand lives in its own file; this one only parses.
#include "runner/operator_cli.h"

#include <boost/program_options.hpp>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "runner/config.h"
#include "runner/doctor_command.h"
#include "runner/exit_codes.h"
#include "runner/init_command.h"
#include "runner/inspect_command.h"
#include "runner/metrics_command.h"
#include "runner/order_commands.h"
#include "runner/repair_commands.h"
#include "runner/status_command.h"

namespace runner {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: avedi <command> [options]\n"
    "\n"
    "commands:\n"
    "  status [--check]        what needs attention: files in error, stuck files, late 855s,\n"
    "                          undelivered documents, missing or rejecting 997s, last runs;\n"
    "                          --check exits 1 when anything needs attention (for monitoring)\n"
    "  orders [--state S] [--since YYYY-MM-DD]   purchase orders\n"
    "  order PO                the whole life of one PO: timeline, lines, documents, shipments\n"
    "  files [--state S]       every file avedi took in\n"
    "  file ID                 one file's history and reason\n"
    "  retry FILE_ID           move a file from error/ back to its inbox (the next run takes it)\n"
    "  resend DOC_ID           deliver a sent document again: same bytes, same control numbers\n"
    "  doctor                  check folders, filesystems, database, catalog and clock\n"
    "  metrics                 the status figures as Prometheus text (node_exporter textfile)\n"
    "  init                    create avedi's own folders and the database\n"
    "  inspect FILE...         read X12 files, print what was found, every problem with its\n"
    "                          position, and the TA1/997 avedi would answer with (writes nothing)\n"
    "\n"
    "options:\n"
    "  --config FILE           the config (default $AVEDI_CONFIG, else config/avedi.yaml)\n"
    "  --json                  JSON instead of tables (status, orders, order, files, file)\n"
    "  -h, --help              this text\n"
    "  --version               the avedi version\n"
    "\n"
    "AVEDI_NOW=YYYY-MM-DDTHH:MM:SSZ fixes the clock (for reproducible output).\n"
    "exit codes: 0 ok, 1 (status --check) needs attention, 64 usage, 65 unknown PO or file,\n"
    "74 I/O error, 78 bad config\n";

struct Parsed {
  po::variables_map values;
  std::vector<std::string> arguments;
};

Parsed parse(const std::vector<std::string>& rest) {
  po::options_description options("options");
  options.add_options()("config", po::value<std::string>())("json", "")("check", "")(
      "state", po::value<std::string>()->default_value(""))(
      "since", po::value<std::string>()->default_value(""))("help,h", "")(
      "argument", po::value<std::vector<std::string>>()->composing());
  po::positional_options_description positional;
  positional.add("argument", -1);
  Parsed parsed;
  po::store(po::command_line_parser(rest).options(options).positional(positional).run(),
            parsed.values);
  po::notify(parsed.values);
  if (parsed.values.count("argument")) {
    parsed.arguments = parsed.values["argument"].as<std::vector<std::string>>();
  }
  return parsed;
}

int with_config(const Parsed& parsed, const std::string& command,
                const std::function<int(const Config&, ReportFormat)>& run) {
  std::string path =
      config_path(parsed.values.count("config") ? parsed.values["config"].as<std::string>() : "");
  Config config;
  try {
    config = load_config(path, FolderCheck::kSkip);
  } catch (const ConfigError& error) {
    std::cerr << "avedi " << command << ": " << error.what() << "\n";
    return kExitConfigError;
  }
  ReportFormat format = parsed.values.count("json") ? ReportFormat::kJson : ReportFormat::kTable;
  try {
    return run(config, format);
  } catch (const std::invalid_argument& error) {
    std::cerr << "avedi " << command << ": " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& error) {
    std::cerr << "avedi " << command << ": " << error.what() << "\n";
    return kExitIoError;
  }
}

int usage_error(const std::string& command, const std::string& what) {
  std::cerr << "avedi " << command << ": " << what << "\n";
  return kExitUsage;
}

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
  Parsed parsed;
  try {
    parsed = parse(rest);
  } catch (const po::error& error) {
    return usage_error(command, error.what());
  }
  if (parsed.values.count("help")) {
    std::cout << kUsage;
    return kExitOk;
  }
  const std::vector<std::string>& arguments = parsed.arguments;
  std::string state = parsed.values["state"].as<std::string>();
  std::string since = parsed.values["since"].as<std::string>();
  if (command == "inspect") {
    if (arguments.empty()) return usage_error(command, "which files? avedi inspect FILE...");
    return run_inspect(arguments, std::cout, std::cerr);
  }
  if (command == "init") {
    std::string path =
        config_path(parsed.values.count("config") ? parsed.values["config"].as<std::string>() : "");
    return run_init(path, std::cout, std::cerr);
  }
  if (command == "status") {
    StatusMode mode = parsed.values.count("check") ? StatusMode::kCheck : StatusMode::kShow;
    return with_config(parsed, command, [&](const Config& config, ReportFormat format) {
      return run_status(config, format, mode, std::cout);
    });
  }
  if (command == "doctor") {
    std::string path = config_path(
        parsed.values.count("config") ? parsed.values["config"].as<std::string>() : "");
    return run_doctor(path, std::cout);
  }
  if (command == "metrics") {
    return with_config(parsed, command, [&](const Config& config, ReportFormat) {
      return run_metrics(config, std::cout);
    });
  }
  if (command == "orders") {
    return with_config(parsed, command, [&](const Config& config, ReportFormat format) {
      return run_orders(config, format, state, since, std::cout);
    });
  }
  if (command == "order") {
    if (arguments.size() != 1) return usage_error(command, "which PO? avedi order PO_NUMBER");
    return with_config(parsed, command, [&](const Config& config, ReportFormat format) {
      return run_order(config, format, arguments[0], std::cout, std::cerr);
    });
  }
  if (command == "files") {
    return with_config(parsed, command, [&](const Config& config, ReportFormat format) {
      return run_files(config, format, state, std::cout);
    });
  }
  if (command == "file") {
    if (arguments.size() != 1 ||
        arguments[0].find_first_not_of("0123456789") != std::string::npos) {
      return usage_error(command, "which file? avedi file ID (a number from avedi files)");
    }
    return with_config(parsed, command, [&](const Config& config, ReportFormat format) {
      return run_file(config, format, std::stoll(arguments[0]), std::cout, std::cerr);
    });
  }
  if (command == "retry" || command == "resend") {
    if (arguments.size() != 1 ||
        arguments[0].find_first_not_of("0123456789") != std::string::npos) {
      return usage_error(command, "which one? avedi " + command + " ID");
    }
    long long id = std::stoll(arguments[0]);
    return with_config(parsed, command, [&](const Config& config, ReportFormat) {
      return command == "retry" ? run_retry(config, id, std::cout, std::cerr)
                                : run_resend(config, id, std::cout, std::cerr);
    });
  }
  std::cerr << "avedi: unknown command '" << command << "'\n" << kUsage;
  return kExitUsage;
}

}  // namespace runner
