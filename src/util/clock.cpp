// Clock and UTC formatting with C++20 chrono calendars (no locale, no TZ database).
#include "util/clock.h"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>

namespace util {
namespace {

bool read_number(std::string_view text, std::size_t at, std::size_t width, int& value) {
  if (at + width > text.size()) return false;
  value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<TimePoint> parse_iso8601(std::string_view text) {
  int year, month, day, hour, minute, second;
  if (text.size() != 19 && !(text.size() == 20 && text.back() == 'Z')) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  if (!read_number(text, 0, 4, year) || !read_number(text, 5, 2, month) ||
      !read_number(text, 8, 2, day) || !read_number(text, 11, 2, hour) ||
      !read_number(text, 14, 2, minute) || !read_number(text, 17, 2, second)) {
    return std::nullopt;
  }
  std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                   std::chrono::day(day)};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return std::chrono::sys_days(date) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

TimePoint now() {
  if (const char* fixed = std::getenv("AVEDI_NOW"); fixed != nullptr && *fixed != '\0') {
    std::optional<TimePoint> parsed = parse_iso8601(fixed);
    if (!parsed) {
      throw std::invalid_argument(
          fmt::format("AVEDI_NOW={}: not an ISO 8601 UTC time "
                      "(YYYY-MM-DDTHH:MM:SSZ)",
                      fixed));
    }
    return *parsed;
  }
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string format_time(TimePoint time, std::string_view pattern) {
  auto days = std::chrono::floor<std::chrono::days>(time);
  std::chrono::year_month_day date{days};
  std::chrono::hh_mm_ss clock{time - days};
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%' || i + 1 == pattern.size()) {
      out += pattern[i];
      continue;
    }
    switch (pattern[++i]) {
      case 'Y':
        out += fmt::format("{:04}", static_cast<int>(date.year()));
        break;
      case 'y':
        out += fmt::format("{:02}", static_cast<int>(date.year()) % 100);
        break;
      case 'm':
        out += fmt::format("{:02}", static_cast<unsigned>(date.month()));
        break;
      case 'd':
        out += fmt::format("{:02}", static_cast<unsigned>(date.day()));
        break;
      case 'H':
        out += fmt::format("{:02}", clock.hours().count());
        break;
      case 'M':
        out += fmt::format("{:02}", clock.minutes().count());
        break;
      case 'S':
        out += fmt::format("{:02}", clock.seconds().count());
        break;
      default:
        out += '%';
        out += pattern[i];
        break;
    }
  }
  return out;
}

}  // namespace util
