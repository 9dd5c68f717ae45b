#include "grant/policy_grant.h"

#include "aws/kms.h"
#include "aws/s3.h"

namespace foyer::grant {
namespace {

// A key policy is only ever replaced whole, under the one name KMS knows.
Result<GrantOutcome> ApplyToKey(const aws::ClientConfig& config, const Grant& grant, bool revoke, bool dry_run) {
  aws::KmsClient kms(config);
  auto key = kms.DescribeKey(grant.resource.name);
  if (!key.ok()) return key.error();
  auto existing = kms.GetKeyPolicy(key->key_id);
  if (!existing.ok()) return existing.error();
  auto merged = MergeGrant(*existing, grant, revoke);
  if (!merged.ok()) return merged.error();
  GrantOutcome outcome{merged->policy, merged->changed, false};
  if (merged->policy.is_null()) {
    return MakeError("ConfigError", "revoking would leave key " + key->key_id +
                                        " without any policy statement, which KMS refuses; nothing was changed");
  }
  if (!merged->changed || dry_run) return outcome;
  FOYER_RETURN_IF_ERROR(kms.PutKeyPolicy(key->key_id, merged->policy.dump()));
  outcome.written = true;
  return outcome;
}

Result<GrantOutcome> ApplyToBucket(const aws::ClientConfig& config, Grant grant, bool revoke, bool dry_run) {
  aws::S3Client s3(config);
  const std::string& bucket = grant.resource.name;
  grant.bucket_arn = "arn:" + grant.partition + ":s3:::" + bucket;
  auto existing = s3.GetBucketPolicy(bucket);
  if (!existing.ok() && existing.error().code != "NoSuchBucketPolicy") return existing.error();
  auto merged = MergeGrant(existing.ok() ? *existing : "", grant, revoke);
  if (!merged.ok()) return merged.error();
  GrantOutcome outcome{merged->policy, merged->changed, false};
  if (!merged->changed || dry_run) return outcome;
  FOYER_RETURN_IF_ERROR(merged->policy.is_null() ? s3.DeleteBucketPolicy(bucket)
                                                 : s3.PutBucketPolicy(bucket, merged->policy.dump()));
  outcome.written = true;
  return outcome;
}

}  // namespace

Result<GrantOutcome> ApplyGrant(const aws::ClientConfig& config, Grant grant, bool revoke, bool dry_run) {
  if (grant.resource.kind == ResourceKind::kKmsKey) return ApplyToKey(config, grant, revoke, dry_run);
  return ApplyToBucket(config, std::move(grant), revoke, dry_run);
}

}  // namespace foyer::grant
