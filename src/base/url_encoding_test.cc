#include "base/url_encoding.h"

#include <gtest/gtest.h>

namespace foyer {
namespace {

TEST(UrlEncodingTest, EncodesAllButUnreserved) {
  EXPECT_EQ(PercentEncode("a b/c~d.e_f-g+h=é"), "a%20b%2Fc~d.e_f-g%2Bh%3D%C3%A9");
  EXPECT_EQ(PercentEncode("/path/to x", false), "/path/to%20x");
}

TEST(UrlEncodingTest, DecodesEscapesAndOptionallyPlus) {
  EXPECT_EQ(*PercentDecode("a%20b%2fc+d"), "a b/c+d");
  EXPECT_EQ(*PercentDecode("a%20b+c", true), "a b c");
  EXPECT_EQ(*PercentDecode("%C3%A9"), "é");
  for (const char* bad : {"%", "%2", "%zz", "a%2"}) EXPECT_FALSE(PercentDecode(bad).has_value()) << bad;
}

TEST(UrlEncodingTest, ParsesAndEncodesQueryStrings) {
  auto pairs = ParseQueryString("code=abc&state=x%2By&&empty&iss=https%3A%2F%2Fidp");
  ASSERT_TRUE(pairs.has_value());
  EXPECT_EQ(*pairs, (QueryPairs{{"code", "abc"}, {"state", "x+y"}, {"empty", ""}, {"iss", "https://idp"}}));
  EXPECT_EQ(EncodeQueryString(*pairs), "code=abc&state=x%2By&empty=&iss=https%3A%2F%2Fidp");
  EXPECT_FALSE(ParseQueryString("a=%zz").has_value());
}

}  // namespace
}  // namespace foyer
