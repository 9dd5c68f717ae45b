#include "grant/resource_grant.h"

#include <algorithm>

namespace foyer::grant {
namespace {

Error UsageError(std::string message) {
  Error error = MakeError("UsageError", std::move(message));
  error.exit_code = ExitCode::kUsage;
  return error;
}

nlohmann::json Actions(const Grant& grant) {
  if (grant.resource.kind == ResourceKind::kS3Bucket) {
    if (grant.access == AccessLevel::kRead) return {"s3:GetObject", "s3:ListBucket"};
    return {"s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject"};
  }
  if (grant.access == AccessLevel::kRead) return {"kms:Decrypt", "kms:DescribeKey"};
  return {"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"};
}

// A statement in a form where equal meaning is equal JSON: the one-element
// lists IAM accepts as strings written as strings, lists sorted.
nlohmann::json Normalized(nlohmann::json value) {
  if (value.is_object()) {
    for (auto& [key, item] : value.items()) item = Normalized(item);
    return value;
  }
  if (!value.is_array()) return value;
  for (auto& item : value) item = Normalized(item);
  std::sort(value.begin(), value.end());
  return value.size() == 1 ? value[0] : value;
}

bool HasSid(const nlohmann::json& statement, const std::string& sid) {
  return statement.is_object() && statement.value("Sid", nlohmann::json()) == sid;
}

}  // namespace

Result<GrantResource> ParseGrantResource(const std::string& text) {
  if (text.rfind("s3://", 0) == 0) {
    std::string bucket = text.substr(5);
    if (!bucket.empty() && bucket.back() == '/') bucket.pop_back();
    if (bucket.empty() || bucket.find('/') != std::string::npos) {
      return UsageError("'" + text + "' is not a bucket: write s3://BUCKET (a grant covers the whole bucket)");
    }
    return GrantResource{ResourceKind::kS3Bucket, bucket};
  }
  if (text.rfind("kms:", 0) == 0 && text.size() > 4) return GrantResource{ResourceKind::kKmsKey, text.substr(4)};
  return UsageError("'" + text + "' is neither s3://BUCKET nor kms:KEY-ID");
}

Result<AccessLevel> ParseAccessLevel(const std::string& text) {
  if (text == "read") return AccessLevel::kRead;
  if (text == "write") return AccessLevel::kWrite;
  return UsageError("--actions must be read or write, not '" + text + "'");
}

std::string GrantSid(const Grant& grant) {
  return "foyer-grant-" + grant.account_id + "-" + grant.role + "-" +
         (grant.access == AccessLevel::kRead ? "read" : "write");
}

nlohmann::json GrantStatement(const Grant& grant) {
  nlohmann::json statement = {
      {"Sid", GrantSid(grant)},
      {"Effect", "Allow"},
      {"Principal", {{"AWS", "arn:" + grant.partition + ":iam::" + grant.account_id + ":role/foyer/" + grant.role}}},
      {"Action", Actions(grant)},
  };
  if (grant.resource.kind == ResourceKind::kS3Bucket) {
    statement["Resource"] = {grant.bucket_arn, grant.bucket_arn + "/*"};
  } else {
    statement["Resource"] = "*";
  }
  return statement;
}

Result<MergedPolicy> MergeGrant(const std::string& existing, const Grant& grant, bool revoke) {
  nlohmann::json policy = {{"Version", "2012-10-17"}, {"Statement", nlohmann::json::array()}};
  if (!existing.empty()) {
    policy = nlohmann::json::parse(existing, nullptr, false);
    if (!policy.is_object() || (policy.contains("Statement") && !policy["Statement"].is_array() &&
                                !policy["Statement"].is_object())) {
      return MakeError("ParseError", "the resource's current policy is not a JSON policy document; "
                                     "nothing was changed");
    }
  }
  nlohmann::json statements = policy.value("Statement", nlohmann::json::array());
  if (statements.is_object()) statements = nlohmann::json::array({statements});
  const std::string sid = GrantSid(grant);
  const nlohmann::json wanted = GrantStatement(grant);

  nlohmann::json kept = nlohmann::json::array();
  bool found_as_wanted = false;
  size_t removed = 0;
  for (const nlohmann::json& statement : statements) {
    if (!HasSid(statement, sid)) {
      kept.push_back(statement);
    } else {
      ++removed;
      if (Normalized(statement) == Normalized(wanted)) found_as_wanted = true;
    }
  }
  MergedPolicy merged;
  if (revoke) {
    merged.changed = removed > 0;
  } else {
    merged.changed = !(found_as_wanted && removed == 1);
    kept.push_back(wanted);
  }
  if (!merged.changed) {
    merged.policy = policy;
    return merged;
  }
  if (kept.empty()) return merged;  // null: no statement left
  policy["Statement"] = kept;
  if (!policy.contains("Version")) policy["Version"] = "2012-10-17";
  merged.policy = policy;
  return merged;
}

}  // namespace foyer::grant
