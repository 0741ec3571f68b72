// SSCC arithmetic.
#include "model/sscc.h"

#include <fmt/format.h>

namespace model {

int gs1_check_digit(std::string_view digits) {
  int sum = 0;
  int weight = 3;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    sum += (*it - '0') * weight;
    weight = weight == 3 ? 1 : 3;
  }
  return (10 - sum % 10) % 10;
}

std::optional<std::string> make_sscc(int extension, std::string_view company_prefix,
                                     std::int64_t serial) {
  if (extension < 0 || extension > 9 || company_prefix.size() < 7 || company_prefix.size() > 10 ||
      serial < 0) {
    return std::nullopt;
  }
  std::size_t serial_digits = 16 - company_prefix.size();
  std::string serial_text = std::to_string(serial);
  if (serial_text.size() > serial_digits) return std::nullopt;
  std::string body = std::to_string(extension) + std::string(company_prefix) +
                     std::string(serial_digits - serial_text.size(), '0') + serial_text;
  return body + std::to_string(gs1_check_digit(body));
}

std::string strip_application_identifier(std::string_view sscc) {
  if (sscc.substr(0, 4) == "(00)") return std::string(sscc.substr(4));
  if (sscc.size() == 20 && sscc.substr(0, 2) == "00") return std::string(sscc.substr(2));
  return std::string(sscc);
}

std::string check_sscc(std::string_view given) {
  std::string sscc = strip_application_identifier(given);
  for (char c : sscc) {
    if (c < '0' || c > '9') return fmt::format("\"{}\" is not all digits", given);
  }
  if (sscc.size() != 18)
    return fmt::format("\"{}\" has {} digits, an SSCC has 18", given, sscc.size());
  int expected = gs1_check_digit(std::string_view(sscc).substr(0, 17));
  if (sscc.back() - '0' != expected) {
    return fmt::format("\"{}\" has check digit {}, GS1 mod 10 gives {}", given, sscc.back(),
                       expected);
  }
  return "";
}

}  // namespace model
