// The rule families of `foyer audit`, one file each, sharing one context.
// Each appends its findings; none reads another's.
#ifndef FOYER_AUDIT_RULES_H_
#define FOYER_AUDIT_RULES_H_

#include <chrono>
#include <vector>

#include "access_graph/graph.h"
#include "access_graph/snapshot.h"
#include "audit/finding.h"

namespace foyer::audit {

struct AuditContext {
  const access_graph::Snapshot& snapshot;
  const access_graph::AccessGraph& graph;
  const access_graph::SnapshotAccount* admin = nullptr;       // null when none was found
  const access_graph::SnapshotAccount* management = nullptr;  // null when not in the snapshot
  std::chrono::system_clock::time_point now;
};

// The admin account: `explicit_id` when given, else tagged foyer:kind=admin,
// else named "admin"; null when there is none.
const access_graph::SnapshotAccount* FindAdminAccount(const access_graph::Snapshot& snapshot,
                                                      const std::string& explicit_id);

// S1 (only access in admin), S2 (no human entry in management), S3 (no
// storage or trails in admin); incomplete collection.
void CheckAccounts(const AuditContext& context, std::vector<Finding>& findings);

// S7: IAM users outside admin, users without MFA, access keys older than 90 days.
void CheckUsers(const AuditContext& context, std::vector<Finding>& findings);

// S8: trust of everyone, of whole accounts without conditions, of third
// parties without ExternalId; landing roles without sts:SetSourceIdentity
// or admitting IAM users without MFA.
void CheckTrusts(const AuditContext& context, std::vector<Finding>& findings);

// S4: a path from any principal outside admin into the admin or management account.
void CheckPaths(const AuditContext& context, std::vector<Finding>& findings);

// S2 and the guardrails: SCPs that must deny, proven with the policy engine.
void CheckGuardrails(const AuditContext& context, std::vector<Finding>& findings);

// S10: bucket and KMS key policies open to everyone, or naming accounts
// outside the organization.
void CheckResourcePolicies(const AuditContext& context, std::vector<Finding>& findings);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_RULES_H_
