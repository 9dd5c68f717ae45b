// Amazon S3 (REST-XML): the bucket settings foyer converges for the audit
// trail and Terraform state, bucket policies (cross-account grants, S10),
// and small objects.
//
// Addressing: against AWS itself buckets whose names are valid DNS labels
// are addressed virtual-hosted style (https://bucket.s3.region.amazonaws.com/key),
// the only style newer buckets support; against a custom endpoint
// (AWS_ENDPOINT_URL, an emulator) always path style (http://host/bucket/key).
// Requests are signed the S3 way: UNSIGNED-PAYLOAD, x-amz-content-sha256,
// and the path signed exactly as sent (keys are encoded once, '/' kept).
#ifndef FOYER_AWS_S3_H_
#define FOYER_AWS_S3_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_call.h"
#include "base/result.h"

namespace foyer::aws {

struct S3Bucket {
  std::string name;
  std::optional<Clock::time_point> creation_date;
};

// Default encryption of a bucket.
struct BucketEncryption {
  std::string sse_algorithm;      // "AES256", "aws:kms" or "aws:kms:dsse"
  std::string kms_master_key_id;  // with aws:kms; empty: the AWS managed key
  bool bucket_key_enabled = false;
};

struct PublicAccessBlock {
  bool block_public_acls = false;
  bool ignore_public_acls = false;
  bool block_public_policy = false;
  bool restrict_public_buckets = false;

  static PublicAccessBlock All() { return {true, true, true, true}; }
  bool operator==(const PublicAccessBlock&) const = default;
};

struct S3Object {
  std::string key;
  long long size = 0;
  std::string etag;
  std::optional<Clock::time_point> last_modified;
};

struct ObjectMetadata {
  long long content_length = 0;
  std::string content_type;
  std::string etag;
};

struct S3ObjectContent {
  std::string body;
  ObjectMetadata metadata;
};

using S3TagList = std::vector<std::pair<std::string, std::string>>;

class S3Client {
 public:
  explicit S3Client(ClientConfig config);

  // In the client's region (LocationConstraint everywhere but us-east-1).
  Status CreateBucket(const std::string& bucket);
  // "NoSuchBucket", or "AccessDenied" when it exists but is not ours to see.
  Status HeadBucket(const std::string& bucket);
  Result<std::vector<S3Bucket>> ListBuckets();
  Status DeleteBucket(const std::string& bucket);

  // "NoSuchBucketPolicy" when the bucket has none.
  Result<std::string> GetBucketPolicy(const std::string& bucket);
  Status PutBucketPolicy(const std::string& bucket, const std::string& policy);
  Status DeleteBucketPolicy(const std::string& bucket);

  // "Enabled", "Suspended", or "" for a bucket never versioned.
  Result<std::string> GetBucketVersioning(const std::string& bucket);
  Status PutBucketVersioning(const std::string& bucket, bool enabled);

  // "ServerSideEncryptionConfigurationNotFoundError" when none is set.
  Result<BucketEncryption> GetBucketEncryption(const std::string& bucket);
  Status PutBucketEncryption(const std::string& bucket, const BucketEncryption& encryption);

  // "NoSuchPublicAccessBlockConfiguration" when none is set.
  Result<PublicAccessBlock> GetPublicAccessBlock(const std::string& bucket);
  Status PutPublicAccessBlock(const std::string& bucket, const PublicAccessBlock& block);

  // The object ownership rule ("BucketOwnerEnforced" turns ACLs off);
  // "OwnershipControlsNotFoundError" when none is set.
  Result<std::string> GetBucketOwnershipControls(const std::string& bucket);
  Status PutBucketOwnershipControls(const std::string& bucket, const std::string& object_ownership);

  // "NoSuchTagSet" when the bucket has no tags.
  Result<S3TagList> GetBucketTagging(const std::string& bucket);
  // Replaces every tag of the bucket.
  Status PutBucketTagging(const std::string& bucket, const S3TagList& tags);

  // Small objects, held in memory. PutObject returns the ETag.
  Result<std::string> PutObject(const std::string& bucket, const std::string& key,
                                const std::string& body,
                                const std::string& content_type = "application/octet-stream");
  // "NoSuchKey" when there is no such object.
  Result<S3ObjectContent> GetObject(const std::string& bucket, const std::string& key);
  Result<ObjectMetadata> HeadObject(const std::string& bucket, const std::string& key);
  Status DeleteObject(const std::string& bucket, const std::string& key);
  // Every object whose key starts with `prefix` (all pages).
  Result<std::vector<S3Object>> ListObjectsV2(const std::string& bucket,
                                              const std::string& prefix = "");

 private:
  // A request for `bucket` (and `key`, when not empty) addressed the way
  // this client's endpoint wants.
  RestRequest Addressed(const std::string& method, const std::string& bucket,
                        const std::string& key = "") const;
  // PUTs a configuration subresource (?versioning, ?tagging, ?policy...)
  // with the Content-MD5 S3 requires on them.
  Status PutSubresource(std::string_view operation, const std::string& bucket,
                        const std::string& subresource, const std::string& body,
                        const char* content_type = "application/xml");
  Result<RestResponse> GetSubresource(std::string_view operation, const std::string& bucket,
                                      const std::string& subresource);

  ServiceCaller caller_;
  bool virtual_hosted_ = false;
};

// True when `bucket` can be a DNS label under the S3 host: 3-63 lower-case
// letters, digits and '-', starting and ending with a letter or digit.
// Names with dots also break TLS certificate matching, so they are refused.
bool IsVirtualHostableBucket(std::string_view bucket);

}  // namespace foyer::aws

#endif  // FOYER_AWS_S3_H_
