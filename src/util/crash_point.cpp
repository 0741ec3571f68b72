// The crash hook. The setting is read once per process (the tests run one job per process),
// so a point passed thousands of times costs one getenv in all when the hook is unset.
#include "util/crash_point.h"

#include <csignal>
#include <cstdlib>
#include <string>

namespace util {
namespace {

struct CrashSetting {
  std::string name;     // "" when the hook is unset
  long occurrence = 1;  // which passage through `name` kills
};

CrashSetting read_setting() {
  CrashSetting setting;
  const char* text = std::getenv("AVEDI_CRASH_AT");
  if (text == nullptr) return setting;
  std::string_view wanted(text);
  if (std::size_t colon = wanted.find(':'); colon != std::string_view::npos) {
    setting.occurrence = std::strtol(std::string(wanted.substr(colon + 1)).c_str(), nullptr, 10);
    wanted = wanted.substr(0, colon);
  }
  setting.name = std::string(wanted);
  return setting;
}

}  // namespace

void crash_point(std::string_view name) {
  static const CrashSetting setting = read_setting();
  if (setting.name.empty() || setting.name != name) return;
  static long seen = 0;  // only ever touched by the single job thread
  if (++seen == setting.occurrence) std::raise(SIGKILL);
}

}  // namespace util
