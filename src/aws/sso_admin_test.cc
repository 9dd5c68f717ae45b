#include "aws/sso_admin.h"

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

using nlohmann::json;

constexpr char kInstance[] = "arn:aws:sso:::instance/ssoins-1";
constexpr char kSet[] = "arn:aws:sso:::permissionSet/ssoins-1/ps-1";

class SsoAdminTest : public ::testing::Test {
 protected:
  json BodyOf(size_t index) { return json::parse(transport_->requests.at(index).body); }
  std::string TargetOf(size_t index) { return transport_->requests.at(index).Header("X-Amz-Target"); }

  // The request schedule with its waits recorded instead of slept.
  PollSchedule RecordingSchedule() {
    PollSchedule schedule = SsoRequestSchedule();
    schedule.sleep = [this](std::chrono::milliseconds wait) { waits_.push_back(wait.count()); };
    return schedule;
  }

  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  std::vector<long> waits_;
  SsoAdminClient client_{FakeConfig(transport_), RecordingSchedule()};
};

TEST_F(SsoAdminTest, ListInstancesReadsTheStoreId) {
  transport_->Reply(200, R"({"Instances":[{"InstanceArn":"arn:aws:sso:::instance/ssoins-1",
      "IdentityStoreId":"d-123","OwnerAccountId":"111111111111"}]})");
  auto instances = client_.ListInstances();
  ASSERT_TRUE(instances.ok()) << instances.error().Describe();
  EXPECT_EQ(TargetOf(0), "SWBExternalService.ListInstances");
  EXPECT_EQ(transport_->requests[0].url.find("https://aws.example"), 0u);
  ASSERT_EQ(instances->size(), 1u);
  EXPECT_EQ((*instances)[0].instance_arn, kInstance);
  EXPECT_EQ((*instances)[0].identity_store_id, "d-123");
  EXPECT_EQ((*instances)[0].owner_account_id, "111111111111");
}

TEST_F(SsoAdminTest, ListPermissionSetsFollowsNextToken) {
  transport_->Reply(200, R"({"PermissionSets":["arn:a"],"NextToken":"t1"})");
  transport_->Reply(200, R"({"PermissionSets":["arn:b"]})");
  auto sets = client_.ListPermissionSets(kInstance);
  ASSERT_TRUE(sets.ok()) << sets.error().Describe();
  EXPECT_EQ(*sets, (std::vector<std::string>{"arn:a", "arn:b"}));
  EXPECT_EQ(BodyOf(0), json({{"InstanceArn", kInstance}}));
  EXPECT_EQ(BodyOf(1), json({{"InstanceArn", kInstance}, {"NextToken", "t1"}}));
}

TEST_F(SsoAdminTest, CreatePermissionSetSendsTagsAndReturnsTheArn) {
  transport_->Reply(200, R"({"PermissionSet":{"PermissionSetArn":"arn:aws:sso:::permissionSet/ssoins-1/ps-1"}})");
  auto arn = client_.CreatePermissionSet({kInstance, "foyer-sre", "managed", "PT12H", {{"foyer:managed", "true"}}});
  ASSERT_TRUE(arn.ok()) << arn.error().Describe();
  EXPECT_EQ(*arn, kSet);
  EXPECT_EQ(TargetOf(0), "SWBExternalService.CreatePermissionSet");
  EXPECT_EQ(BodyOf(0), json::parse(R"({"InstanceArn":"arn:aws:sso:::instance/ssoins-1","Name":"foyer-sre",
      "Description":"managed","SessionDuration":"PT12H","Tags":[{"Key":"foyer:managed","Value":"true"}]})"));
}

TEST_F(SsoAdminTest, DescribeAndInlinePolicy) {
  transport_->Reply(200, R"({"PermissionSet":{"PermissionSetArn":"p","Name":"foyer-sre","Description":"d",
      "SessionDuration":"PT1H"}})");
  transport_->Reply(200, R"({"InlinePolicy":"{\"Version\":\"2012-10-17\"}"})");
  transport_->Reply(200, "{}");
  auto set = client_.DescribePermissionSet(kInstance, kSet);
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->name, "foyer-sre");
  EXPECT_EQ(set->session_duration, "PT1H");
  auto policy = client_.GetInlinePolicy(kInstance, kSet);
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(*policy, R"({"Version":"2012-10-17"})");
  EXPECT_EQ(TargetOf(1), "SWBExternalService.GetInlinePolicyForPermissionSet");
  ASSERT_TRUE(client_.PutInlinePolicy(kInstance, kSet, "{}").ok());
  EXPECT_EQ(TargetOf(2), "SWBExternalService.PutInlinePolicyToPermissionSet");
  EXPECT_EQ(BodyOf(2), json({{"InstanceArn", kInstance}, {"PermissionSetArn", kSet}, {"InlinePolicy", "{}"}}));
}

TEST_F(SsoAdminTest, ProvisionTargetsEveryProvisionedAccount) {
  transport_->Reply(200, R"({"PermissionSetProvisioningStatus":{"Status":"IN_PROGRESS","RequestId":"r-1"}})");
  transport_->Reply(200, R"({"PermissionSetProvisioningStatus":{"Status":"IN_PROGRESS","RequestId":"r-1"}})");
  transport_->Reply(200, R"({"PermissionSetProvisioningStatus":{"Status":"SUCCEEDED","RequestId":"r-1"}})");
  Status provisioned = client_.ProvisionPermissionSet(kInstance, kSet);
  ASSERT_TRUE(provisioned.ok()) << provisioned.error().Describe();
  EXPECT_EQ(BodyOf(0), json({{"InstanceArn", kInstance}, {"PermissionSetArn", kSet},
                             {"TargetType", "ALL_PROVISIONED_ACCOUNTS"}}));
  ASSERT_EQ(transport_->requests.size(), 3u);
  EXPECT_EQ(TargetOf(1), "SWBExternalService.DescribePermissionSetProvisioningStatus");
  EXPECT_EQ(BodyOf(2), json({{"InstanceArn", kInstance}, {"ProvisionPermissionSetRequestId", "r-1"}}));
  EXPECT_EQ(waits_, (std::vector<long>{500, 1000}));
}

TEST_F(SsoAdminTest, AFailedProvisioningIsAnErrorWithItsReason) {
  transport_->Reply(200, R"({"PermissionSetProvisioningStatus":{"Status":"IN_PROGRESS","RequestId":"r-2"}})");
  transport_->Reply(200, R"({"PermissionSetProvisioningStatus":{"Status":"FAILED","RequestId":"r-2",
      "FailureReason":"Received a 404 status error: Not supported account."}})");
  Status provisioned = client_.ProvisionPermissionSet(kInstance, kSet);
  ASSERT_FALSE(provisioned.ok());
  EXPECT_EQ(provisioned.error().code, "IdentityCenterRequestFailed");
  EXPECT_EQ(provisioned.error().message,
            "IAM Identity Center failed provisioning permission set arn:aws:sso:::permissionSet/ssoins-1/ps-1 "
            "(request r-2): Received a 404 status error: Not supported account.; fix the cause and run apply again");
}

TEST_F(SsoAdminTest, AssignmentCreationWaitsUntilItSucceeds) {
  transport_->Reply(200, R"({"AccountAssignmentCreationStatus":{"Status":"IN_PROGRESS","RequestId":"c-1"}})");
  transport_->Reply(200, R"({"AccountAssignmentCreationStatus":{"Status":"SUCCEEDED","RequestId":"c-1"}})");
  AccountAssignment assignment{"111111111111", kSet, "GROUP", "g-1"};
  Status created = client_.CreateAccountAssignment(kInstance, assignment);
  ASSERT_TRUE(created.ok()) << created.error().Describe();
  ASSERT_EQ(transport_->requests.size(), 2u);
  EXPECT_EQ(TargetOf(1), "SWBExternalService.DescribeAccountAssignmentCreationStatus");
  EXPECT_EQ(BodyOf(1), json({{"InstanceArn", kInstance}, {"AccountAssignmentCreationRequestId", "c-1"}}));
  EXPECT_EQ(waits_, (std::vector<long>{500}));
}

TEST_F(SsoAdminTest, AFailedAssignmentCreationIsNoSuccess) {
  transport_->Reply(200, R"({"AccountAssignmentCreationStatus":{"Status":"IN_PROGRESS","RequestId":"c-2"}})");
  transport_->Reply(200, R"({"AccountAssignmentCreationStatus":{"Status":"FAILED","RequestId":"c-2",
      "FailureReason":"The principal does not exist"}})");
  Status created = client_.CreateAccountAssignment(kInstance, {"111111111111", kSet, "GROUP", "g-1"});
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, "IdentityCenterRequestFailed");
  EXPECT_EQ(created.error().message,
            "IAM Identity Center failed assigning permission set arn:aws:sso:::permissionSet/ssoins-1/ps-1 for "
            "GROUP g-1 in account 111111111111 (request c-2): The principal does not exist; fix the cause and run "
            "apply again");
}

TEST_F(SsoAdminTest, AFailureInTheFirstAnswerIsNotPolled) {
  transport_->Reply(200, R"({"AccountAssignmentDeletionStatus":{"Status":"FAILED","RequestId":"d-1",
      "FailureReason":"denied"}})");
  Status deleted = client_.DeleteAccountAssignment(kInstance, {"111111111111", kSet, "USER", "u-1"});
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().code, "IdentityCenterRequestFailed");
  EXPECT_EQ(transport_->requests.size(), 1u);
  EXPECT_TRUE(waits_.empty());
}

TEST_F(SsoAdminTest, DeletionStillInProgressAtTheDeadlineIsAnError) {
  transport_->Reply(200, R"({"AccountAssignmentDeletionStatus":{"Status":"IN_PROGRESS","RequestId":"d-2"}})");
  for (int i = 0; i < 100; ++i) {
    transport_->Reply(200, R"({"AccountAssignmentDeletionStatus":{"Status":"IN_PROGRESS","RequestId":"d-2"}})");
  }
  Status deleted = client_.DeleteAccountAssignment(kInstance, {"111111111111", kSet, "USER", "u-1"});
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().code, "IdentityCenterRequestStuck");
  long waited = 0;
  for (long wait : waits_) waited += wait;
  EXPECT_EQ(waited, 302500);  // 0.5+1+2+4 s, then 5 s waits until 5 minutes
  EXPECT_EQ(transport_->requests.size(), waits_.size() + 1);
  EXPECT_EQ(TargetOf(1), "SWBExternalService.DescribeAccountAssignmentDeletionStatus");
}

TEST_F(SsoAdminTest, AssignmentsAreListedAndMadeForAnAccount) {
  transport_->Reply(200, R"({"AccountAssignments":[{"AccountId":"111111111111","PermissionSetArn":"p",
      "PrincipalType":"GROUP","PrincipalId":"g-1"}],"NextToken":"n"})");
  transport_->Reply(200, R"({"AccountAssignments":[]})");
  transport_->Reply(200, R"({"AccountAssignmentCreationStatus":{"Status":"SUCCEEDED","RequestId":"c-0"}})");
  transport_->Reply(400, R"({"__type":"ConflictException","message":"busy"})");
  auto assignments = client_.ListAccountAssignments(kInstance, "111111111111", kSet);
  ASSERT_TRUE(assignments.ok()) << assignments.error().Describe();
  ASSERT_EQ(assignments->size(), 1u);
  EXPECT_EQ((*assignments)[0].principal_id, "g-1");
  EXPECT_EQ(BodyOf(1)["NextToken"], "n");
  AccountAssignment assignment{"111111111111", kSet, "GROUP", "g-1"};
  ASSERT_TRUE(client_.CreateAccountAssignment(kInstance, assignment).ok());
  EXPECT_EQ(BodyOf(2), json({{"InstanceArn", kInstance}, {"PermissionSetArn", kSet}, {"TargetId", "111111111111"},
                             {"TargetType", "AWS_ACCOUNT"}, {"PrincipalType", "GROUP"}, {"PrincipalId", "g-1"}}));
  Status deleted = client_.DeleteAccountAssignment(kInstance, assignment);
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().code, "ConflictException");
  EXPECT_EQ(TargetOf(3), "SWBExternalService.DeleteAccountAssignment");
}

}  // namespace
}  // namespace foyer::aws
