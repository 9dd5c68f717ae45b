#include "org/state_bucket_settings.h"

#include <algorithm>

#include "iam/policy_comparison.h"

namespace foyer::org {
namespace {

using nlohmann::json;

constexpr char kVersioning[] = "versioning";
constexpr char kEncryption[] = "encryption";
constexpr char kPublicAccessBlock[] = "public_access_block";
constexpr char kObjectOwnership[] = "object_ownership";
constexpr char kPolicy[] = "policy";
constexpr char kOwnerEnforced[] = "BucketOwnerEnforced";
constexpr char kSseS3[] = "AES256";

json BlockJson(const aws::PublicAccessBlock& block) {
  return {{"BlockPublicAcls", block.block_public_acls},
          {"IgnorePublicAcls", block.ignore_public_acls},
          {"BlockPublicPolicy", block.block_public_policy},
          {"RestrictPublicBuckets", block.restrict_public_buckets}};
}

// The value of a setting S3 answers "not set" for with error `unset_code`.
template <typename T>
Result<std::optional<T>> Optional(Result<T> read, const char* unset_code) {
  if (read.ok()) return std::optional<T>(std::move(*read));
  if (read.error().code == unset_code) return std::optional<T>();
  return read.error();
}

bool Wants(const std::vector<std::string>& fields, const char* name) {
  return std::find(fields.begin(), fields.end(), name) != fields.end();
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

}  // namespace

Result<std::optional<LiveBucket>> ReadBucket(aws::S3Client& s3, const std::string& name) {
  Status head = s3.HeadBucket(name);
  if (!head.ok() && head.error().code == "NoSuchBucket") return std::optional<LiveBucket>();
  if (!head.ok()) return head.error();
  LiveBucket live;
  auto versioning = s3.GetBucketVersioning(name);
  if (!versioning.ok()) return versioning.error();
  live.versioning = *versioning;
  auto encryption = Optional(s3.GetBucketEncryption(name), "ServerSideEncryptionConfigurationNotFoundError");
  if (!encryption.ok()) return encryption.error();
  if (encryption->has_value()) live.encryption = (*encryption)->sse_algorithm;
  auto block = Optional(s3.GetPublicAccessBlock(name), "NoSuchPublicAccessBlockConfiguration");
  if (!block.ok()) return block.error();
  if (block->has_value()) live.public_access_block = BlockJson(**block);
  auto ownership = Optional(s3.GetBucketOwnershipControls(name), "OwnershipControlsNotFoundError");
  if (!ownership.ok()) return ownership.error();
  live.object_ownership = ownership->value_or("");
  auto policy = Optional(s3.GetBucketPolicy(name), "NoSuchBucketPolicy");
  if (!policy.ok()) return policy.error();
  live.policy = policy->value_or("");
  return std::optional<LiveBucket>(std::move(live));
}

std::vector<FieldChange> BucketDifferences(const std::optional<LiveBucket>& live, const json& policy) {
  const json wanted_block = BlockJson(aws::PublicAccessBlock::All());
  std::vector<FieldChange> fields;
  auto compare = [&](const char* name, const json& before, const json& after, bool same) {
    if (!live.has_value() || !same) fields.push_back({name, live.has_value() ? before : json(), after});
  };
  LiveBucket none;
  const LiveBucket& bucket = live.has_value() ? *live : none;
  compare(kVersioning, bucket.versioning.empty() ? json() : json(bucket.versioning), "Enabled",
          bucket.versioning == "Enabled");
  compare(kEncryption, bucket.encryption.empty() ? json() : json(bucket.encryption), kSseS3,
          bucket.encryption == kSseS3);
  compare(kPublicAccessBlock, bucket.public_access_block, wanted_block, bucket.public_access_block == wanted_block);
  compare(kObjectOwnership, bucket.object_ownership.empty() ? json() : json(bucket.object_ownership),
          kOwnerEnforced, bucket.object_ownership == kOwnerEnforced);
  std::optional<json> live_policy = bucket.policy.empty() ? std::nullopt : iam::ParsePolicyText(bucket.policy);
  compare(kPolicy, live_policy.value_or(json()), policy, iam::SameAsLive(bucket.policy, policy));
  return fields;
}

Status ConvergeBucket(ApplyContext& context, aws::S3Client& s3, const std::string& name,
                      const std::vector<std::string>& fields, const json& policy) {
  const std::string target = "bucket " + name;
  Status head = s3.HeadBucket(name);
  if (!head.ok() && head.error().code != "NoSuchBucket") return head.error();
  if (!head.ok()) {
    FOYER_RETURN_IF_ERROR(Journal(context, "s3:CreateBucket", target, [&] {
      Status created = s3.CreateBucket(name);
      if (!created.ok() && created.error().code == "BucketAlreadyOwnedByYou") return OkStatus();
      return created;
    }));
  }
  // The public access block and ownership first: the bucket is never open
  // while the rest is set.
  if (Wants(fields, kPublicAccessBlock)) {
    FOYER_RETURN_IF_ERROR(Journal(context, "s3:PutPublicAccessBlock", target,
                                  [&] { return s3.PutPublicAccessBlock(name, aws::PublicAccessBlock::All()); }));
  }
  if (Wants(fields, kObjectOwnership)) {
    FOYER_RETURN_IF_ERROR(Journal(context, "s3:PutBucketOwnershipControls", target,
                                  [&] { return s3.PutBucketOwnershipControls(name, kOwnerEnforced); }));
  }
  if (Wants(fields, kEncryption)) {
    FOYER_RETURN_IF_ERROR(Journal(context, "s3:PutBucketEncryption", target,
                                  [&] { return s3.PutBucketEncryption(name, {kSseS3, "", false}); }));
  }
  if (Wants(fields, kVersioning)) {
    FOYER_RETURN_IF_ERROR(Journal(context, "s3:PutBucketVersioning", target,
                                  [&] { return s3.PutBucketVersioning(name, true); }));
  }
  if (Wants(fields, kPolicy)) {
    FOYER_RETURN_IF_ERROR(Journal(context, "s3:PutBucketPolicy", target,
                                  [&] { return s3.PutBucketPolicy(name, policy.dump()); }));
  }
  return OkStatus();
}

std::vector<std::string> FieldNames(const std::vector<FieldChange>& fields) {
  std::vector<std::string> names;
  for (const FieldChange& field : fields) names.push_back(field.name);
  return names;
}

}  // namespace foyer::org
