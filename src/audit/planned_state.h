// The state an apply of the spec leads to, as a snapshot
// (access_graph/snapshot.h), so that every analysis command can answer
// "who could get there after apply?" before anything changes:
// `foyer snapshot --planned` writes it, and audit, who-can, paths and graph
// read it with --snapshot.
//
// It is the live snapshot with foyer's roles (path /foyer/, except the
// pipelines' ci-* roles, which the CI family keeps) replaced by the roles
// the spec asks for, in the accounts it picks. Accounts apply has not
// created yet are added under stand-in ids (IdsWithStandIns), under the
// root only, with AWS's FullAWSAccess at their own level as AWS attaches it.
// foyer's guardrail SCPs (foyer-*) are replaced by those the spec keeps,
// where apply attaches them; an organization without SCPs gets them enabled,
// FullAWSAccess everywhere, as apply does. Everything else — other SCPs,
// users, other roles, buckets, keys — is as it is live.
#ifndef FOYER_AUDIT_PLANNED_STATE_H_
#define FOYER_AUDIT_PLANNED_STATE_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/plan_proof.h"
#include "org/naming.h"
#include "roles/desired_roles.h"
#include "spec/spec.h"

namespace foyer::audit {

// A role the plan makes, as a snapshot role: arn, trust policy, inline
// policies, and attached managed policies with their documents from
// `managed` (policy ARN -> document). One whose document is not known yet
// counts as allowing everything, so that a proof never misses a path.
nlohmann::json PlannedRoleJson(const roles::DesiredRole& role, const std::string& account_id,
                               const std::string& partition,
                               const std::map<std::string, nlohmann::json>& managed = {});

struct PlannedState {
  nlohmann::json snapshot;
  ProofIds ids;             // every account's id, stand-ins included
  size_t planned_roles = 0;  // roles written from the spec
};

// `live`: a snapshot's JSON (`foyer snapshot`), or null when there is no
// organization yet. `account_ids`: the spec's account names -> live ids, as
// org::AccountMatching has them ("management" included).
PlannedState PlannedOverLive(nlohmann::json live, const spec::Spec& spec,
                             const std::vector<org::DesiredAccount>& accounts,
                             const std::map<std::string, std::string>& account_ids,
                             const std::string& organization_id, const std::string& partition);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_PLANNED_STATE_H_
