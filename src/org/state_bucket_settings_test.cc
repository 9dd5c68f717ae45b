#include "org/state_bucket_settings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "org/family_testing.h"

namespace foyer::org {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;

// Runs every journaled call and remembers its operation.
class BucketSettingsTest : public ::testing::Test {
 protected:
  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  aws::S3Client s3_{aws::FakeConfig(transport_)};
  org::testing::RecordingApplyContext context_;
  const json policy_ = json::parse(R"({"Version":"2012-10-17","Statement":[]})");
};

TEST_F(BucketSettingsTest, MissingBucketIsCreatedLockedDownFirstThenConfigured) {
  transport_->Reply(404, "");
  for (int i = 0; i < 6; ++i) transport_->Reply(200, "");
  std::vector<FieldChange> fields = BucketDifferences(std::nullopt, policy_);
  EXPECT_THAT(FieldNames(fields),
              ElementsAre("versioning", "encryption", "public_access_block", "object_ownership", "policy"));
  ASSERT_TRUE(ConvergeBucket(context_, s3_, "b1", FieldNames(fields), policy_).ok());
  EXPECT_THAT(context_.operations,
              ElementsAre("s3:CreateBucket bucket b1", "s3:PutPublicAccessBlock bucket b1",
                          "s3:PutBucketOwnershipControls bucket b1", "s3:PutBucketEncryption bucket b1",
                          "s3:PutBucketVersioning bucket b1", "s3:PutBucketPolicy bucket b1"));
  EXPECT_EQ(transport_->requests.back().body, policy_.dump());
}

TEST_F(BucketSettingsTest, ExistingBucketGetsOnlyTheSettingsThatDiffer) {
  LiveBucket live{"Suspended", "AES256",
                  json::parse(R"({"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,
                                  "RestrictPublicBuckets":true})"),
                  "BucketOwnerEnforced", R"({"Statement":[],"Version":"2012-10-17"})"};
  std::vector<FieldChange> fields = BucketDifferences(live, policy_);
  ASSERT_THAT(FieldNames(fields), ElementsAre("versioning"));
  EXPECT_EQ(fields[0].before, "Suspended");
  EXPECT_EQ(fields[0].after, "Enabled");

  transport_->Reply(200, "");
  transport_->Reply(200, "");
  ASSERT_TRUE(ConvergeBucket(context_, s3_, "b1", FieldNames(fields), policy_).ok());
  EXPECT_THAT(context_.operations, ElementsAre("s3:PutBucketVersioning bucket b1"));
  EXPECT_EQ(transport_->requests.size(), 2u) << "a HEAD to look, one PUT";
}

TEST_F(BucketSettingsTest, BucketOfSomeoneElseIsAnErrorNotACreation) {
  transport_->Reply(403, "");
  auto read = ReadBucket(s3_, "taken");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, "AccessDenied");
  transport_->Reply(403, "");
  EXPECT_FALSE(ConvergeBucket(context_, s3_, "taken", {"policy"}, policy_).ok());
  EXPECT_TRUE(context_.operations.empty());
}

}  // namespace
}  // namespace foyer::org
