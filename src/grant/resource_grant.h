// Cross-account access by resource policy (rule S10): one statement in an
// S3 bucket policy or a KMS key policy naming exactly one foyer role of
// another account.
//
// The statement carries a stable Sid derived from the grant, so that
// granting again finds it (and changes nothing when it is already right)
// and revoking removes it and nothing else. Grants are ordinary resource
// policies, so the access analyzer sees them like any other.
#ifndef FOYER_GRANT_RESOURCE_GRANT_H_
#define FOYER_GRANT_RESOURCE_GRANT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "base/result.h"

namespace foyer::grant {

enum class ResourceKind { kS3Bucket, kKmsKey };
enum class AccessLevel { kRead, kWrite };

struct GrantResource {
  ResourceKind kind = ResourceKind::kS3Bucket;
  std::string name;  // the bucket name, or the key id / ARN / alias as given
};

// "s3://BUCKET" or "kms:KEY" (a key id, key ARN or alias/NAME). Fails
// (usage, exit 2) on anything else, or an S3 URL with a key path.
Result<GrantResource> ParseGrantResource(const std::string& text);

// "read" or "write".
Result<AccessLevel> ParseAccessLevel(const std::string& text);

struct Grant {
  GrantResource resource;
  // What the statement's Resource names: the bucket's ARN (the statement
  // adds "<arn>/*" for objects); unused for keys, whose policies say "*".
  std::string bucket_arn;
  std::string account_id;  // the grantee's account
  std::string role;        // the grantee role, at path /foyer/
  std::string partition = "aws";
  AccessLevel access = AccessLevel::kRead;
};

// "foyer-grant-<account>-<role>-<read|write>".
std::string GrantSid(const Grant& grant);

// The statement `grant` adds: Allow, Principal exactly
// arn:<partition>:iam::<account>:role/foyer/<role>, the actions of the
// access level. S3 read: s3:GetObject, s3:ListBucket; write adds
// s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload. KMS read:
// kms:Decrypt, kms:DescribeKey; write adds kms:Encrypt,
// kms:GenerateDataKey*, kms:ReEncrypt*.
nlohmann::json GrantStatement(const Grant& grant);

struct MergedPolicy {
  // The whole policy document after the change; null when no statement is
  // left (S3 then deletes the bucket policy).
  nlohmann::json policy;
  bool changed = false;
};

// `existing` (the policy's text; "" for none) with the statement of
// `grant` put in place of any statement carrying its Sid (revoke: removed),
// every other statement kept as it was. `changed` is false when the result
// means the same as `existing`, so that nothing needs writing. Fails when
// `existing` is not a JSON policy document.
Result<MergedPolicy> MergeGrant(const std::string& existing, const Grant& grant, bool revoke);

}  // namespace foyer::grant

#endif  // FOYER_GRANT_RESOURCE_GRANT_H_
