#include "org/state_bucket_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "org/family_testing.h"
#include "org/audit_trail_family.h"
#include "org/state_bucket_documents.h"
#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::org {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;

std::vector<std::string> Addresses(const Plan& plan) {
  std::vector<std::string> lines;
  for (const Change& change : plan.changes) {
    lines.push_back(std::string(ChangeActionName(change.action)) + " " + change.address);
  }
  return lines;
}

std::vector<std::string> FieldNamesOf(const Change& change) {
  std::vector<std::string> names;
  for (const FieldChange& field : change.fields) names.push_back(field.name);
  return names;
}

class StorageFamiliesTest : public ::testing::Test {
 protected:
  StorageFamiliesTest() : access_(transport_) {
    spec::ParsedSpec parsed = spec::ParseSpec(spec::testing::kSmallSpec, "t.toml");
    EXPECT_TRUE(parsed.ok());
    spec_ = parsed.spec;
    accounts_ = DesiredAccounts(spec_);
  }

  Result<Plan> PlanWith(ResourceFamily& family) {
    PlanContext context{spec_, accounts_, live_, ids_, "aws", 1, access_, false};
    Plan plan;
    Status status = family.AddChanges(context, plan);
    if (!status.ok()) return status.error();
    return plan;
  }

  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  org::testing::FakeAccountAccess access_;
  spec::Spec spec_;
  std::vector<DesiredAccount> accounts_;
  LiveOrganization live_;
  std::map<std::string, std::string> ids_{{"management", "123456789012"}};
};

TEST_F(StorageFamiliesTest, NewOrganizationPlansEveryBucketTheTrailAndTheLockTableUnread) {
  StateBucketFamily state;
  auto state_plan = PlanWith(state);
  ASSERT_TRUE(state_plan.ok()) << state_plan.error().Describe();
  EXPECT_THAT(Addresses(*state_plan), ElementsAre("create s3_bucket.deploy/terraform-state-us-east-1",
                                                  "create s3_bucket.deploy/terraform-state-us-west-2",
                                                  "create dynamodb_table.deploy/foyer-apply-lock"));
  const Change& west = state_plan->changes[1];
  EXPECT_EQ(west.account, "deploy");
  EXPECT_THAT(FieldNamesOf(west), ElementsAre("name", "region", "versioning", "encryption", "public_access_block",
                                              "object_ownership", "policy"));
  EXPECT_EQ(west.fields[0].after, "foyer-tfstate-<id of account deploy>-us-west-2");
  EXPECT_EQ(west.fields[1].after, "us-west-2");
  EXPECT_EQ(west.fields[2].after, "Enabled");
  EXPECT_EQ(west.fields[3].after, "AES256");
  EXPECT_EQ(west.fields[4].after, json::parse(R"({"BlockPublicAcls":true,"IgnorePublicAcls":true,
      "BlockPublicPolicy":true,"RestrictPublicBuckets":true})"));
  EXPECT_EQ(west.fields[5].after, "BucketOwnerEnforced");
  EXPECT_THAT(west.depends_on, ElementsAre("organization", "account.deploy", "account.admin"));
  EXPECT_EQ(state_plan->changes[2].fields[2].after, "LockID");
  EXPECT_EQ(state_plan->changes[2].fields[3].after, "PAY_PER_REQUEST");

  AuditTrailFamily audit;
  auto audit_plan = PlanWith(audit);
  ASSERT_TRUE(audit_plan.ok()) << audit_plan.error().Describe();
  EXPECT_THAT(Addresses(*audit_plan), ElementsAre("create s3_bucket.audit/audit-trail",
                                                  "create cloudtrail_trail.management/foyer-organization-trail"));
  const Change& trail = audit_plan->changes[1];
  EXPECT_EQ(trail.account, "management");
  EXPECT_THAT(FieldNamesOf(trail), ElementsAre("s3_bucket_name", "s3_key_prefix", "is_organization_trail",
                                               "is_multi_region_trail", "log_file_validation",
                                               "include_global_service_events", "logging"));
  EXPECT_THAT(trail.depends_on, ElementsAre("organization", "account.audit", "s3_bucket.audit/audit-trail"));
  EXPECT_TRUE(transport_->requests.empty());
}

TEST_F(StorageFamiliesTest, ConvergedStateBucketsAndTablePlanNothing) {
  live_.organization = aws::Organization{};
  live_.organization->id = "o-abc";
  ids_ = {{"management", "123456789012"}, {"admin", "111111111111"}, {"deploy", "444444444444"}};
  for (const char* region : {"us-east-1", "us-west-2"}) {
    const std::string bucket = std::string("foyer-tfstate-444444444444-") + region;
    transport_->Reply(200, "");
    transport_->Reply(200, "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>");
    transport_->Reply(200, "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>"
                           "<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
                           "</ServerSideEncryptionConfiguration>");
    transport_->Reply(200, "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls>"
                           "<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>"
                           "<RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>");
    transport_->Reply(200, "<OwnershipControls><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule>"
                           "</OwnershipControls>");
    // The policy as S3 may return it: its statements in another order.
    json policy = StateBucketPolicy("aws", bucket, "o-abc", "111111111111");
    std::reverse(policy["Statement"].begin(), policy["Statement"].end());
    transport_->Reply(200, policy.dump(2));
  }
  transport_->Reply(200, R"({"Table":{"TableName":"foyer-apply-lock","TableStatus":"ACTIVE",
      "KeySchema":[{"AttributeName":"LockID","KeyType":"HASH"}]}})");
  StateBucketFamily state;
  auto plan = PlanWith(state);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->changes.empty()) << Addresses(*plan).front();
  EXPECT_TRUE(plan->notes.empty());
  EXPECT_EQ(transport_->requests.size(), 13u) << "six reads per bucket, one for the table";
  EXPECT_THAT(access_.places, ElementsAre("444444444444 us-east-1", "444444444444 us-west-2",
                                          "444444444444 us-east-1"));
}

}  // namespace
}  // namespace foyer::org
