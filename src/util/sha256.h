// SHA-256 of a byte string, as lower-case hex (OpenSSL's EVP interface).
#pragma once

#include <string>
#include <string_view>

namespace util {

// Returns the 64-character hex digest of `data`. Throws std::runtime_error if OpenSSL fails.
std::string sha256_hex(std::string_view data);

}  // namespace util
