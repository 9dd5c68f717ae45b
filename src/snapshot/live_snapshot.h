// `foyer snapshot`: the live organization's access policies collected into
// the snapshot format (access_graph/snapshot.h), across accounts in parallel.
//
// Organizations is read as the caller when the caller is in the management
// account, otherwise through foyer/OrganizationReader there (a landing
// session in the admin account). Each member is read through a role assumed
// from the caller: foyer/Auditor, or OrganizationAccountAccessRole for a
// first look with management credentials before foyer's roles exist. The
// caller's own account is read as the caller.
#ifndef FOYER_SNAPSHOT_LIVE_SNAPSHOT_H_
#define FOYER_SNAPSHOT_LIVE_SNAPSHOT_H_

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/client_config.h"
#include "base/result.h"

namespace foyer::snapshot {

enum class MemberRole { kAuditor, kOrganizationAccountAccessRole };

struct CollectionOptions {
  MemberRole via = MemberRole::kAuditor;
  int concurrency = 8;  // accounts read at once
  // Whose KMS keys and CloudTrail trails are read in every account (both
  // are regional); empty: the caller's region only.
  std::vector<std::string> regions;
  // Called after each account, from the worker that read it.
  std::function<void(const std::string& account_id, size_t done, size_t total)> on_account;
};

// The role assumed to read `account_id`.
std::string MemberRoleArn(const std::string& partition, const std::string& account_id, MemberRole via);

// The snapshot as JSON, ready to write or to parse with
// access_graph::ParseSnapshot. Fails only when the organization itself
// cannot be read; an account that cannot be read carries "errors".
Result<nlohmann::json> CollectLiveSnapshot(const aws::ClientConfig& caller, const CollectionOptions& options);

}  // namespace foyer::snapshot

#endif  // FOYER_SNAPSHOT_LIVE_SNAPSHOT_H_
