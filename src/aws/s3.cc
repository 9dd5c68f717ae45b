#include "aws/s3.h"

#include <openssl/evp.h>

#include <charconv>
#include <sstream>
#include <utility>

#include <pugixml.hpp>

#include "aws/endpoints.h"
#include "aws/paginate.h"
#include "aws/query_result.h"
#include "base/base64.h"

namespace foyer::aws {
namespace {

const ServiceDescription kS3 = {
    .name = "S3",
    .endpoint_prefix = "s3",
    .protocol = Protocol::kRestXml,
    .s3_signing = true,
};

constexpr char kS3Namespace[] = "http://s3.amazonaws.com/doc/2006-03-01/";

// Against AWS's own endpoints; never against an override (emulators,
// VPC endpoints, S3-compatible stores), which are addressed path style.
bool EndpointIsAws(const ClientConfig& config) {
  Result<Endpoint> endpoint = ResolveEndpoint("s3", config.region, config.profile_endpoint_url);
  if (!endpoint.ok() || !endpoint->url.starts_with("https://")) return false;
  std::string suffix = "." + DnsSuffixOf(PartitionOf(config.region));
  return endpoint->url.ends_with(suffix);
}

std::string Md5Base64(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr);
  return Base64Encode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

// A document whose root element `root` is in the S3 namespace.
pugi::xml_node NewDocument(pugi::xml_document& document, const char* root) {
  pugi::xml_node node = document.append_child(root);
  node.append_attribute("xmlns") = kS3Namespace;
  return node;
}

void AddText(pugi::xml_node parent, const char* name, const std::string& text) {
  parent.append_child(name).text().set(text.c_str());
}

void AddBool(pugi::xml_node parent, const char* name, bool value) {
  AddText(parent, name, value ? "true" : "false");
}

std::string ToString(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

// HEAD responses have no body, so their errors carry only a status.
Error ExplainHeadError(Error error, std::string_view not_found_code, const std::string& what) {
  if (error.http_status == 404) {
    error.code = std::string(not_found_code);
    error.message = "S3: " + what + " does not exist";
  } else if (error.http_status == 403) {
    error.code = "AccessDenied";
    error.message = "S3: access to " + what + " is denied";
  }
  return error;
}

ObjectMetadata MetadataOf(const RestResponse& response) {
  ObjectMetadata metadata;
  metadata.content_type = response.Header("Content-Type");
  metadata.etag = response.Header("ETag");
  std::string length = response.Header("Content-Length");
  std::from_chars(length.data(), length.data() + length.size(), metadata.content_length);
  return metadata;
}

}  // namespace

bool IsVirtualHostableBucket(std::string_view bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (char c : bucket) {
    if (!alnum(c) && c != '-') return false;
  }
  return alnum(bucket.front()) && alnum(bucket.back());
}

S3Client::S3Client(ClientConfig config)
    : caller_(std::move(config), kS3), virtual_hosted_(EndpointIsAws(caller_.config())) {}

RestRequest S3Client::Addressed(const std::string& method, const std::string& bucket,
                                const std::string& key) const {
  RestRequest request;
  request.method = method;
  std::string object_path = key.empty() ? "" : "/" + EscapePathLabel(key, /*greedy=*/true);
  if (virtual_hosted_ && IsVirtualHostableBucket(bucket)) {
    request.host_prefix = bucket + ".";
    request.path = object_path.empty() ? "/" : object_path;
  } else {
    request.path = "/" + EscapePathLabel(bucket) + object_path;
  }
  return request;
}

Status S3Client::PutSubresource(std::string_view operation, const std::string& bucket,
                                const std::string& subresource, const std::string& body,
                                const char* content_type) {
  RestRequest request = Addressed("PUT", bucket);
  request.query.emplace_back(subresource, "");
  request.body = body;
  request.headers.emplace_back("Content-MD5", Md5Base64(body));
  request.headers.emplace_back("Content-Type", content_type);
  Result<RestResponse> response = caller_.CallRest(operation, request);
  if (!response.ok()) return response.error();
  return OkStatus();
}

Result<RestResponse> S3Client::GetSubresource(std::string_view operation,
                                              const std::string& bucket,
                                              const std::string& subresource) {
  RestRequest request = Addressed("GET", bucket);
  request.query.emplace_back(subresource, "");
  return caller_.CallRest(operation, request);
}

Status S3Client::CreateBucket(const std::string& bucket) {
  RestRequest request = Addressed("PUT", bucket);
  const std::string& region = caller_.config().region;
  if (region != "us-east-1") {
    pugi::xml_document document;
    AddText(NewDocument(document, "CreateBucketConfiguration"), "LocationConstraint", region);
    request.body = ToString(document);
    request.headers.emplace_back("Content-Type", "application/xml");
  }
  Result<RestResponse> response = caller_.CallRest("CreateBucket", request);
  if (!response.ok()) return response.error();
  return OkStatus();
}

Status S3Client::HeadBucket(const std::string& bucket) {
  Result<RestResponse> response = caller_.CallRest("HeadBucket", Addressed("HEAD", bucket));
  if (!response.ok()) {
    return ExplainHeadError(std::move(response.error()), "NoSuchBucket", "bucket " + bucket);
  }
  return OkStatus();
}

Result<std::vector<S3Bucket>> S3Client::ListBuckets() {
  std::vector<S3Bucket> buckets;
  Status status = ForEachPage([&](const std::string& token) -> Result<std::string> {
    RestRequest request;
    request.path = "/";
    if (!token.empty()) request.query.emplace_back("continuation-token", token);
    Result<RestResponse> response = caller_.CallRest("ListBuckets", request);
    if (!response.ok()) return response.error();
    Result<XmlResult> xml = ParseXml(response->body);
    if (!xml.ok()) return xml.error();
    for (pugi::xml_node bucket : Members(Child(xml->node, "Buckets"), "Bucket")) {
      buckets.push_back({ChildText(bucket, "Name"), ChildTime(bucket, "CreationDate")});
    }
    return ChildText(xml->node, "ContinuationToken");
  });
  if (!status.ok()) return status.error();
  return buckets;
}

Status S3Client::DeleteBucket(const std::string& bucket) {
  Result<RestResponse> response = caller_.CallRest("DeleteBucket", Addressed("DELETE", bucket));
  if (!response.ok()) return response.error();
  return OkStatus();
}

Result<std::string> S3Client::GetBucketPolicy(const std::string& bucket) {
  Result<RestResponse> response = GetSubresource("GetBucketPolicy", bucket, "policy");
  if (!response.ok()) return response.error();
  return std::move(response->body);
}

Status S3Client::PutBucketPolicy(const std::string& bucket, const std::string& policy) {
  return PutSubresource("PutBucketPolicy", bucket, "policy", policy, "application/json");
}

Status S3Client::DeleteBucketPolicy(const std::string& bucket) {
  RestRequest request = Addressed("DELETE", bucket);
  request.query.emplace_back("policy", "");
  Result<RestResponse> response = caller_.CallRest("DeleteBucketPolicy", request);
  if (!response.ok()) return response.error();
  return OkStatus();
}

Result<std::string> S3Client::GetBucketVersioning(const std::string& bucket) {
  Result<RestResponse> response = GetSubresource("GetBucketVersioning", bucket, "versioning");
  if (!response.ok()) return response.error();
  Result<XmlResult> xml = ParseXml(response->body);
  if (!xml.ok()) return xml.error();
  return ChildText(xml->node, "Status");
}

Status S3Client::PutBucketVersioning(const std::string& bucket, bool enabled) {
  pugi::xml_document document;
  AddText(NewDocument(document, "VersioningConfiguration"), "Status",
          enabled ? "Enabled" : "Suspended");
  return PutSubresource("PutBucketVersioning", bucket, "versioning", ToString(document));
}

Result<std::string> S3Client::GetBucketOwnershipControls(const std::string& bucket) {
  Result<RestResponse> response = GetSubresource("GetBucketOwnershipControls", bucket, "ownershipControls");
  if (!response.ok()) return response.error();
  Result<XmlResult> xml = ParseXml(response->body);
  if (!xml.ok()) return xml.error();
  return ChildText(Child(xml->node, "Rule"), "ObjectOwnership");
}

Status S3Client::PutBucketOwnershipControls(const std::string& bucket, const std::string& object_ownership) {
  pugi::xml_document document;
  pugi::xml_node rule = NewDocument(document, "OwnershipControls").append_child("Rule");
  AddText(rule, "ObjectOwnership", object_ownership);
  return PutSubresource("PutBucketOwnershipControls", bucket, "ownershipControls", ToString(document));
}

Result<BucketEncryption> S3Client::GetBucketEncryption(const std::string& bucket) {
  Result<RestResponse> response = GetSubresource("GetBucketEncryption", bucket, "encryption");
  if (!response.ok()) return response.error();
  Result<XmlResult> xml = ParseXml(response->body);
  if (!xml.ok()) return xml.error();
  pugi::xml_node rule = Child(xml->node, "Rule");
  pugi::xml_node defaults = Child(rule, "ApplyServerSideEncryptionByDefault");
  return BucketEncryption{ChildText(defaults, "SSEAlgorithm"), ChildText(defaults, "KMSMasterKeyID"),
                          ChildBool(rule, "BucketKeyEnabled")};
}

Status S3Client::PutBucketEncryption(const std::string& bucket,
                                     const BucketEncryption& encryption) {
  pugi::xml_document document;
  pugi::xml_node rule = NewDocument(document, "ServerSideEncryptionConfiguration").append_child("Rule");
  pugi::xml_node defaults = rule.append_child("ApplyServerSideEncryptionByDefault");
  AddText(defaults, "SSEAlgorithm", encryption.sse_algorithm);
  if (!encryption.kms_master_key_id.empty()) {
    AddText(defaults, "KMSMasterKeyID", encryption.kms_master_key_id);
  }
  AddBool(rule, "BucketKeyEnabled", encryption.bucket_key_enabled);
  return PutSubresource("PutBucketEncryption", bucket, "encryption", ToString(document));
}

Result<PublicAccessBlock> S3Client::GetPublicAccessBlock(const std::string& bucket) {
  Result<RestResponse> response = GetSubresource("GetPublicAccessBlock", bucket, "publicAccessBlock");
  if (!response.ok()) return response.error();
  Result<XmlResult> xml = ParseXml(response->body);
  if (!xml.ok()) return xml.error();
  return PublicAccessBlock{ChildBool(xml->node, "BlockPublicAcls"),
                           ChildBool(xml->node, "IgnorePublicAcls"),
                           ChildBool(xml->node, "BlockPublicPolicy"),
                           ChildBool(xml->node, "RestrictPublicBuckets")};
}

Status S3Client::PutPublicAccessBlock(const std::string& bucket, const PublicAccessBlock& block) {
  pugi::xml_document document;
  pugi::xml_node root = NewDocument(document, "PublicAccessBlockConfiguration");
  AddBool(root, "BlockPublicAcls", block.block_public_acls);
  AddBool(root, "IgnorePublicAcls", block.ignore_public_acls);
  AddBool(root, "BlockPublicPolicy", block.block_public_policy);
  AddBool(root, "RestrictPublicBuckets", block.restrict_public_buckets);
  return PutSubresource("PutPublicAccessBlock", bucket, "publicAccessBlock", ToString(document));
}

Result<S3TagList> S3Client::GetBucketTagging(const std::string& bucket) {
  Result<RestResponse> response = GetSubresource("GetBucketTagging", bucket, "tagging");
  if (!response.ok()) return response.error();
  Result<XmlResult> xml = ParseXml(response->body);
  if (!xml.ok()) return xml.error();
  S3TagList tags;
  for (pugi::xml_node tag : Members(Child(xml->node, "TagSet"), "Tag")) {
    tags.emplace_back(ChildText(tag, "Key"), ChildText(tag, "Value"));
  }
  return tags;
}

Status S3Client::PutBucketTagging(const std::string& bucket, const S3TagList& tags) {
  pugi::xml_document document;
  pugi::xml_node tag_set = NewDocument(document, "Tagging").append_child("TagSet");
  for (const auto& [key, value] : tags) {
    pugi::xml_node tag = tag_set.append_child("Tag");
    AddText(tag, "Key", key);
    AddText(tag, "Value", value);
  }
  return PutSubresource("PutBucketTagging", bucket, "tagging", ToString(document));
}

Result<std::string> S3Client::PutObject(const std::string& bucket, const std::string& key,
                                        const std::string& body, const std::string& content_type) {
  RestRequest request = Addressed("PUT", bucket, key);
  request.body = body;
  request.headers.emplace_back("Content-Type", content_type);
  request.headers.emplace_back("Content-MD5", Md5Base64(body));
  Result<RestResponse> response = caller_.CallRest("PutObject", request);
  if (!response.ok()) return response.error();
  return response->Header("ETag");
}

Result<S3ObjectContent> S3Client::GetObject(const std::string& bucket, const std::string& key) {
  Result<RestResponse> response = caller_.CallRest("GetObject", Addressed("GET", bucket, key));
  if (!response.ok()) return response.error();
  ObjectMetadata metadata = MetadataOf(*response);
  return S3ObjectContent{std::move(response->body), std::move(metadata)};
}

Result<ObjectMetadata> S3Client::HeadObject(const std::string& bucket, const std::string& key) {
  Result<RestResponse> response = caller_.CallRest("HeadObject", Addressed("HEAD", bucket, key));
  if (!response.ok()) {
    return ExplainHeadError(std::move(response.error()), "NoSuchKey",
                            "object s3://" + bucket + "/" + key);
  }
  return MetadataOf(*response);
}

Status S3Client::DeleteObject(const std::string& bucket, const std::string& key) {
  Result<RestResponse> response = caller_.CallRest("DeleteObject", Addressed("DELETE", bucket, key));
  if (!response.ok()) return response.error();
  return OkStatus();
}

Result<std::vector<S3Object>> S3Client::ListObjectsV2(const std::string& bucket,
                                                      const std::string& prefix) {
  std::vector<S3Object> objects;
  Status status = ForEachPage([&](const std::string& token) -> Result<std::string> {
    RestRequest request = Addressed("GET", bucket);
    request.query.emplace_back("list-type", "2");
    if (!prefix.empty()) request.query.emplace_back("prefix", prefix);
    if (!token.empty()) request.query.emplace_back("continuation-token", token);
    Result<RestResponse> response = caller_.CallRest("ListObjectsV2", request);
    if (!response.ok()) return response.error();
    Result<XmlResult> xml = ParseXml(response->body);
    if (!xml.ok()) return xml.error();
    for (pugi::xml_node content : Members(xml->node, "Contents")) {
      objects.push_back({ChildText(content, "Key"), ChildInt(content, "Size").value_or(0),
                         ChildText(content, "ETag"), ChildTime(content, "LastModified")});
    }
    return ChildBool(xml->node, "IsTruncated") ? ChildText(xml->node, "NextContinuationToken") : "";
  });
  if (!status.ok()) return status.error();
  return objects;
}

}  // namespace foyer::aws
