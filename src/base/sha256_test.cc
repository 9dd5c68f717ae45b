#include "base/sha256.h"

#include <openssl/evp.h>

#include <string>

#include <gtest/gtest.h>

namespace foyer {
namespace {

std::string OpenSslSha256Hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EXPECT_EQ(EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr), 1);
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", digest[i]);
    hex += byte;
  }
  return hex;
}

// FIPS 180-4 example messages (NIST's SHA-256 examples).
TEST(Sha256Test, MatchesTheStandardsExamples) {
  EXPECT_EQ(Sha256HexForNaming(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256HexForNaming("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256HexForNaming("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256HexForNaming(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Every length around the padding boundaries (55/56 bytes, one and two
// blocks), against OpenSSL.
TEST(Sha256Test, AgreesWithOpenSslForEveryLengthUpTo300Bytes) {
  std::string data;
  for (int length = 0; length <= 300; ++length) {
    EXPECT_EQ(Sha256HexForNaming(data), OpenSslSha256Hex(data)) << "length " << length;
    data += static_cast<char>((length * 131 + 7) & 0xff);
  }
}

}  // namespace
}  // namespace foyer
