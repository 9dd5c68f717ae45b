#include "access/target_session_plan.h"

#include "access/granted_roles.h"
#include "access/target.h"
#include "store/inventory_cache.h"

namespace foyer::access {
namespace {

bool NeedsInventory(const std::string& target) {
  return !IsAccountId(target) && target != "admin" && target != "management";
}

Result<Target> Resolve(const std::string& text, const login::OrgAccess& org, const store::StateDir& state) {
  std::optional<store::Inventory> inventory;
  if (NeedsInventory(text) && !org.management_account_id.empty()) {
    auto inventories = store::InventoryCache::Open(state);
    if (!inventories.ok()) return inventories.error();
    auto loaded = inventories->Load(org.management_account_id);
    if (!loaded.ok()) return loaded.error();
    inventory = std::move(*loaded);
  }
  return ResolveTarget(text, org, inventory);
}

// The account's name in the recorded grants: "management", the name a
// TARGET name resolved to, or for an id or `admin` the name the inventory
// knows the account by (the admin account need not be called "admin"). ""
// for an id the inventory does not know. Read only when a role has to be
// chosen or checked.
std::string GrantsAccountName(const Target& target, const login::OrgAccess& org, const store::StateDir& state) {
  if (target.account_id == org.management_account_id) return std::string(org::kManagementAccountName);
  std::string fallback = IsAccountId(target.label) ? "" : target.label;
  if (!fallback.empty() && target.account_id != org.admin_account_id) return fallback;
  auto inventories = store::InventoryCache::Open(state);
  if (!inventories.ok() || org.management_account_id.empty()) return fallback;
  auto loaded = inventories->Load(org.management_account_id);
  if (!loaded.ok() || !*loaded) return fallback;
  for (const auto& account : (*loaded)->accounts) {
    if (account.id == target.account_id) return account.name;
  }
  return fallback;
}

}  // namespace

Result<TargetSessionPlan> PlanTargetSession(const TargetSessionOptions& options, const creds::Environment& env) {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return config.error();
  auto org = config->Select(options.org);
  if (!org.ok()) return org.error();
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return state.error();
  auto target = Resolve(options.target, **org, *state);
  if (!target.ok()) return target.error();
  std::string group = options.group.empty() ? (*org)->default_group : options.group;
  std::string account_name = (*org)->grants.empty() ? "" : GrantsAccountName(*target, **org, *state);
  auto role = ChooseRole(**org, group, account_name, options.role);
  if (!role.ok()) return role.error();
  auto window = RefreshWindowFromEnvironment(env);
  if (!window.ok()) return window.error();

  RoleSessionRequest request;
  request.group = group;
  request.account_id = target->account_id;
  request.role = *role;
  request.use_cache = options.use_cache;
  request.refresh_window = *window;
  FOYER_RETURN_IF_ERROR(CheckRoleSessionRequest(request));
  return TargetSessionPlan{**org, std::move(*state), std::move(request), (*org)->regions.front()};
}

Result<std::optional<TargetSession>> PeekTargetSession(const TargetSessionPlan& plan) {
  if (!plan.request.use_cache) return std::optional<TargetSession>();
  auto cache = store::CredentialCache::Open(plan.state);
  if (!cache.ok()) return cache.error();
  auto fresh = cache->ReadFresh(RoleSessionCacheKey(plan.org, plan.request), plan.request.refresh_window);
  if (!fresh.ok()) return fresh.error();
  if (!*fresh) return std::optional<TargetSession>();
  return std::optional<TargetSession>(
      TargetSession{std::move(**fresh), plan.request.account_id, plan.region, plan.request.role});
}

}  // namespace foyer::access
