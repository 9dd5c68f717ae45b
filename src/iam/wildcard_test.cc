#include "iam/wildcard.h"

#include <gtest/gtest.h>

namespace foyer::iam {
namespace {

TEST(WildcardMatch, StarMatchesAnyRunIncludingEmpty) {
  EXPECT_TRUE(WildcardMatch("s3:get*", "s3:getobject"));
  EXPECT_TRUE(WildcardMatch("s3:get*", "s3:get"));
  EXPECT_TRUE(WildcardMatch("*", ""));
  EXPECT_TRUE(WildcardMatch("a*b*c", "axxbyyc"));
  EXPECT_FALSE(WildcardMatch("a*b*c", "axxbyy"));
  EXPECT_TRUE(WildcardMatch("*/key", "bucket/dir/key"));
}

TEST(WildcardMatch, QuestionMarkMatchesExactlyOne) {
  EXPECT_TRUE(WildcardMatch("ab?", "abc"));
  EXPECT_FALSE(WildcardMatch("ab?", "ab"));
  EXPECT_FALSE(WildcardMatch("ab?", "abcd"));
}

TEST(WildcardMatch, CaseSensitiveUnlessAsked) {
  EXPECT_FALSE(WildcardMatch("Bucket*", "bucket1"));
  EXPECT_TRUE(WildcardMatch("Bucket*", "bucket1", {.ignore_case = true}));
}

TEST(WildcardMatch, EscapedWildcardsAreLiteral) {
  EXPECT_TRUE(WildcardMatch("a\\*", "a*", {.escapes = true}));
  EXPECT_FALSE(WildcardMatch("a\\*", "ab", {.escapes = true}));
  EXPECT_TRUE(WildcardMatch("a\\?*", "a?zz", {.escapes = true}));
  EXPECT_FALSE(WildcardMatch("a\\?", "ab", {.escapes = true}));
}

TEST(WildcardMatch, BacktracksWithoutBlowingUp) {
  std::string text(2000, 'a');
  EXPECT_FALSE(WildcardMatch("*a*a*a*a*a*a*a*b", text));
  EXPECT_TRUE(WildcardMatch("*a*a*a*a*a*a*a*", text));
}

TEST(ArnMatch, FieldsAreMatchedSeparately) {
  EXPECT_TRUE(ArnMatch("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c"));
  EXPECT_TRUE(ArnMatch("arn:aws:iam::*:role/foyer/*", "arn:aws:iam::123456789012:role/foyer/Admin"));
  // A star in the account field cannot swallow the colon before the resource.
  EXPECT_FALSE(ArnMatch("arn:aws:iam::*", "arn:aws:iam::123456789012:role/x"));
  EXPECT_TRUE(ArnMatch("arn:aws:iam::*:*", "arn:aws:iam::123456789012:role/x"));
  EXPECT_FALSE(ArnMatch("arn:aws:iam::123456789012:role/X", "arn:aws:iam::123456789012:role/x"));
  EXPECT_TRUE(ArnMatch("*", "anything"));
  EXPECT_FALSE(ArnMatch("not-an-arn", "not-an-arn"));
  EXPECT_TRUE(ArnMatch("arn:aws:ec2:us-east-?:*:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1"));
  EXPECT_FALSE(ArnMatch("arn:aws:ec2:us-east-?:*:instance/*", "arn:aws:ec2:us-west-1:123456789012:instance/i-1"));
}

}  // namespace
}  // namespace foyer::iam
