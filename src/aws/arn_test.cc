#include "aws/arn.h"

#include <gtest/gtest.h>

namespace foyer::aws {
namespace {

TEST(ArnTest, ParsesEveryField) {
  auto arn = ParseArn("arn:aws:s3:::bucket/key:with:colons");
  ASSERT_TRUE(arn.ok());
  EXPECT_EQ(arn->partition, "aws");
  EXPECT_EQ(arn->service, "s3");
  EXPECT_EQ(arn->region, "");
  EXPECT_EQ(arn->account, "");
  EXPECT_EQ(arn->resource, "bucket/key:with:colons");
  EXPECT_EQ(arn->ToString(), "arn:aws:s3:::bucket/key:with:colons");
}

TEST(ArnTest, RejectsWhatIsNotAnArn) {
  for (const char* bad : {"", "arn:aws", "arn:aws:iam::123:", "urn:aws:iam::123:root", "arn::iam::1:root"}) {
    auto arn = ParseArn(bad);
    ASSERT_FALSE(arn.ok()) << bad;
    EXPECT_EQ(arn.error().code, "ParseError");
  }
}

TEST(ArnTest, DescribesCallerPrincipals) {
  auto describe = [](const char* text) { return DescribePrincipal(*ParseArn(text)); };
  auto user = describe("arn:aws:iam::123456789012:user/people/alice");
  EXPECT_EQ(user.type, "user");
  EXPECT_EQ(user.name, "alice");
  auto role = describe("arn:aws:sts::123456789012:assumed-role/Administrator/alice@example.com");
  EXPECT_EQ(role.type, "assumed-role");
  EXPECT_EQ(role.name, "Administrator");
  EXPECT_EQ(role.session, "alice@example.com");
  auto root = describe("arn:aws:iam::123456789012:root");
  EXPECT_EQ(root.type, "root");
  EXPECT_EQ(root.name, "");
}

}  // namespace
}  // namespace foyer::aws
