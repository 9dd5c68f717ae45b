#include "aws/organizations.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

using nlohmann::json;

class OrganizationsTest : public ::testing::Test {
 protected:
  json BodyOf(size_t index) { return json::parse(transport_->requests.at(index).body); }
  std::string TargetOf(size_t index) { return transport_->requests.at(index).Header("X-Amz-Target"); }

  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  OrganizationsClient organizations_{FakeConfig(transport_)};
};

TEST_F(OrganizationsTest, CreateOrganizationAsksForAllFeatures) {
  transport_->Reply(200, R"({"Organization":{"Id":"o-abc","Arn":"arn:org","FeatureSet":"ALL",
      "MasterAccountArn":"arn:acct","MasterAccountId":"123456789012","MasterAccountEmail":"m@x"}})");
  Result<Organization> organization = organizations_.CreateOrganization();
  ASSERT_TRUE(organization.ok()) << organization.error().Describe();
  EXPECT_EQ(TargetOf(0), "AWSOrganizationsV20161128.CreateOrganization");
  EXPECT_EQ(BodyOf(0), json::parse(R"({"FeatureSet":"ALL"})"));
  EXPECT_EQ(organization->id, "o-abc");
  EXPECT_EQ(organization->feature_set, "ALL");
  EXPECT_EQ(organization->master_account_id, "123456789012");
  EXPECT_EQ(organization->master_account_email, "m@x");
}

TEST_F(OrganizationsTest, ListAccountsFollowsNextToken) {
  transport_->Reply(200, R"({"Accounts":[{"Id":"111111111111","Name":"a","Email":"a@x","Status":"ACTIVE",
      "JoinedMethod":"CREATED","JoinedTimestamp":1795820025.0}],"NextToken":"t1"})");
  transport_->Reply(200, R"({"Accounts":[{"Id":"222222222222","Name":"b"}],"NextToken":"t2"})");
  transport_->Reply(200, R"({"Accounts":[{"Id":"333333333333","Name":"c"}]})");
  OrganizationsClient paged(FakeConfig(transport_), 1);
  Result<std::vector<Account>> accounts = paged.ListAccounts();
  ASSERT_TRUE(accounts.ok()) << accounts.error().Describe();
  ASSERT_EQ(accounts->size(), 3u);
  EXPECT_EQ((*accounts)[0].id, "111111111111");
  EXPECT_EQ((*accounts)[0].email, "a@x");
  EXPECT_EQ((*accounts)[0].status, "ACTIVE");
  EXPECT_EQ((*accounts)[0].joined_method, "CREATED");
  EXPECT_EQ((*accounts)[0].joined_timestamp, Clock::time_point(std::chrono::seconds(1795820025)));
  EXPECT_EQ((*accounts)[2].name, "c");
  EXPECT_EQ(BodyOf(0), json::parse(R"({"MaxResults":1})"));
  EXPECT_EQ(BodyOf(1), json::parse(R"({"MaxResults":1,"NextToken":"t1"})"));
  EXPECT_EQ(BodyOf(2), json::parse(R"({"MaxResults":1,"NextToken":"t2"})"));
}

TEST_F(OrganizationsTest, CreateAccountAndPollStatus) {
  transport_->Reply(200, R"({"CreateAccountStatus":{"Id":"car-1","AccountName":"admin","State":"IN_PROGRESS",
      "RequestedTimestamp":1795820025}})");
  transport_->Reply(200, R"({"CreateAccountStatus":{"Id":"car-1","AccountName":"admin","State":"SUCCEEDED",
      "AccountId":"444444444444","CompletedTimestamp":1795820026}})");
  CreateAccountRequest request;
  request.email = "aws+admin@example.com";
  request.account_name = "admin";
  request.iam_user_access_to_billing = "DENY";
  request.tags = {{"foyer:kind", "admin"}, {"foyer:managed", "true"}};
  Result<CreateAccountStatus> status = organizations_.CreateAccount(request);
  ASSERT_TRUE(status.ok()) << status.error().Describe();
  EXPECT_EQ(BodyOf(0), json::parse(R"({"Email":"aws+admin@example.com","AccountName":"admin",
      "IamUserAccessToBilling":"DENY",
      "Tags":[{"Key":"foyer:kind","Value":"admin"},{"Key":"foyer:managed","Value":"true"}]})"));
  EXPECT_EQ(status->id, "car-1");
  EXPECT_EQ(status->state, "IN_PROGRESS");
  Result<CreateAccountStatus> done = organizations_.DescribeCreateAccountStatus("car-1");
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(BodyOf(1), json::parse(R"({"CreateAccountRequestId":"car-1"})"));
  EXPECT_EQ(done->state, "SUCCEEDED");
  EXPECT_EQ(done->account_id, "444444444444");
  EXPECT_EQ(done->completed_timestamp, Clock::time_point(std::chrono::seconds(1795820026)));
}

TEST_F(OrganizationsTest, ListCreateAccountStatusFiltersByState) {
  transport_->Reply(200, R"({"CreateAccountStatuses":[{"Id":"car-2","AccountName":"audit",
      "State":"IN_PROGRESS"}]})");
  Result<std::vector<CreateAccountStatus>> statuses =
      organizations_.ListCreateAccountStatus({"IN_PROGRESS"});
  ASSERT_TRUE(statuses.ok()) << statuses.error().Describe();
  EXPECT_EQ(BodyOf(0), json::parse(R"({"States":["IN_PROGRESS"]})"));
  ASSERT_EQ(statuses->size(), 1u);
  EXPECT_EQ((*statuses)[0].id, "car-2");
  EXPECT_EQ((*statuses)[0].account_name, "audit");
}

TEST_F(OrganizationsTest, TreeOperations) {
  transport_->Reply(200, R"({"Roots":[{"Id":"r-ab12","Arn":"arn:root","Name":"Root",
      "PolicyTypes":[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"}]}]})");
  transport_->Reply(200, R"({"OrganizationalUnit":{"Id":"ou-ab12-1","Arn":"arn:ou","Name":"Security"}})");
  transport_->Reply(200, R"({"Children":[{"Id":"ou-ab12-1","Type":"ORGANIZATIONAL_UNIT"}]})");
  transport_->Reply(200, R"({"Parents":[{"Id":"r-ab12","Type":"ROOT"}]})");
  transport_->Reply(200, "{}");
  Result<std::vector<Root>> roots = organizations_.ListRoots();
  ASSERT_TRUE(roots.ok());
  ASSERT_EQ(roots->size(), 1u);
  EXPECT_EQ((*roots)[0].id, "r-ab12");
  ASSERT_EQ((*roots)[0].policy_types.size(), 1u);
  EXPECT_EQ((*roots)[0].policy_types[0].type, "SERVICE_CONTROL_POLICY");
  EXPECT_EQ((*roots)[0].policy_types[0].status, "ENABLED");
  Result<OrganizationalUnit> ou = organizations_.CreateOrganizationalUnit("r-ab12", "Security", {{"k", "v"}});
  ASSERT_TRUE(ou.ok());
  EXPECT_EQ(ou->id, "ou-ab12-1");
  EXPECT_EQ(BodyOf(1), json::parse(R"({"ParentId":"r-ab12","Name":"Security","Tags":[{"Key":"k","Value":"v"}]})"));
  Result<std::vector<OrgNode>> children = organizations_.ListChildren("r-ab12", "ORGANIZATIONAL_UNIT");
  ASSERT_TRUE(children.ok());
  EXPECT_EQ(BodyOf(2), json::parse(R"({"ParentId":"r-ab12","ChildType":"ORGANIZATIONAL_UNIT"})"));
  EXPECT_EQ((*children)[0].type, "ORGANIZATIONAL_UNIT");
  Result<std::vector<OrgNode>> parents = organizations_.ListParents("111111111111");
  ASSERT_TRUE(parents.ok());
  EXPECT_EQ((*parents)[0].id, "r-ab12");
  EXPECT_EQ((*parents)[0].type, "ROOT");
  ASSERT_TRUE(organizations_.MoveAccount("111111111111", "r-ab12", "ou-ab12-1").ok());
  EXPECT_EQ(TargetOf(4), "AWSOrganizationsV20161128.MoveAccount");
  EXPECT_EQ(BodyOf(4), json::parse(R"({"AccountId":"111111111111","SourceParentId":"r-ab12",
      "DestinationParentId":"ou-ab12-1"})"));
}

TEST_F(OrganizationsTest, Policies) {
  transport_->Reply(200, R"({"Policy":{"PolicySummary":{"Id":"p-1","Arn":"arn:p","Name":"deny-leave",
      "Description":"d","Type":"SERVICE_CONTROL_POLICY","AwsManaged":false},"Content":"{\"Version\":\"2012-10-17\"}"}})");
  transport_->Reply(200, "{}");
  transport_->Reply(200, R"({"Targets":[{"TargetId":"ou-1","Arn":"arn:ou","Name":"Workloads","Type":"ORGANIZATIONAL_UNIT"}]})");
  transport_->Reply(200, R"({"Policies":[{"Id":"p-FullAWSAccess","Name":"FullAWSAccess","AwsManaged":true},
      {"Id":"p-1","Name":"deny-leave"}]})");
  CreateOrgPolicyRequest request;
  request.name = "deny-leave";
  request.description = "d";
  request.content = R"({"Version":"2012-10-17"})";
  Result<OrgPolicy> policy = organizations_.CreatePolicy(request);
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(BodyOf(0), json::parse(R"({"Name":"deny-leave","Description":"d","Type":"SERVICE_CONTROL_POLICY",
      "Content":"{\"Version\":\"2012-10-17\"}"})"));
  EXPECT_EQ(policy->summary.id, "p-1");
  EXPECT_EQ(policy->summary.type, "SERVICE_CONTROL_POLICY");
  EXPECT_FALSE(policy->summary.aws_managed);
  EXPECT_EQ(policy->content, R"({"Version":"2012-10-17"})");
  ASSERT_TRUE(organizations_.AttachPolicy("p-1", "ou-1").ok());
  EXPECT_EQ(BodyOf(1), json::parse(R"({"PolicyId":"p-1","TargetId":"ou-1"})"));
  Result<std::vector<PolicyTarget>> targets = organizations_.ListTargetsForPolicy("p-1");
  ASSERT_TRUE(targets.ok());
  EXPECT_EQ((*targets)[0].target_id, "ou-1");
  EXPECT_EQ((*targets)[0].name, "Workloads");
  Result<std::vector<OrgPolicySummary>> attached =
      organizations_.ListPoliciesForTarget("ou-1", "SERVICE_CONTROL_POLICY");
  ASSERT_TRUE(attached.ok());
  EXPECT_EQ(BodyOf(3), json::parse(R"({"TargetId":"ou-1","Filter":"SERVICE_CONTROL_POLICY"})"));
  ASSERT_EQ(attached->size(), 2u);
  EXPECT_TRUE((*attached)[0].aws_managed);
}

TEST_F(OrganizationsTest, DeletePolicyAndTrustedServiceAccess) {
  transport_->Reply(200, "{}");
  transport_->Reply(200, "{}");
  ASSERT_TRUE(organizations_.DeletePolicy("p-1").ok());
  EXPECT_EQ(TargetOf(0), "AWSOrganizationsV20161128.DeletePolicy");
  EXPECT_EQ(BodyOf(0), json::parse(R"({"PolicyId":"p-1"})"));
  ASSERT_TRUE(organizations_.EnableAWSServiceAccess("cloudtrail.amazonaws.com").ok());
  EXPECT_EQ(TargetOf(1), "AWSOrganizationsV20161128.EnableAWSServiceAccess");
  EXPECT_EQ(BodyOf(1), json::parse(R"({"ServicePrincipal":"cloudtrail.amazonaws.com"})"));
}

TEST_F(OrganizationsTest, UpdatePolicySendsOnlyChangedFields) {
  transport_->Reply(200, R"({"Policy":{"PolicySummary":{"Id":"p-1"},"Content":"{}"}})");
  UpdateOrgPolicyRequest request;
  request.policy_id = "p-1";
  request.content = "{}";
  ASSERT_TRUE(organizations_.UpdatePolicy(request).ok());
  EXPECT_EQ(BodyOf(0), json::parse(R"({"PolicyId":"p-1","Content":"{}"})"));
}

TEST_F(OrganizationsTest, TagsAndDelegatedAdministrators) {
  transport_->Reply(200, "{}");
  transport_->Reply(200, "{}");
  transport_->Reply(200, R"({"Tags":[{"Key":"a","Value":"1"}],"NextToken":"n"})");
  transport_->Reply(200, R"({"Tags":[{"Key":"b","Value":"2"}]})");
  transport_->Reply(200, R"({"DelegatedAdministrators":[{"Id":"555555555555","Name":"admin",
      "DelegationEnabledDate":1795820025}]})");
  ASSERT_TRUE(organizations_.TagResource("111111111111", {{"a", "1"}}).ok());
  EXPECT_EQ(BodyOf(0), json::parse(R"({"ResourceId":"111111111111","Tags":[{"Key":"a","Value":"1"}]})"));
  ASSERT_TRUE(organizations_.UntagResource("111111111111", {"x", "y"}).ok());
  EXPECT_EQ(BodyOf(1), json::parse(R"({"ResourceId":"111111111111","TagKeys":["x","y"]})"));
  Result<TagList> tags = organizations_.ListTagsForResource("111111111111");
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (TagList{{"a", "1"}, {"b", "2"}}));
  Result<std::vector<DelegatedAdministrator>> admins =
      organizations_.ListDelegatedAdministrators("guardduty.amazonaws.com");
  ASSERT_TRUE(admins.ok());
  EXPECT_EQ(BodyOf(4), json::parse(R"({"ServicePrincipal":"guardduty.amazonaws.com"})"));
  ASSERT_EQ(admins->size(), 1u);
  EXPECT_EQ((*admins)[0].account.id, "555555555555");
  EXPECT_EQ((*admins)[0].delegation_enabled_date, Clock::time_point(std::chrono::seconds(1795820025)));
}

TEST_F(OrganizationsTest, NotInUseError) {
  transport_->Reply(400, R"({"__type":"AWSOrganizationsNotInUseException","message":"Your account is not a member of an organization."})");
  Result<Organization> organization = organizations_.DescribeOrganization();
  ASSERT_FALSE(organization.ok());
  EXPECT_EQ(organization.error().code, "AWSOrganizationsNotInUseException");
  EXPECT_EQ(organization.error().message,
            "Organizations DescribeOrganization failed: Your account is not a member of an organization.");
}

}  // namespace
}  // namespace foyer::aws
