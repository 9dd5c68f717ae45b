#include "roles/policy_size.h"

#include <gtest/gtest.h>

#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

// A group name of `length` characters, distinct per index.
std::string GroupName(int index, size_t length) {
  std::string name = "g" + std::to_string(index);
  name.resize(length, 'x');
  return name;
}

TEST(PolicySizeTest, LengthIsTheCompactText) {
  EXPECT_EQ(PolicyLength(nlohmann::json::parse("{ \"a\" : [ 1, 2 ] }")), std::string(R"({"a":[1,2]})").size());
}

TEST(PolicySizeTest, TrustPolicyWithinTheDefaultLimitPasses) {
  std::vector<std::string> groups;
  for (int i = 0; i < 10; ++i) groups.push_back(GroupName(i, 20));
  nlohmann::json trust = TargetTrustPolicy({"aws", "111111111111"}, groups);
  EXPECT_LT(PolicyLength(trust), kTrustPolicyLimit);
  EXPECT_TRUE(CheckTrustPolicySize("x/foyer/Administrator", trust).ok());
}

TEST(PolicySizeTest, TrustPolicyOverTheLimitSaysHowToFixIt) {
  std::vector<std::string> groups;
  for (int i = 0; i < 40; ++i) groups.push_back(GroupName(i, 30));
  nlohmann::json trust = TargetTrustPolicy({"aws", "111111111111"}, groups);
  Status status = CheckTrustPolicySize("payments-production/foyer/Administrator", trust);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "PolicyTooLarge");
  std::string expected_start = "the trust policy of payments-production/foyer/Administrator would be " +
                               std::to_string(PolicyLength(trust)) + " characters, over IAM's limit of 2048";
  EXPECT_EQ(status.error().message.substr(0, expected_start.size()), expected_start);
  EXPECT_NE(status.error().message.find("Group the grants"), std::string::npos);
}

TEST(PolicySizeTest, InlinePoliciesCountTogether) {
  nlohmann::json big = {{"Statement", std::string(6000, 'a')}};
  EXPECT_TRUE(CheckInlinePoliciesSize("r", {big}).ok());
  Status status = CheckInlinePoliciesSize("r", {big, big});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("over IAM's limit of 10240 per role"), std::string::npos);
}

}  // namespace
}  // namespace foyer::roles
