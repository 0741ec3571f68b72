// Named points where the crash tests kill the process. AVEDI_CRASH_AT=<name>[:<n>] makes the
// n-th (default first) passage through crash_point(<name>) send SIGKILL to this process, as a
// power cut would: no destructor, no flush. Unset, a crash point costs one getenv.
#pragma once

#include <string_view>

namespace util {

void crash_point(std::string_view name);

}  // namespace util
