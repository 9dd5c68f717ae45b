#include "base/base64.h"

#include <gtest/gtest.h>

namespace foyer {
namespace {

TEST(Base64Test, EncodesRfc4648Vectors) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(Base64Test, DecodesWhatItEncodes) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += char(i);
  for (size_t n = 0; n < all.size(); n += 7) {
    std::string part = all.substr(0, n);
    EXPECT_EQ(*Base64Decode(Base64Encode(part)), part);
    EXPECT_EQ(*Base64UrlDecode(Base64UrlEncode(part)), part);
  }
  EXPECT_EQ(*Base64UrlDecode("Zm8="), "fo");
}

TEST(Base64Test, RejectsMalformedInput) {
  for (const char* bad : {"Zg", "Z===", "Zm9v!", "Zh==", "Zm9 v"}) {
    EXPECT_FALSE(Base64Decode(bad).ok()) << bad;
  }
  for (const char* bad : {"Z", "Zm+v", "Zh", "Zm9v="}) {
    EXPECT_FALSE(Base64UrlDecode(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace foyer
