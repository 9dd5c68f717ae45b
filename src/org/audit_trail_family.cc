#include "org/audit_trail_family.h"

#include "aws/cloudtrail.h"
#include "aws/organizations.h"
#include "aws/s3.h"
#include "org/audit_trail_documents.h"
#include "org/organization_family.h"
#include "org/state_bucket_settings.h"
#include "org/storage_naming.h"

namespace foyer::org {
namespace {

using nlohmann::json;

constexpr char kCloudTrailPrincipal[] = "cloudtrail.amazonaws.com";

struct TrailScope {
  std::string partition;
  std::string management_id;
  std::string region;  // the trail's home region and the bucket's region
  std::string audit_name;
};

// The trail settings foyer wants, for the bucket of the audit account.
aws::TrailSettings WantedTrail(const std::string& bucket) {
  aws::TrailSettings settings;
  settings.name = std::string(kOrganizationTrailName);
  settings.s3_bucket_name = bucket;
  settings.is_multi_region_trail = true;
  settings.is_organization_trail = true;
  settings.enable_log_file_validation = true;
  settings.include_global_service_events = true;
  return settings;
}

bool SameTrail(const aws::Trail& live, const aws::TrailSettings& wanted) {
  return live.s3_bucket_name == wanted.s3_bucket_name && live.s3_key_prefix.empty() && live.is_multi_region_trail &&
         live.is_organization_trail && live.log_file_validation_enabled && live.include_global_service_events;
}

Status Journal(ApplyContext& context, const std::string& operation, const std::string& target,
               const std::function<Status()>& call) {
  auto done = context.Journaled(operation, target, [&]() -> Result<std::string> {
    Status status = call();
    if (!status.ok()) return status.error();
    return std::string();
  });
  return done.ok() ? OkStatus() : Status(done.error());
}

Status ApplyAuditBucket(ApplyContext& context, const TrailScope& scope, const std::vector<std::string>& fields) {
  auto audit_id = context.AccountId(scope.audit_name);
  if (!audit_id.ok()) return audit_id.error();
  auto organization_id = context.OrganizationId();
  if (!organization_id.ok()) return organization_id.error();
  auto config = context.access().ConfigIn(*audit_id, scope.region);
  if (!config.ok()) return config.error();
  aws::S3Client s3(std::move(*config));
  const std::string bucket = AuditBucketName(*audit_id);
  json policy = AuditBucketPolicy(scope.partition, bucket,
                                  OrganizationTrailArn(scope.partition, scope.region, scope.management_id),
                                  scope.management_id, *organization_id);
  return ConvergeBucket(context, s3, bucket, fields, policy);
}

// Creates the trail unless it exists (a rerun finds the one it made),
// corrects its settings, and starts logging.
Status ApplyTrail(ApplyContext& context, const TrailScope& scope) {
  auto audit_id = context.AccountId(scope.audit_name);
  if (!audit_id.ok()) return audit_id.error();
  auto config = context.access().ConfigIn(scope.management_id, scope.region);
  if (!config.ok()) return config.error();
  aws::OrganizationsClient orgs(*config);
  FOYER_RETURN_IF_ERROR(Journal(context, "organizations:EnableAWSServiceAccess", kCloudTrailPrincipal,
                                [&] { return orgs.EnableAWSServiceAccess(kCloudTrailPrincipal); }));
  aws::CloudTrailClient cloudtrail(std::move(*config));
  const aws::TrailSettings wanted = WantedTrail(AuditBucketName(*audit_id));
  const std::string target = "trail " + wanted.name;
  auto live = cloudtrail.GetTrail(wanted.name);
  if (!live.ok() && live.error().code != "TrailNotFoundException") return live.error();
  if (!live.ok()) {
    FOYER_RETURN_IF_ERROR(Journal(context, "cloudtrail:CreateTrail", target, [&]() -> Status {
      auto created = cloudtrail.CreateTrail(wanted);
      if (!created.ok()) return created.error();
      return OkStatus();
    }));
  } else if (!SameTrail(*live, wanted)) {
    FOYER_RETURN_IF_ERROR(Journal(context, "cloudtrail:UpdateTrail", target, [&]() -> Status {
      auto updated = cloudtrail.UpdateTrail(wanted);
      if (!updated.ok()) return updated.error();
      return OkStatus();
    }));
  }
  auto status = cloudtrail.GetTrailStatus(wanted.name);
  if (!status.ok()) return status.error();
  if (status->is_logging) return OkStatus();
  return Journal(context, "cloudtrail:StartLogging", target, [&] { return cloudtrail.StartLogging(wanted.name); });
}

Result<std::optional<LiveBucket>> ReadAuditBucket(const PlanContext& context, const std::string& audit_id) {
  auto config = context.access.ConfigIn(audit_id, context.DefaultRegion());
  if (!config.ok()) return config.error();
  aws::S3Client s3(std::move(*config));
  return ReadBucket(s3, AuditBucketName(audit_id));
}

Status AddBucketChange(const PlanContext& context, const TrailScope& scope, Plan& plan) {
  auto audit_id = context.LiveAccountId(scope.audit_name);
  std::optional<LiveBucket> live;
  if (audit_id) {
    auto read = ReadAuditBucket(context, *audit_id);
    if (!read.ok()) return read.error();
    live = std::move(*read);
  }
  const std::string bucket = AuditBucketName(audit_id.value_or("<id of account " + scope.audit_name + ">"));
  const std::string organization_id =
      context.live.organization ? context.live.organization->id : "<id of the organization>";
  json policy = AuditBucketPolicy(scope.partition, bucket,
                                  OrganizationTrailArn(scope.partition, scope.region, scope.management_id),
                                  scope.management_id, organization_id);
  std::vector<FieldChange> fields = BucketDifferences(live, policy);
  if (fields.empty()) return OkStatus();
  Change change;
  change.action = live ? ChangeAction::kUpdate : ChangeAction::kCreate;
  change.type = "s3_bucket";
  change.address = AuditBucketAddress(scope.audit_name);
  change.account = scope.audit_name;
  if (!live) fields.insert(fields.begin(), FieldChange{"name", json(), bucket});
  change.depends_on = {"organization", AccountAddress(scope.audit_name)};
  std::vector<std::string> names = FieldNames(fields);
  change.fields = std::move(fields);
  change.apply = [scope, names](ApplyContext& apply) { return ApplyAuditBucket(apply, scope, names); };
  plan.changes.push_back(std::move(change));
  return OkStatus();
}

// The fields of the trail that differ from `wanted`; all of them when
// there is no trail.
std::vector<FieldChange> TrailDifferences(const std::optional<aws::Trail>& live, bool logging,
                                          const aws::TrailSettings& wanted) {
  std::vector<FieldChange> fields;
  auto compare = [&](const char* name, const json& before, const json& after) {
    if (!live) {
      fields.push_back({name, json(), after});
    } else if (before != after) {
      fields.push_back({name, before, after});
    }
  };
  aws::Trail none;
  const aws::Trail& trail = live ? *live : none;
  compare("s3_bucket_name", trail.s3_bucket_name, wanted.s3_bucket_name);
  compare("s3_key_prefix", trail.s3_key_prefix, "");
  compare("is_organization_trail", trail.is_organization_trail, true);
  compare("is_multi_region_trail", trail.is_multi_region_trail, true);
  compare("log_file_validation", trail.log_file_validation_enabled, true);
  compare("include_global_service_events", trail.include_global_service_events, true);
  compare("logging", logging, true);
  return fields;
}

Status AddTrailChange(const PlanContext& context, const TrailScope& scope, Plan& plan) {
  auto audit_id = context.LiveAccountId(scope.audit_name);
  std::optional<aws::Trail> live;
  bool logging = false;
  if (context.live.organization) {
    auto config = context.access.ConfigIn(scope.management_id, scope.region);
    if (!config.ok()) return config.error();
    aws::CloudTrailClient cloudtrail(std::move(*config));
    auto trail = cloudtrail.GetTrail(std::string(kOrganizationTrailName));
    if (!trail.ok() && trail.error().code != "TrailNotFoundException") return trail.error();
    if (trail.ok()) {
      live = std::move(*trail);
      auto status = cloudtrail.GetTrailStatus(std::string(kOrganizationTrailName));
      if (!status.ok()) return status.error();
      logging = status->is_logging;
    }
  }
  const aws::TrailSettings wanted =
      WantedTrail(AuditBucketName(audit_id.value_or("<id of account " + scope.audit_name + ">")));
  std::vector<FieldChange> fields = TrailDifferences(live, logging, wanted);
  if (fields.empty()) return OkStatus();
  Change change;
  change.action = live ? ChangeAction::kUpdate : ChangeAction::kCreate;
  change.type = "cloudtrail_trail";
  change.address = OrganizationTrailAddress();
  change.account = std::string(kManagementAccountName);
  change.fields = std::move(fields);
  change.depends_on = {"organization", AccountAddress(scope.audit_name), AuditBucketAddress(scope.audit_name)};
  change.apply = [scope](ApplyContext& apply) { return ApplyTrail(apply, scope); };
  plan.changes.push_back(std::move(change));
  return OkStatus();
}

}  // namespace

std::string AuditBucketAddress(std::string_view audit_account_name) {
  return "s3_bucket." + std::string(audit_account_name) + "/audit-trail";
}

std::string OrganizationTrailAddress() {
  return "cloudtrail_trail." + std::string(kManagementAccountName) + "/" + std::string(kOrganizationTrailName);
}

Status AuditTrailFamily::AddChanges(const PlanContext& context, Plan& plan) {
  if (!context.spec.accounts.audit) return OkStatus();
  TrailScope scope{context.partition, context.ManagementAccountId(), context.DefaultRegion(),
                   context.spec.accounts.audit->value};
  FOYER_RETURN_IF_ERROR(AddBucketChange(context, scope, plan));
  return AddTrailChange(context, scope, plan);
}

}  // namespace foyer::org
