#include "cli/org_run.h"

#include <chrono>

#include "audit/plan_proof.h"
#include "audit/report.h"
#include "base/error.h"
#include "cli/resource_families.h"
#include "org/planner.h"
#include "store/inventory_cache.h"
#include "store/state_dir.h"

namespace foyer::cli {
namespace {

// A first apply creates the organization, which makes the caller's account
// its management account: only the account the spec names may do that.
Status CheckBootstrapCaller(const org::LiveOrganization& live, const aws::CallerIdentity& caller,
                           const std::string& management_id) {
  if (live.organization || caller.account == management_id) return OkStatus();
  return MakeError("WrongAccount",
                   "there is no organization yet and these credentials are " + caller.arn +
                       " in account " + caller.account + "; the first apply creates the " +
                       "organization, so it must run with credentials of the management account " +
                       management_id + " (management_account_id in foyer.toml)");
}

// Keeps `foyer accounts` and target resolution current with what planning
// just read; a failure to cache is not a failure to plan.
void CacheInventory(const org::LiveOrganization& live, const std::string& management_id) {
  if (!live.organization) return;
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return;
  auto cache = store::InventoryCache::Open(*state);
  if (!cache.ok()) return;
  (void)cache->Save({management_id, std::chrono::system_clock::now(), live.accounts});
}

}  // namespace

void AddOrgRunOptions(CLI::App& command, OrgRunOptions& options) {
  command.add_option("--spec", options.spec_path, "The organization spec (default: foyer.toml)");
  command.add_option("--profile", options.profile,
                     "AWS profile to use (default: AWS_DEFAULT_PROFILE, AWS_PROFILE, then 'default')");
  command.add_option("--adopt", options.adopt,
                     "Adopt this existing account (12-digit id) for the spec's account of the same "
                     "name or root email, instead of creating one");
  command.add_option("--concurrency", options.concurrency, "How many accounts to work on at once")
      ->check(CLI::Range(1, 64));
  command.add_flag("--allow-delete", options.allow_delete,
                   "Plan deletions of what foyer.toml no longer asks for (never accounts)");
  command.add_flag("--accept-unproven-access", options.accept_unproven_access,
                   "Go on even when the planned roles break S2/S4/S7/S8 (the findings are printed)");
}

Result<std::unique_ptr<PlannedOrganization>> PlanOrganization(const OrgRunOptions& options) {
  auto session = OpenOrganization(options.spec_path, options.profile);
  if (!session.ok()) return session.error();
  return PlanOpenedOrganization(std::move(*session), options);
}

Result<std::unique_ptr<PlannedOrganization>> PlanOpenedOrganization(std::unique_ptr<OrganizationSession> session,
                                                                    const OrgRunOptions& options) {
  auto planned = std::make_unique<PlannedOrganization>();
  static_cast<OrganizationSession&>(*planned) = std::move(*session);
  const std::string& management_id = planned->ManagementId();
  FOYER_RETURN_IF_ERROR(CheckBootstrapCaller(planned->live, planned->caller, management_id));
  CacheInventory(planned->live, management_id);

  auto matching = org::MatchAccounts(planned->spec.accounts, planned->live.accounts, options.adopt,
                                     management_id);
  if (!matching.ok()) return matching.error();
  planned->matching = std::move(*matching);

  org::PlanContext context{planned->spec.spec, planned->spec.accounts, planned->live,
                           planned->matching.ids, planned->partition, options.concurrency,
                           *planned->access, options.allow_delete};
  auto plan = org::BuildPlan(context, AllResourceFamilies(planned->matching.adopted));
  if (!plan.ok()) return plan.error();
  planned->plan = std::move(*plan);
  planned->plan.notes.insert(planned->plan.notes.begin(), planned->matching.notes.begin(),
                             planned->matching.notes.end());
  return planned;
}

Status ProvePlannedAccess(PlannedOrganization& planned, bool accept) {
  std::string organization = planned.live.organization ? planned.live.organization->id : "";
  auto findings = audit::ProvePlannedRoles(planned.spec.spec, planned.spec.accounts, planned.matching.ids,
                                           organization, planned.partition);
  if (!findings.ok()) {
    planned.plan.notes.push_back("access not proven: " + findings.error().message);
    return OkStatus();
  }
  if (findings->empty()) return OkStatus();
  std::fputs(audit::FindingsText(*findings).c_str(), stderr);
  if (accept) {
    std::fputs("foyer: warning: --accept-unproven-access: planning despite the findings above\n", stderr);
    return OkStatus();
  }
  return MakeError("UnprovenAccess", "the plan would break S2/S4/S7/S8 (findings above); fix foyer.toml, or "
                                     "pass --accept-unproven-access to plan anyway");
}

}  // namespace foyer::cli
