// OpenSSL does the hashing: a hand-written SHA-256 would be one more thing to get wrong.
//
// Its SHA-256 functions, not EVP_Digest: OpenSSL 3 marks them deprecated in favour of EVP, but
// EVP's providers bring most of libcrypto with them. Linked statically (cmake/
// static_dependencies.cmake) that was 2.2 MB of code and 340 KB of tables every job start
// relocated page by page, about 2 ms of an empty run; these functions are 22 KB. Both run
// OpenSSL's assembly for this CPU (SHA extensions when present).
#define OPENSSL_SUPPRESS_DEPRECATED
#include "util/sha256.h"

#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace util {

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256_CTX context;
  if (SHA256_Init(&context) != 1 || SHA256_Update(&context, data.data(), data.size()) != 1 ||
      SHA256_Final(digest.data(), &context) != 1) {
    throw std::runtime_error("sha256: OpenSSL SHA256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0F];
  }
  return hex;
}

}  // namespace util
