// The settings every foyer bucket has (the audit bucket and the Terraform
// state buckets): versioning on, default encryption, the four public access
// blocks, ACLs off (bucket owner enforced) and a bucket policy. Read once
// while planning, compared setting by setting, and converged at apply by
// writing only the settings that differ.
//
// Encryption is SSE-S3 (AES256): an SSE-KMS key would add a key policy to
// keep right for CloudTrail and for every account's Terraform, for little
// gain over S3-managed keys here.
#ifndef FOYER_ORG_STATE_BUCKET_SETTINGS_H_
#define FOYER_ORG_STATE_BUCKET_SETTINGS_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/s3.h"
#include "base/result.h"
#include "org/plan.h"
#include "org/resource_family.h"

namespace foyer::org {

// The settings of a bucket that exists, as S3 reports them; an empty
// string or null where nothing is set.
struct LiveBucket {
  std::string versioning;   // "Enabled", "Suspended", ""
  std::string encryption;   // "AES256", "aws:kms", ""
  nlohmann::json public_access_block;  // {"BlockPublicAcls":true,...} or null
  std::string object_ownership;        // "BucketOwnerEnforced", ""
  std::string policy;       // the document as S3 returned it, "" for none
};

// The bucket `name`, or nullopt when it does not exist. Fails when it exists
// but belongs to someone else (a bucket name is global: someone may have
// taken it).
Result<std::optional<LiveBucket>> ReadBucket(aws::S3Client& s3, const std::string& name);

// The settings that differ between `live` and what foyer wants with
// `policy`; every setting when the bucket does not exist.
std::vector<FieldChange> BucketDifferences(const std::optional<LiveBucket>& live,
                                           const nlohmann::json& policy);

// Creates the bucket `name` unless it exists, then writes the settings named
// in `fields` (FieldChange names from BucketDifferences), each journaled.
Status ConvergeBucket(ApplyContext& context, aws::S3Client& s3, const std::string& name,
                      const std::vector<std::string>& fields, const nlohmann::json& policy);

// The names of `fields`.
std::vector<std::string> FieldNames(const std::vector<FieldChange>& fields);

}  // namespace foyer::org

#endif  // FOYER_ORG_STATE_BUCKET_SETTINGS_H_
