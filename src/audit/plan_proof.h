// Plan-time proof: the access analyzer run on the state a plan would create,
// before apply creates it, so that a spec which would open a way into admin
// or management (S4), a human entry into management (S2), IAM users outside
// admin (S7) or a loose trust (S8) is refused while it is still text.
//
// How `foyer plan` uses it: build the desired roles (roles::DesiredRoles)
// with the real account ids (ProvePlannedRoles does all of it, with
// stand-ins for accounts not created yet), then
//   auto planned = PlannedSnapshot(desired, ids, management_id, organization_id);
//   auto broken = ProveInvariants(*planned);
// and refuse the plan when `broken` is not empty, printing FindingsText
// (each S4 finding carries the offending path), unless an explicit override
// flag is given, which the journal records.
#ifndef FOYER_AUDIT_PLAN_PROOF_H_
#define FOYER_AUDIT_PLAN_PROOF_H_

#include <map>
#include <set>
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
// an id (ProvePlannedRoles gives stand-ins to accounts not created yet).
Result<access_graph::Snapshot> PlannedSnapshot(const std::vector<roles::AccountRoles>& desired,
                                               const std::map<std::string, std::string>& account_ids,
                                               const std::string& management_id,
                                               const std::string& organization_id,
                                               const std::string& partition = "aws");

// The high-severity findings of rules S2, S4, S7 and S8 on `planned`.
std::vector<Finding> ProveInvariants(const access_graph::Snapshot& planned);

inline constexpr char kOrganizationStandIn[] = "<organization>";

// The account ids a proof runs with: the live ones, and stand-ins for the
// accounts apply has not created yet, so that a first plan is proven too.
// Stand-ins are 12 digits, as the analyzer reads any account id: counting
// up from 000000000001 past every id in use, management first and then in
// the spec's order, so the same account gets the same one on every plan.
struct ProofIds {
  std::map<std::string, std::string> ids;        // account name -> live or stand-in id
  std::map<std::string, std::string> stand_ins;  // stand-in id -> account name
};
// `also_in_use`: other ids stand-ins must not take (accounts outside the spec).
ProofIds IdsWithStandIns(const std::vector<org::DesiredAccount>& accounts,
                         const std::map<std::string, std::string>& account_ids,
                         const std::set<std::string>& also_in_use = {});

// Shows stand-in ids in `findings` as "<id of account NAME>", as plan does.
void NameStandIns(const ProofIds& ids, std::vector<Finding>& findings);

// Both steps from the spec: the roles it asks for (roles::DesiredRoles) in
// the accounts of `account_ids` (account name -> live id, "management"
// included, as org::AccountMatching has them), proven, with stand-ins
// (IdsWithStandIns, kOrganizationStandIn) for what does not exist yet.
Result<std::vector<Finding>> ProvePlannedRoles(const spec::Spec& spec, const std::vector<org::DesiredAccount>& accounts,
                                               const std::map<std::string, std::string>& account_ids,
                                               const std::string& organization_id, const std::string& partition);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_PLAN_PROOF_H_
