// The crash hook. The counter is per process: the tests run one job per process.
#include "util/crash_point.h"

#include <csignal>
#include <cstdlib>
#include <string>

namespace util {

void crash_point(std::string_view name) {
  const char* setting = std::getenv("AVEDI_CRASH_AT");
  if (setting == nullptr || *setting == '\0') return;
  std::string_view wanted(setting);
  long occurrence = 1;
  if (std::size_t colon = wanted.find(':'); colon != std::string_view::npos) {
    occurrence = std::strtol(std::string(wanted.substr(colon + 1)).c_str(), nullptr, 10);
    wanted = wanted.substr(0, colon);
  }
  if (wanted != name) return;
  static long seen = 0;  // only ever touched by the single job thread
  if (++seen == occurrence) std::raise(SIGKILL);
}

}  // namespace util
