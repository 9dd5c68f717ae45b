#include "access_graph/snapshot.h"

#include <gtest/gtest.h>

#include "access_graph/test_snapshot.h"
#include "base/time_format.h"

namespace foyer::access_graph {
namespace {

TEST(SnapshotTest, ReadsAccountsRolesUsersProvidersAndScpLevels) {
  Result<Snapshot> snapshot = ParseSnapshot(TestSnapshot());
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  EXPECT_EQ(snapshot->organization_id, "o-test");
  EXPECT_EQ(snapshot->management_account, "111111111111");
  ASSERT_EQ(snapshot->accounts.size(), 4u);
  const SnapshotAccount& admin = *snapshot->FindAccount("222222222222");
  EXPECT_EQ(admin.name, "admin");
  ASSERT_EQ(admin.roles.size(), 1u);
  EXPECT_EQ(admin.roles[0].trust_policy.statements.size(), 2u);
  ASSERT_EQ(admin.users.size(), 1u);
  EXPECT_TRUE(admin.users[0].mfa);
  EXPECT_EQ(admin.oidc_providers.size(), 1u);
  EXPECT_EQ(snapshot->ScpLevels(*snapshot->FindAccount("333333333333")).size(), 3u);
}

void ExpectError(const nlohmann::json& input, const std::string& message) {
  Result<Snapshot> snapshot = ParseSnapshot(input);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(snapshot.error().message, message);
  EXPECT_EQ(snapshot.error().code, "InvalidSnapshot");
}

TEST(SnapshotTest, ErrorsNameTheBadValue) {
  nlohmann::json input = TestSnapshot();
  input["accounts"]["333333333333"]["roles"][0]["arn"] = "arn:aws:iam::444444444444:role/x";
  ExpectError(input, "snapshot accounts.333333333333.roles[0].arn: \"arn:aws:iam::444444444444:role/x\" "
                     "is not an IAM role ARN of account 333333333333");
  input = TestSnapshot();
  input["accounts"]["999999999999"] = nlohmann::json::object();
  ExpectError(input, "snapshot accounts.999999999999: account 999999999999 is not in organization.accounts");
  input = TestSnapshot();
  input["organization"]["accounts"][1]["id"] = "12";
  ExpectError(input, "snapshot organization.accounts[1].id: \"12\" is not a 12-digit account id");
  input = TestSnapshot();
  input["accounts"]["333333333333"]["roles"][0].erase("trust_policy");
  ExpectError(input, "snapshot accounts.333333333333.roles[0]: missing \"trust_policy\"");
  input = TestSnapshot();
  input["accounts"]["222222222222"]["users"][0]["mfa"] = "yes";
  ExpectError(input, "snapshot accounts.222222222222.users[0].mfa: expected true or false");
}

TEST(SnapshotTest, UsersGetTheirGroupsPoliciesAfterTheirOwn) {
  nlohmann::json input = TestSnapshot();
  nlohmann::json& admin = input["accounts"]["222222222222"];
  admin["users"][0]["groups"] = {"ops"};
  admin["groups"] = {{{"name", "ops"},
                      {"arn", "arn:aws:iam::222222222222:group/ops"},
                      {"policies", {{{"name", "assume"}, {"document", AllowAssume("*")}}}}}};
  Result<Snapshot> snapshot = ParseSnapshot(input);
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  const SnapshotAccount& account = *snapshot->FindAccount("222222222222");
  ASSERT_EQ(account.groups.size(), 1u);
  EXPECT_EQ(account.groups[0].arn, "arn:aws:iam::222222222222:group/ops");
  const SnapshotUser& alice = account.users[0];
  EXPECT_EQ(alice.groups, (std::vector<std::string>{"ops"}));
  ASSERT_EQ(alice.policies.size(), 2u);
  EXPECT_EQ(alice.policies[1].name, "group ops: assume");
}

TEST(SnapshotTest, UnknownGroupAndForeignGroupArnAreErrors) {
  nlohmann::json input = TestSnapshot();
  input["accounts"]["222222222222"]["users"][0]["groups"] = {"ghosts"};
  ExpectError(input, "snapshot accounts.222222222222.users[0].groups: group \"ghosts\" is not in "
                     "accounts.222222222222.groups");
  input = TestSnapshot();
  input["accounts"]["222222222222"]["groups"] = {{{"name", "ops"}, {"arn", "arn:aws:iam::333333333333:group/ops"}}};
  ExpectError(input, "snapshot accounts.222222222222.groups[0].arn: \"arn:aws:iam::333333333333:group/ops\" "
                     "is not an IAM group ARN of account 222222222222");
}

TEST(SnapshotTest, RejectsText) {
  Result<Snapshot> snapshot = ParseSnapshotText("{\"organization\": ");
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(snapshot.error().message, "snapshot (top level): not valid JSON");
}

TEST(SnapshotTest, ReadsAccessKeysBucketsTrailsErrorsAndCollectionTime) {
  nlohmann::json input = TestSnapshot();
  input["collected_at"] = "2026-11-28T02:00:00Z";
  nlohmann::json& admin = input["accounts"]["222222222222"];
  admin["users"][0]["access_keys"] = {{{"id", "AKIAOLD"}, {"status", "Active"}, {"created", "2026-01-02T03:04:05Z"}}};
  admin["buckets"] = {{{"name", "logs"}, {"policy", Trust("*")}}, {{"name", "plain"}}};
  admin["trails"] = {{{"name", "t"}, {"arn", "arn:aws:cloudtrail:us-east-1:222222222222:trail/t"}}};
  admin["errors"] = {"s3:ListBuckets: AccessDenied"};
  Result<Snapshot> snapshot = ParseSnapshot(input);
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  ASSERT_TRUE(snapshot->collected_at.has_value());
  EXPECT_EQ(FormatRfc3339(*snapshot->collected_at), "2026-11-28T02:00:00Z");
  const SnapshotAccount& account = *snapshot->FindAccount("222222222222");
  ASSERT_EQ(account.users[0].access_keys.size(), 1u);
  EXPECT_EQ(account.users[0].access_keys[0].id, "AKIAOLD");
  EXPECT_EQ(FormatRfc3339(*account.users[0].access_keys[0].created), "2026-01-02T03:04:05Z");
  ASSERT_EQ(account.buckets.size(), 2u);
  EXPECT_TRUE(account.buckets[0].policy.has_value());
  EXPECT_FALSE(account.buckets[1].policy.has_value());
  ASSERT_EQ(account.trails.size(), 1u);
  EXPECT_FALSE(account.trails[0].organization_trail);
  EXPECT_EQ(account.errors, std::vector<std::string>{"s3:ListBuckets: AccessDenied"});
}

TEST(SnapshotTest, ReadsKmsKeysWithTheirPolicies) {
  nlohmann::json input = TestSnapshot();
  const char* arn = "arn:aws:kms:us-east-1:333333333333:key/k-1";
  input["accounts"]["333333333333"]["keys"] = {
      {{"id", "k-1"}, {"arn", arn}, {"policy", Trust({{"AWS", "*"}}).dump()}},  // as KMS returns it: text
      {{"id", "k-2"}, {"arn", "arn:aws:kms:us-east-1:333333333333:key/k-2"}}};
  Result<Snapshot> snapshot = ParseSnapshot(input);
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  const SnapshotAccount& alpha = *snapshot->FindAccount("333333333333");
  ASSERT_EQ(alpha.keys.size(), 2u);
  EXPECT_EQ(alpha.keys[0].id, "k-1");
  EXPECT_EQ(alpha.keys[0].arn, arn);
  ASSERT_TRUE(alpha.keys[0].policy.has_value());
  ASSERT_EQ(alpha.keys[0].policy->statements.size(), 1u);
  EXPECT_TRUE(alpha.keys[0].policy->statements[0].principals.everyone);
  EXPECT_FALSE(alpha.keys[1].policy.has_value());
  EXPECT_TRUE(snapshot->FindAccount("222222222222")->keys.empty());  // no "keys": none, as in older snapshots
}

TEST(SnapshotTest, KeyErrorsNameTheBadValue) {
  auto with_keys = [](nlohmann::json keys) {
    nlohmann::json input = TestSnapshot();
    input["accounts"]["333333333333"]["keys"] = std::move(keys);
    return input;
  };
  ExpectError(with_keys({{"id", "k-1"}}), "snapshot accounts.333333333333.keys: expected a list");
  ExpectError(with_keys(nlohmann::json::array({"k-1"})), "snapshot accounts.333333333333.keys[0]: expected an object");
  ExpectError(with_keys({{{"arn", "arn:aws:kms:us-east-1:333333333333:key/k-1"}}}),
              "snapshot accounts.333333333333.keys[0]: missing \"id\"");
  ExpectError(with_keys({{{"id", "k-1"}, {"arn", "arn:aws:kms:us-east-1:444444444444:key/k-1"}}}),
              "snapshot accounts.333333333333.keys[0].arn: \"arn:aws:kms:us-east-1:444444444444:key/k-1\" is not the "
              "ARN of KMS key k-1 of account 333333333333");
  Result<Snapshot> bad_policy = ParseSnapshot(
      with_keys({{{"id", "k-1"}, {"arn", "arn:aws:kms:us-east-1:333333333333:key/k-1"}, {"policy", "{not json"}}}));
  ASSERT_FALSE(bad_policy.ok());
  EXPECT_TRUE(bad_policy.error().message.starts_with("snapshot accounts.333333333333.keys[0].policy: "))
      << bad_policy.error().message;
}

TEST(SnapshotTest, RejectsABadKeyCreationTime) {
  nlohmann::json input = TestSnapshot();
  input["accounts"]["222222222222"]["users"][0]["access_keys"] = {{{"id", "AKIA"}, {"created", "yesterday"}}};
  ExpectError(input, "snapshot accounts.222222222222.users[0].access_keys[0].created: \"yesterday\" is not an ISO 8601 time");
}

}  // namespace
}  // namespace foyer::access_graph
