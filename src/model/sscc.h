// GS1 Serial Shipping Container Codes (SSCC-18): extension digit + company prefix + serial
// reference (17 digits together) + the GS1 mod-10 check digit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace model {

// The GS1 mod-10 check digit of `digits` (weights 3,1,3,... from the right). `digits` must be
// all digits.
int gs1_check_digit(std::string_view digits);

// The SSCC for `serial` under `company_prefix` (7-10 digits) and `extension` (0-9), or nullopt
// when the serial does not fit the digits the prefix leaves.
std::optional<std::string> make_sscc(int extension, std::string_view company_prefix,
                                     std::int64_t serial);

// "" when `sscc` is a valid SSCC-18, else why not ("has 17 digits, an SSCC has 18", ...).
// A leading "00" application identifier (20 digits) is accepted and ignored.
std::string check_sscc(std::string_view sscc);

// `sscc` without a leading "(00)" or "00" application identifier.
std::string strip_application_identifier(std::string_view sscc);

}  // namespace model
