#include "snapshot/key_snapshot.h"

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::snapshot {
namespace {

using nlohmann::json;

constexpr char kArn[] = "arn:aws:kms:us-east-1:333333333333:key/";
constexpr char kDenied[] = R"({"__type":"AccessDeniedException","message":"not allowed"})";

std::string Described(const std::string& id, const std::string& manager, const std::string& state) {
  return json({{"KeyMetadata",
                {{"KeyId", id}, {"Arn", kArn + id}, {"KeyManager", manager}, {"KeyState", state}}}})
      .dump();
}

class KeySnapshotTest : public ::testing::Test {
 protected:
  std::string Target(size_t index) const { return transport_->requests.at(index).Header("X-Amz-Target"); }
  std::string KeyIdSent(size_t index) const {
    return json::parse(transport_->requests.at(index).body).value("KeyId", "");
  }

  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  json account = json::object();
  std::vector<std::string> errors;
};

TEST_F(KeySnapshotTest, CustomerKeysWithPoliciesAndEveryFailureAsALine) {
  transport_->Reply(200, R"({"Keys":[{"KeyId":"k-aws"},{"KeyId":"k-gone"},{"KeyId":"k-replica"},
      {"KeyId":"k-hidden"},{"KeyId":"k-1"},{"KeyId":"k-2"}],"Truncated":false})");
  transport_->Reply(200, Described("k-aws", "AWS", "Enabled"));
  transport_->Reply(200, Described("k-gone", "CUSTOMER", "PendingDeletion"));
  transport_->Reply(200, Described("k-replica", "CUSTOMER", "PendingReplicaDeletion"));
  transport_->Reply(400, kDenied);  // DescribeKey k-hidden
  transport_->Reply(200, Described("k-1", "CUSTOMER", "Enabled"));
  transport_->Reply(200, R"({"Policy":"{\"Statement\":[]}"})");
  transport_->Reply(200, Described("k-2", "CUSTOMER", "Disabled"));
  transport_->Reply(400, kDenied);  // GetKeyPolicy k-2
  CollectKeys(aws::FakeConfig(transport_), account, errors);

  EXPECT_EQ(account, json::parse(R"({"keys": [
      {"id": "k-1", "arn": "arn:aws:kms:us-east-1:333333333333:key/k-1", "policy": "{\"Statement\":[]}"},
      {"id": "k-2", "arn": "arn:aws:kms:us-east-1:333333333333:key/k-2"}]})"));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_TRUE(errors[0].starts_with("kms:DescribeKey k-hidden: ")) << errors[0];
  EXPECT_TRUE(errors[1].starts_with("kms:GetKeyPolicy k-2: ")) << errors[1];
  EXPECT_NE(errors[1].find("not allowed"), std::string::npos) << errors[1];
  // The skipped keys' policies are never asked for; GetKeyPolicy names the default policy.
  ASSERT_EQ(transport_->requests.size(), 9u);
  EXPECT_EQ(Target(6), "TrentService.GetKeyPolicy");
  EXPECT_EQ(KeyIdSent(6), "k-1");
  EXPECT_EQ(json::parse(transport_->requests[6].body)["PolicyName"], "default");
  EXPECT_EQ(Target(8), "TrentService.GetKeyPolicy");
  EXPECT_EQ(KeyIdSent(8), "k-2");
}

TEST_F(KeySnapshotTest, KeysThatCannotBeListedAreNotClaimedToBeNone) {
  transport_->Reply(400, kDenied);
  CollectKeys(aws::FakeConfig(transport_), account, errors);
  EXPECT_EQ(account, json::object());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with("kms:ListKeys in us-east-1: ")) << errors[0];
}

TEST_F(KeySnapshotTest, EachRegionAddsItsKeysAndAFailedRegionKeepsTheOthers) {
  transport_->Reply(200, R"({"Keys":[{"KeyId":"k-1"}],"Truncated":false})");
  transport_->Reply(200, Described("k-1", "CUSTOMER", "Enabled"));
  transport_->Reply(200, R"({"Policy":"{}"})");
  transport_->Reply(400, kDenied);
  CollectKeys(aws::FakeConfig(transport_), account, errors);
  aws::ClientConfig west = aws::FakeConfig(transport_);
  west.region = "eu-west-1";
  CollectKeys(west, account, errors);
  ASSERT_EQ(account["keys"].size(), 1u);
  EXPECT_EQ(account["keys"][0]["id"], "k-1");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with("kms:ListKeys in eu-west-1: ")) << errors[0];
  EXPECT_NE(transport_->requests.at(3).Header("Authorization").find("/eu-west-1/kms/"), std::string::npos);
}

}  // namespace
}  // namespace foyer::snapshot
