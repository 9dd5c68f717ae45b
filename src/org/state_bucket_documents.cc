#include "org/state_bucket_documents.h"

namespace foyer::org {
namespace {

using nlohmann::json;

constexpr char kOwnPrefix[] = "${aws:PrincipalAccount}/";

}  // namespace

json DenyInsecureTransportStatement(const std::string& partition, const std::string& bucket) {
  const std::string arn = "arn:" + partition + ":s3:::" + bucket;
  return {{"Sid", "DenyInsecureTransport"},
          {"Effect", "Deny"},
          {"Principal", "*"},
          {"Action", "s3:*"},
          {"Resource", {arn, arn + "/*"}},
          {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}}};
}

json StateBucketPolicy(const std::string& partition, const std::string& bucket,
                       const std::string& organization_id, const std::string& admin_account_id) {
  const std::string arn = "arn:" + partition + ":s3:::" + bucket;
  const json object_actions = {"s3:GetObject", "s3:PutObject", "s3:DeleteObject"};
  const json organization_but_admin = {{"StringEquals", {{"aws:PrincipalOrgID", organization_id}}},
                                       {"StringNotEquals", {{"aws:PrincipalAccount", admin_account_id}}}};
  json list_condition = organization_but_admin;
  list_condition["StringLike"] = {{"s3:prefix", std::string(kOwnPrefix) + "*"}};
  return {{"Version", "2012-10-17"},
          {"Statement",
           {DenyInsecureTransportStatement(partition, bucket),
            {{"Sid", "DenyAdminAccount"},
             {"Effect", "Deny"},
             {"Principal", "*"},
             {"Action", "s3:*"},
             {"Resource", {arn, arn + "/*"}},
             {"Condition", {{"StringEquals", {{"aws:PrincipalAccount", admin_account_id}}}}}},
            {{"Sid", "DenyObjectsOutsideOwnPrefix"},
             {"Effect", "Deny"},
             {"Principal", "*"},
             {"Action", object_actions},
             {"NotResource", arn + "/" + kOwnPrefix + "*"}},
            {{"Sid", "AccountsReadWriteOwnPrefix"},
             {"Effect", "Allow"},
             {"Principal", {{"AWS", "*"}}},
             {"Action", object_actions},
             {"Resource", arn + "/" + kOwnPrefix + "*"},
             {"Condition", organization_but_admin}},
            {{"Sid", "AccountsListOwnPrefix"},
             {"Effect", "Allow"},
             {"Principal", {{"AWS", "*"}}},
             {"Action", "s3:ListBucket"},
             {"Resource", arn},
             {"Condition", list_condition}}}}};
}

}  // namespace foyer::org
