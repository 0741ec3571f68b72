// Exact decimal amounts (prices, money) as integers of 1/10000: never binary floating point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace model {

class Decimal {
 public:
  static constexpr int kScale = 4;              // digits after the point kept exactly
  static constexpr std::int64_t kUnit = 10000;  // 10^kScale

  Decimal() = default;
  static Decimal from_units(std::int64_t ten_thousandths) { return Decimal(ten_thousandths); }
  static Decimal from_integer(std::int64_t value) { return Decimal(value * kUnit); }

  // Parses "12", "12.5", "-0.0625", ".5"; nullopt for anything else, for more than 4
  // significant decimals, or for values beyond about 9e14.
  static std::optional<Decimal> parse(std::string_view text);

  std::int64_t units() const { return units_; }
  // The shortest exact text: no exponent, no trailing zeros ("12.5", "3", "0.0625").
  std::string to_string() const;
  // Rounded half away from zero to whole cents (an X12 N2 amount such as TDS01).
  std::int64_t to_cents() const;

  Decimal operator*(std::int64_t factor) const { return Decimal(units_ * factor); }
  Decimal operator+(Decimal other) const { return Decimal(units_ + other.units_); }
  auto operator<=>(const Decimal&) const = default;

 private:
  explicit Decimal(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

}  // namespace model
