// util::sha256_hex against the FIPS 180-2 examples: the file ledger tells a file seen before by
// this digest, so a wrong one would take a new file for a duplicate or the reverse.
#include "util/sha256.h"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("sha256") {
  TEST_CASE("the digests of the standard's examples") {
    CHECK(util::sha256_hex("") ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(util::sha256_hex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(util::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // A million bytes: many blocks, as a real file.
    CHECK(util::sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
}
