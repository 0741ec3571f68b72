// The inspect subcommand: file reading, the clock, and the engine's report.
#include "runner/inspect_command.h"

#include <boost/filesystem/path.hpp>

#include "runner/exit_codes.h"
#include "util/clock.h"
#include "util/file.h"
#include "x12/report.h"

namespace runner {

int run_inspect(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  util::TimePoint now = util::now();
  x12::ReportSettings settings;
  settings.date = util::format_time(now, "%Y%m%d");
  settings.time = util::format_time(now, "%H%M");
  int result = kExitOk;
  for (const std::string& path : files) {
    std::string content;
    try {
      content = util::read_file(path);
    } catch (const util::IoError& error) {
      err << "avedi inspect: " << error.what() << "\n";
      result = kExitIoError;
      continue;
    }
    std::string name = boost::filesystem::path(path).filename().string();
    x12::Report report = x12::inspect_x12(content, name, settings);
    out << report.text << "\n";
    if (report.problem_count > 0 && result == kExitOk) result = kExitDataError;
  }
  return result;
}

}  // namespace runner
