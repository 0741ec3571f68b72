// Decimal parsing and formatting.
#include "model/decimal.h"

#include <cstdlib>

namespace model {

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative || (!text.empty() && text.front() == '+')) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::int64_t whole = 0;
  std::int64_t fraction = 0;
  int fraction_digits = 0;
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : text) {
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (!seen_point) {
      if (whole > 90000000000000) return std::nullopt;
      whole = whole * 10 + (c - '0');
    } else if (fraction_digits < kScale) {
      fraction = fraction * 10 + (c - '0');
      ++fraction_digits;
    } else if (c != '0') {
      return std::nullopt;  // more precision than avedi keeps: refuse rather than round
    }
  }
  if (!seen_digit) return std::nullopt;
  for (int i = fraction_digits; i < kScale; ++i) fraction *= 10;
  std::int64_t units = whole * kUnit + fraction;
  return Decimal(negative ? -units : units);
}

std::string Decimal::to_string() const {
  std::int64_t magnitude = std::llabs(units_);
  std::string text = std::to_string(magnitude / kUnit);
  std::int64_t fraction = magnitude % kUnit;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction + kUnit).substr(1);
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return units_ < 0 ? "-" + text : text;
}

std::int64_t Decimal::to_cents() const {
  std::int64_t magnitude = std::llabs(units_);
  std::int64_t cents = (magnitude + 50) / 100;
  return units_ < 0 ? -cents : cents;
}

}  // namespace model
