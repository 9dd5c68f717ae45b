#include "org/state_bucket_family.h"

#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "org/organization_family.h"
#include "org/state_bucket_documents.h"
#include "org/state_bucket_settings.h"
#include "org/storage_naming.h"

namespace foyer::org {
namespace {

using nlohmann::json;

constexpr char kLockKey[] = "LockID";

struct StateScope {
  std::string partition;
  std::string deploy_name;
  std::string admin_name;
  std::string lock_region;
};

std::string Placeholder(const std::string& account_name) { return "<id of account " + account_name + ">"; }

Status ApplyStateBucket(ApplyContext& context, const StateScope& scope, const std::string& region,
                        const std::vector<std::string>& fields) {
  auto deploy_id = context.AccountId(scope.deploy_name);
  if (!deploy_id.ok()) return deploy_id.error();
  auto admin_id = context.AccountId(scope.admin_name);
  if (!admin_id.ok()) return admin_id.error();
  auto organization_id = context.OrganizationId();
  if (!organization_id.ok()) return organization_id.error();
  auto config = context.access().ConfigIn(*deploy_id, region);
  if (!config.ok()) return config.error();
  aws::S3Client s3(std::move(*config));
  const std::string bucket = StateBucketName(*deploy_id, region);
  return ConvergeBucket(context, s3, bucket, fields,
                        StateBucketPolicy(scope.partition, bucket, *organization_id, *admin_id));
}

Status AddStateBucketChange(const PlanContext& context, const StateScope& scope, const std::string& region,
                            Plan& plan) {
  auto deploy_id = context.LiveAccountId(scope.deploy_name);
  std::optional<LiveBucket> live;
  if (deploy_id) {
    auto config = context.access.ConfigIn(*deploy_id, region);
    if (!config.ok()) return config.error();
    aws::S3Client s3(std::move(*config));
    auto read = ReadBucket(s3, StateBucketName(*deploy_id, region));
    if (!read.ok()) return read.error();
    live = std::move(*read);
  }
  const std::string bucket = StateBucketName(deploy_id.value_or(Placeholder(scope.deploy_name)), region);
  const std::string organization_id =
      context.live.organization ? context.live.organization->id : "<id of the organization>";
  const std::string admin_id = context.LiveAccountId(scope.admin_name).value_or(Placeholder(scope.admin_name));
  std::vector<FieldChange> fields =
      BucketDifferences(live, StateBucketPolicy(scope.partition, bucket, organization_id, admin_id));
  if (fields.empty()) return OkStatus();
  if (!live) {
    fields.insert(fields.begin(), {FieldChange{"name", json(), bucket}, FieldChange{"region", json(), region}});
  }
  Change change;
  change.action = live ? ChangeAction::kUpdate : ChangeAction::kCreate;
  change.type = "s3_bucket";
  change.address = StateBucketAddress(scope.deploy_name, region);
  change.account = scope.deploy_name;
  change.depends_on = {"organization", AccountAddress(scope.deploy_name), AccountAddress(scope.admin_name)};
  std::vector<std::string> names = FieldNames(fields);
  change.fields = std::move(fields);
  change.apply = [scope, region, names](ApplyContext& apply) {
    return ApplyStateBucket(apply, scope, region, names);
  };
  plan.changes.push_back(std::move(change));
  return OkStatus();
}

// Creates the table unless it exists, and waits until it can take the lock.
Status ApplyLockTable(ApplyContext& context, const StateScope& scope) {
  auto deploy_id = context.AccountId(scope.deploy_name);
  if (!deploy_id.ok()) return deploy_id.error();
  auto config = context.access().ConfigIn(*deploy_id, scope.lock_region);
  if (!config.ok()) return config.error();
  aws::DynamoDbClient dynamodb(std::move(*config));
  const std::string table(kApplyLockTableName);
  auto described = dynamodb.DescribeTable(table);
  if (!described.ok() && described.error().code != "ResourceNotFoundException") return described.error();
  if (!described.ok()) {
    auto created = context.Journaled("dynamodb:CreateTable", "table " + table, [&]() -> Result<std::string> {
      auto made = dynamodb.CreateTable(table, kLockKey);
      if (made.ok()) return made->arn;
      if (made.error().code == "ResourceInUseException") return std::string();
      return made.error();
    });
    if (!created.ok()) return created.error();
  }
  context.Progress("waiting for table " + table);
  auto active = dynamodb.WaitUntilActive(table);
  return active.ok() ? OkStatus() : Status(active.error());
}

Status AddLockTableChange(const PlanContext& context, const StateScope& scope, Plan& plan) {
  auto deploy_id = context.LiveAccountId(scope.deploy_name);
  if (deploy_id) {
    auto config = context.access.ConfigIn(*deploy_id, scope.lock_region);
    if (!config.ok()) return config.error();
    aws::DynamoDbClient dynamodb(std::move(*config));
    auto described = dynamodb.DescribeTable(std::string(kApplyLockTableName));
    if (described.ok()) {
      if (described->hash_key != kLockKey) {
        plan.notes.push_back("table " + std::string(kApplyLockTableName) + " in account " + scope.deploy_name +
                             " is keyed by " + described->hash_key + ", not " + kLockKey +
                             ": foyer apply cannot lock with it; delete it and apply again");
      }
      return OkStatus();
    }
    if (described.error().code != "ResourceNotFoundException") return described.error();
  }
  Change change;
  change.type = "dynamodb_table";
  change.address = ApplyLockTableAddress(scope.deploy_name);
  change.account = scope.deploy_name;
  change.fields = {{"name", json(), std::string(kApplyLockTableName)},
                   {"region", json(), scope.lock_region},
                   {"hash_key", json(), kLockKey},
                   {"billing_mode", json(), "PAY_PER_REQUEST"}};
  change.depends_on = {AccountAddress(scope.deploy_name)};
  change.apply = [scope](ApplyContext& apply) { return ApplyLockTable(apply, scope); };
  plan.changes.push_back(std::move(change));
  return OkStatus();
}

}  // namespace

std::string StateBucketAddress(std::string_view deploy_account_name, std::string_view region) {
  return "s3_bucket." + std::string(deploy_account_name) + "/terraform-state-" + std::string(region);
}

std::string ApplyLockTableAddress(std::string_view deploy_account_name) {
  return "dynamodb_table." + std::string(deploy_account_name) + "/" + std::string(kApplyLockTableName);
}

Status StateBucketFamily::AddChanges(const PlanContext& context, Plan& plan) {
  if (!context.spec.accounts.deploy) return OkStatus();
  StateScope scope{context.partition, context.spec.accounts.deploy->value, context.spec.accounts.admin.value,
                   context.DefaultRegion()};
  for (const auto& region : context.spec.organization.regions.items) {
    FOYER_RETURN_IF_ERROR(AddStateBucketChange(context, scope, region.value, plan));
  }
  return AddLockTableChange(context, scope, plan);
}

}  // namespace foyer::org
