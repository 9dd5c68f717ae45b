#include "snapshot/account_snapshot.h"

#include <map>
#include <string>
#include <vector>

#include "aws/cloudtrail.h"
#include "aws/iam.h"
#include "aws/s3.h"
#include "base/time_format.h"
#include "snapshot/key_snapshot.h"

namespace foyer::snapshot {
namespace {

using nlohmann::json;

// Collects one account; each failed read becomes a line in `errors`.
class AccountCollector {
 public:
  AccountCollector(const aws::ClientConfig& config, const std::vector<std::string>& regions)
      : config_(config), regions_(regions.empty() ? std::vector<std::string>{config.region} : regions), iam_(config) {}

  json Collect() {
    json out = {{"roles", json::array()}, {"users", json::array()}, {"groups", json::array()}};
    CollectAuthorization(out);
    CollectProviders(out);
    CollectBuckets(out);
    for (const std::string& region : regions_) {
      aws::ClientConfig in_region = config_;
      in_region.region = region;
      CollectKeys(in_region, out, errors_);
      CollectTrails(in_region, out);
    }
    if (!errors_.empty()) out["errors"] = errors_;
    return out;
  }

 private:
  void Failed(const std::string& call, const Error& error) { errors_.push_back(call + ": " + error.message); }

  void CollectAuthorization(json& out) {
    auto details = iam_.GetAccountAuthorizationDetails();
    if (!details.ok()) return Failed("iam:GetAccountAuthorizationDetails", details.error());
    for (const aws::PolicyDetail& policy : details->policies) managed_[policy.policy.arn] = policy.default_version_document;
    for (const aws::RoleDetail& role : details->roles) out["roles"].push_back(Role(role));
    for (const aws::UserDetail& user : details->users) out["users"].push_back(User(user));
    for (const aws::GroupDetail& group : details->groups) {
      out["groups"].push_back({{"name", group.group_name},
                               {"arn", group.arn},
                               {"policies", Policies(group.inline_policies, group.attached_policies, group.arn)}});
    }
  }

  json Policies(const std::vector<aws::InlinePolicy>& inline_policies,
                const std::vector<aws::AttachedPolicy>& attached, const std::string& owner) {
    json policies = json::array();
    for (const aws::InlinePolicy& policy : inline_policies) {
      policies.push_back({{"name", policy.policy_name}, {"document", policy.policy_document}});
    }
    for (const aws::AttachedPolicy& policy : attached) {
      auto document = managed_.find(policy.policy_arn);
      if (document == managed_.end() || document->second.empty()) {
        errors_.push_back(owner + ": the document of attached policy " + policy.policy_arn + " was not returned");
        continue;
      }
      policies.push_back({{"name", policy.policy_arn}, {"document", document->second}});
    }
    return policies;
  }

  void AddBoundary(json& entry, const std::string& boundary_arn, const std::string& owner) {
    if (boundary_arn.empty()) return;
    auto document = managed_.find(boundary_arn);
    if (document == managed_.end() || document->second.empty()) {
      errors_.push_back(owner + ": the document of permissions boundary " + boundary_arn + " was not returned");
      return;
    }
    entry["permission_boundary"] = {{"name", boundary_arn}, {"document", document->second}};
  }

  json Role(const aws::RoleDetail& detail) {
    json role = {{"arn", detail.role.arn},
                 {"trust_policy", detail.role.assume_role_policy_document},
                 {"policies", Policies(detail.inline_policies, detail.attached_policies, detail.role.arn)}};
    AddBoundary(role, detail.role.permissions_boundary_arn, detail.role.arn);
    return role;
  }

  json User(const aws::UserDetail& detail) {
    const std::string& name = detail.user.user_name;
    json user = {{"arn", detail.user.arn},
                 {"policies", Policies(detail.inline_policies, detail.attached_policies, detail.user.arn)},
                 {"groups", detail.groups},
                 {"access_keys", json::array()}};
    AddBoundary(user, detail.user.permissions_boundary_arn, detail.user.arn);
    auto devices = iam_.ListMfaDevices(name);
    if (devices.ok()) user["mfa"] = !devices->empty();
    else Failed("iam:ListMFADevices " + name, devices.error());
    auto keys = iam_.ListAccessKeys(name);
    if (!keys.ok()) {
      Failed("iam:ListAccessKeys " + name, keys.error());
      return user;
    }
    for (const aws::AccessKey& key : *keys) {
      json entry = {{"id", key.access_key_id}, {"status", key.status}};
      if (key.create_date) entry["created"] = FormatRfc3339(*key.create_date);
      user["access_keys"].push_back(entry);
    }
    return user;
  }

  void CollectProviders(json& out) {
    auto oidc = iam_.ListOpenIdConnectProviders();
    if (oidc.ok()) out["oidc_providers"] = *oidc;
    else Failed("iam:ListOpenIDConnectProviders", oidc.error());
    auto saml = iam_.ListSamlProviders();
    if (!saml.ok()) return Failed("iam:ListSAMLProviders", saml.error());
    out["saml_providers"] = json::array();
    for (const aws::SamlProvider& provider : *saml) out["saml_providers"].push_back(provider.arn);
  }

  void CollectBuckets(json& out) {
    aws::S3Client s3(config_);
    auto buckets = s3.ListBuckets();
    if (!buckets.ok()) return Failed("s3:ListBuckets", buckets.error());
    out["buckets"] = json::array();
    for (const aws::S3Bucket& bucket : *buckets) {
      json entry = {{"name", bucket.name}};
      auto policy = s3.GetBucketPolicy(bucket.name);
      if (policy.ok()) entry["policy"] = *policy;
      else if (policy.error().code != "NoSuchBucketPolicy") Failed("s3:GetBucketPolicy " + bucket.name, policy.error());
      out["buckets"].push_back(entry);
    }
  }

  // The trails whose home is `config`'s region: a multi-region trail is
  // listed once, where it was created, not again as another region's shadow.
  void CollectTrails(const aws::ClientConfig& config, json& out) {
    aws::CloudTrailClient cloudtrail(config);
    auto trails = cloudtrail.DescribeTrails(/*include_shadow_trails=*/false);
    if (!trails.ok()) return Failed("cloudtrail:DescribeTrails in " + config.region, trails.error());
    if (!out.contains("trails")) out["trails"] = json::array();
    for (const aws::Trail& trail : *trails) {
      out["trails"].push_back(
          {{"name", trail.name}, {"arn", trail.arn}, {"organization_trail", trail.is_organization_trail}});
    }
  }

  const aws::ClientConfig& config_;
  const std::vector<std::string> regions_;
  aws::IamClient iam_;
  std::map<std::string, std::string> managed_;  // managed policy ARN -> default version document
  std::vector<std::string> errors_;
};

}  // namespace

json AccountSnapshot(const aws::ClientConfig& config, const std::vector<std::string>& regions) {
  return AccountCollector(config, regions).Collect();
}

}  // namespace foyer::snapshot
