#include "grant/resource_grant.h"

#include <gtest/gtest.h>

namespace foyer::grant {
namespace {

Grant BucketGrant(AccessLevel access = AccessLevel::kRead) {
  Grant grant;
  grant.resource = {ResourceKind::kS3Bucket, "shared-data"};
  grant.bucket_arn = "arn:aws:s3:::shared-data";
  grant.account_id = "111111111111";
  grant.role = "Deployer";
  grant.access = access;
  return grant;
}

const char* kOtherStatement =
    R"({"Sid":"DenyInsecure","Effect":"Deny","Principal":"*","Action":"s3:*",)"
    R"("Resource":"arn:aws:s3:::shared-data/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}})";

TEST(ResourceGrantTest, ParsesResourcesAndAccessLevels) {
  auto bucket = ParseGrantResource("s3://shared-data/");
  ASSERT_TRUE(bucket.ok());
  EXPECT_EQ(bucket->kind, ResourceKind::kS3Bucket);
  EXPECT_EQ(bucket->name, "shared-data");
  auto key = ParseGrantResource("kms:1234abcd-12ab-34cd-56ef-1234567890ab");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->kind, ResourceKind::kKmsKey);
  EXPECT_EQ(key->name, "1234abcd-12ab-34cd-56ef-1234567890ab");
  for (const char* bad : {"s3://bucket/prefix", "s3://", "kms:", "arn:aws:s3:::bucket", "bucket"}) {
    auto parsed = ParseGrantResource(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().exit_code, ExitCode::kUsage);
  }
  EXPECT_EQ(*ParseAccessLevel("write"), AccessLevel::kWrite);
  EXPECT_FALSE(ParseAccessLevel("admin").ok());
}

TEST(ResourceGrantTest, StatementNamesExactlyTheRole) {
  EXPECT_EQ(GrantStatement(BucketGrant()),
            nlohmann::json::parse(R"({"Sid":"foyer-grant-111111111111-Deployer-read","Effect":"Allow",
              "Principal":{"AWS":"arn:aws:iam::111111111111:role/foyer/Deployer"},
              "Action":["s3:GetObject","s3:ListBucket"],
              "Resource":["arn:aws:s3:::shared-data","arn:aws:s3:::shared-data/*"]})"));
  Grant key = BucketGrant(AccessLevel::kWrite);
  key.resource = {ResourceKind::kKmsKey, "k"};
  key.partition = "aws-us-gov";
  EXPECT_EQ(GrantStatement(key),
            nlohmann::json::parse(R"({"Sid":"foyer-grant-111111111111-Deployer-write","Effect":"Allow",
              "Principal":{"AWS":"arn:aws-us-gov:iam::111111111111:role/foyer/Deployer"},
              "Action":["kms:Decrypt","kms:DescribeKey","kms:Encrypt","kms:GenerateDataKey*","kms:ReEncrypt*"],
              "Resource":"*"})"));
}

TEST(ResourceGrantTest, MergeAddsToOtherStatementsThenChangesNothing) {
  std::string existing = std::string(R"({"Version":"2012-10-17","Statement":)") + kOtherStatement + "}";
  auto first = MergeGrant(existing, BucketGrant(), false);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->changed);
  ASSERT_EQ(first->policy["Statement"].size(), 2u);
  EXPECT_EQ(first->policy["Statement"][0], nlohmann::json::parse(kOtherStatement));
  EXPECT_EQ(first->policy["Statement"][1], GrantStatement(BucketGrant()));

  auto second = MergeGrant(first->policy.dump(), BucketGrant(), false);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->changed);
  EXPECT_EQ(second->policy, first->policy);
}

TEST(ResourceGrantTest, SameMeaningWrittenDifferentlyIsUnchanged) {
  std::string existing = R"({"Statement":[{"Resource":["arn:aws:s3:::shared-data/*","arn:aws:s3:::shared-data"],
      "Action":["s3:ListBucket","s3:GetObject"],"Principal":{"AWS":["arn:aws:iam::111111111111:role/foyer/Deployer"]},
      "Effect":"Allow","Sid":"foyer-grant-111111111111-Deployer-read"}]})";
  auto merged = MergeGrant(existing, BucketGrant(), false);
  ASSERT_TRUE(merged.ok());
  EXPECT_FALSE(merged->changed);
}

TEST(ResourceGrantTest, AStatementWithOurSidButOtherContentIsReplaced) {
  std::string existing = R"({"Version":"2012-10-17","Statement":{"Sid":"foyer-grant-111111111111-Deployer-read",
      "Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}})";
  auto merged = MergeGrant(existing, BucketGrant(), false);
  ASSERT_TRUE(merged.ok());
  EXPECT_TRUE(merged->changed);
  EXPECT_EQ(merged->policy["Statement"], nlohmann::json::array({GrantStatement(BucketGrant())}));
}

TEST(ResourceGrantTest, RevokeRemovesOnlyOurStatementAndDeletesAnEmptyPolicy) {
  std::string existing = std::string(R"({"Version":"2012-10-17","Statement":[)") + kOtherStatement + "," +
                         GrantStatement(BucketGrant()).dump() + "," +
                         GrantStatement(BucketGrant(AccessLevel::kWrite)).dump() + "]}";
  auto revoked = MergeGrant(existing, BucketGrant(), true);
  ASSERT_TRUE(revoked.ok());
  EXPECT_TRUE(revoked->changed);
  EXPECT_EQ(revoked->policy["Statement"],
            nlohmann::json::array({nlohmann::json::parse(kOtherStatement), GrantStatement(BucketGrant(AccessLevel::kWrite))}));
  auto again = MergeGrant(revoked->policy.dump(), BucketGrant(), true);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->changed);

  auto last = MergeGrant(R"({"Statement":[)" + GrantStatement(BucketGrant()).dump() + "]}", BucketGrant(), true);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->changed);
  EXPECT_TRUE(last->policy.is_null());
  auto none = MergeGrant("", BucketGrant(), true);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->changed);
}

TEST(ResourceGrantTest, NoPolicyYetGetsAVersionAndOurStatement) {
  auto merged = MergeGrant("", BucketGrant(), false);
  ASSERT_TRUE(merged.ok());
  EXPECT_TRUE(merged->changed);
  EXPECT_EQ(merged->policy, nlohmann::json({{"Version", "2012-10-17"},
                                            {"Statement", nlohmann::json::array({GrantStatement(BucketGrant())})}}));
}

TEST(ResourceGrantTest, GarbagePolicyIsRefused) {
  EXPECT_FALSE(MergeGrant("{not json", BucketGrant(), false).ok());
  EXPECT_FALSE(MergeGrant(R"({"Statement":"x"})", BucketGrant(), false).ok());
  EXPECT_FALSE(MergeGrant("[]", BucketGrant(), false).ok());
}

}  // namespace
}  // namespace foyer::grant
