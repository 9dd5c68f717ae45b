// What `foyer plan` and `foyer apply` share: from foyer.toml and the
// caller's credentials to a plan, through discovery of the live
// organization and account matching.
#ifndef FOYER_CLI_ORG_RUN_H_
#define FOYER_CLI_ORG_RUN_H_

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/result.h"
#include "cli/organization_session.h"
#include "org/account_matching.h"
#include "org/plan.h"

namespace foyer::cli {

struct OrgRunOptions {
  std::string spec_path = "foyer.toml";
  std::string profile;
  std::vector<std::string> adopt;
  int concurrency = 8;
  bool allow_delete = false;
  bool accept_unproven_access = false;
};

// --spec, --profile, --adopt, --concurrency, --allow-delete,
// --accept-unproven-access.
void AddOrgRunOptions(CLI::App& command, OrgRunOptions& options);

struct PlannedOrganization : OrganizationSession {
  org::AccountMatching matching;
  org::Plan plan;
};

// Reads the spec, identifies the caller, discovers the organization and
// plans. Refuses to plan against another organization than the spec's,
// and a first apply (no organization yet) from any account but the
// management account the spec names.
Result<std::unique_ptr<PlannedOrganization>> PlanOrganization(const OrgRunOptions& options);

// The same on an organization already opened (apply opens it, takes the
// lock, then plans, so that every family reads under the lock).
Result<std::unique_ptr<PlannedOrganization>> PlanOpenedOrganization(std::unique_ptr<OrganizationSession> session,
                                                                    const OrgRunOptions& options);

// The access analyzer on the state the plan leads to (S2, S4, S7, S8). A
// plan that breaks them is refused, with the findings and their paths on
// stderr, unless `accept` (--accept-unproven-access); while the spec's
// accounts do not all exist yet, the proof is skipped with a plan note.
Status ProvePlannedAccess(PlannedOrganization& planned, bool accept);

}  // namespace foyer::cli

#endif  // FOYER_CLI_ORG_RUN_H_
