// The injectable clock: every job takes "now" from here, and AVEDI_NOW (ISO 8601 UTC, e.g.
// 2026-11-26T08:30:00Z) fixes it so golden tests produce byte-identical output.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace util {

using TimePoint = std::chrono::sys_seconds;

// Parses "YYYY-MM-DDTHH:MM:SS[Z]" as UTC; nullopt when malformed.
std::optional<TimePoint> parse_iso8601(std::string_view text);

// Now from AVEDI_NOW when set, else the system clock. Throws std::invalid_argument when
// AVEDI_NOW is set but malformed (a test that thinks it fixed the time must not run on wall time).
TimePoint now();

// Formats `time` (UTC) with a strftime-style pattern limited to %Y %y %m %d %H %M %S.
std::string format_time(TimePoint time, std::string_view pattern);

}  // namespace util
