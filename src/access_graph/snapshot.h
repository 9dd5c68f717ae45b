// A snapshot of an organization's access policies: what Organizations and
// IAM GetAccountAuthorizationDetails return, in one JSON file that the access
// graph is built from offline.
//
//   {"organization": {"id": "o-abc", "management_account": "111111111111",
//                     "accounts": [{"id": "222222222222", "name": "admin",
//                                   "ou_path": ["r-root", "ou-x"], "tags": {"k": "v"}}],
//                     "scps": {"r-root": [POLICY...], "ou-x": [...], "222222222222": [...]}},
//    "accounts": {"222222222222": {
//        "roles": [{"arn": ARN, "trust_policy": POLICY, "policies": [POLICY...],
//                   "permission_boundary": POLICY}],
//        "users": [{"arn": ARN, "policies": [POLICY...], "permission_boundary": POLICY,
//                   "groups": [GROUP NAME...],
//                   "mfa": true, "access_keys": [{"id": ID, "status": "Active",
//                                                 "created": "2026-01-02T03:04:05Z"}]}],
//        "groups": [{"name": N, "arn": ARN, "policies": [POLICY...]}],
//        "oidc_providers": [ARN...], "saml_providers": [ARN...],
//        "buckets": [{"name": N, "policy": POLICY}],
//        "keys": [{"id": KEY ID, "arn": ARN, "policy": POLICY}],
//        "trails": [{"name": N, "arn": ARN, "organization_trail": false}],
//        "errors": ["what could not be read, and why"]}},
//    "collected_at": "2026-11-28T02:00:00Z"}
//
// A user's identity policies are its own followed by those of its groups (as
// in AWS, where a group's policies apply to each member): SnapshotUser.policies
// holds both, the group ones named "group <name>: <policy>", so every analysis
// sees a path through a group without knowing about groups.
//
// "keys" and "trails" are those of the regions the snapshot was collected
// in (both are regional; AWS managed keys and keys pending deletion are
// left out). Snapshots without "buckets" or "keys" read as having none.
//
// A POLICY is a document (object or JSON text, URL-encoded or not) or
// {"name": N, "document": D}. SCP levels follow `ou_path` (root first), then
// the account itself; when "scps" is absent SCPs are not evaluated at all, but
// when it is present a level with no policy allows nothing, as in AWS.
#ifndef FOYER_ACCESS_GRAPH_SNAPSHOT_H_
#define FOYER_ACCESS_GRAPH_SNAPSHOT_H_

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "iam/policy.h"

namespace foyer::access_graph {

struct SnapshotRole {
  std::string arn;
  iam::Policy trust_policy;
  std::vector<iam::Policy> policies;  // inline and attached managed, alike
  std::optional<iam::Policy> permission_boundary;
};

struct SnapshotAccessKey {
  std::string id;
  std::string status;  // "Active" or "Inactive"
  std::optional<std::chrono::system_clock::time_point> created;
};

struct SnapshotUser {
  std::string arn;
  std::vector<iam::Policy> policies;  // its own, then its groups'
  std::vector<std::string> groups;    // the names of the groups it is in
  std::optional<iam::Policy> permission_boundary;
  bool mfa = false;  // has an MFA device
  std::vector<SnapshotAccessKey> access_keys;
};

struct SnapshotGroup {
  std::string name;
  std::string arn;
  std::vector<iam::Policy> policies;
};

// A bucket of the account and its policy, when it has one (S3, S10).
struct SnapshotBucket {
  std::string name;
  std::optional<iam::Policy> policy;
};

// A customer managed KMS key of the account and its key policy, when it
// could be read (S10).
struct SnapshotKey {
  std::string id;
  std::string arn;
  std::optional<iam::Policy> policy;
};

struct SnapshotTrail {
  std::string name;
  std::string arn;
  bool organization_trail = false;
};

struct SnapshotAccount {
  std::string id;
  std::string name;
  std::vector<std::string> ou_path;  // root id first
  std::map<std::string, std::string> tags;
  std::vector<SnapshotRole> roles;
  std::vector<SnapshotUser> users;
  std::vector<SnapshotGroup> groups;
  std::vector<std::string> oidc_providers;
  std::vector<std::string> saml_providers;
  std::vector<SnapshotBucket> buckets;
  std::vector<SnapshotKey> keys;
  std::vector<SnapshotTrail> trails;
  // What a live collection could not read in this account (partial
  // snapshots are analysed, but their gaps are reported).
  std::vector<std::string> errors;
};

struct Snapshot {
  std::string organization_id;
  std::string management_account;
  std::vector<SnapshotAccount> accounts;
  bool has_scps = false;
  std::map<std::string, std::vector<iam::Policy>> scps;  // target id -> policies
  // When a live collection took it; key ages are measured from here.
  std::optional<std::chrono::system_clock::time_point> collected_at;

  const SnapshotAccount* FindAccount(std::string_view id) const;
  // The SCP levels that bind `account` (root first), empty when the snapshot
  // has no SCPs. REQUIRES: `account` is in the organization.
  std::vector<std::vector<iam::Policy>> ScpLevels(const SnapshotAccount& account) const;
};

// Errors name the JSON path of the bad value ("accounts.222222222222.roles[1].arn: ...").
Result<Snapshot> ParseSnapshot(const nlohmann::json& input);
Result<Snapshot> ParseSnapshotText(std::string_view text);
Result<Snapshot> ReadSnapshotFile(const std::string& path);

}  // namespace foyer::access_graph

#endif  // FOYER_ACCESS_GRAPH_SNAPSHOT_H_
