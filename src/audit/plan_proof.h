// Plan-time proof: the access analyzer run on the state a plan would create,
// before apply creates it, so that a spec which would open a way into admin
// or management (S4), a human entry into management (S2), IAM users outside
// admin (S7) or a loose trust (S8) is refused while it is still text.
//
// How `foyer plan` uses it: build the desired roles (roles::DesiredRoles)
// with the real account ids, then
//   auto planned = PlannedSnapshot(desired, ids, management_id, organization_id);
//   auto broken = ProveInvariants(*planned);
// and refuse the plan when `broken` is not empty, printing FindingsText
// (each S4 finding carries the offending path), unless an explicit override
// flag is given, which the journal records.
#ifndef FOYER_AUDIT_PLAN_PROOF_H_
#define FOYER_AUDIT_PLAN_PROOF_H_

#include <map>
#include <string>
#include <vector>

#include "access_graph/snapshot.h"
#include "audit/finding.h"
#include "base/result.h"
#include "roles/desired_roles.h"

namespace foyer::audit {

// The planned state as a snapshot: every desired role at
// arn:<partition>:iam::<id>:role/foyer/<name> with its trust policy, inline
// policies and managed policies. A managed policy's document is not known
// before apply, so each counts as allowing everything: the proof then
// over-approximates what a role can do, and never misses a path.
// `account_ids`: account name -> id, for every account in `desired` (the
// management account under "management"). Fails naming an account without
// an id: the proof needs real ids, so it runs once the accounts exist.
Result<access_graph::Snapshot> PlannedSnapshot(const std::vector<roles::AccountRoles>& desired,
                                               const std::map<std::string, std::string>& account_ids,
                                               const std::string& management_id,
                                               const std::string& organization_id,
                                               const std::string& partition = "aws");

// The high-severity findings of rules S2, S4, S7 and S8 on `planned`.
std::vector<Finding> ProveInvariants(const access_graph::Snapshot& planned);

// Both steps from the spec: the roles it asks for (roles::DesiredRoles) in
// the accounts of `account_ids` (account name -> live id, "management"
// included, as org::AccountMatching has them), proven. Fails with code
// "AccountNotCreated" while an account of the spec does not exist yet.
Result<std::vector<Finding>> ProvePlannedRoles(const spec::Spec& spec, const std::vector<org::DesiredAccount>& accounts,
                                               const std::map<std::string, std::string>& account_ids,
                                               const std::string& organization_id, const std::string& partition);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_PLAN_PROOF_H_
