#include "access/target_session.h"

#include "access/role_session.h"
#include "access/target.h"
#include "login/client_config.h"
#include "store/inventory_cache.h"
#include "store/state_dir.h"

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

}  // namespace

Result<TargetSession> OpenTargetSession(const TargetSessionOptions& options, const creds::Environment& env) {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return config.error();
  auto org = config->Select(options.org);
  if (!org.ok()) return org.error();
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return state.error();
  auto target = Resolve(options.target, **org, *state);
  if (!target.ok()) return target.error();
  auto window = RefreshWindowFromEnvironment(env);
  if (!window.ok()) return window.error();
  auto cache = store::CredentialCache::Open(*state);
  if (!cache.ok()) return cache.error();

  RoleSessionRequest request;
  request.group = options.group.empty() ? (*org)->default_group : options.group;
  request.account_id = target->account_id;
  request.role = options.role;
  request.use_cache = options.use_cache;
  request.refresh_window = *window;
  auto session = GetRoleSession(**org, request, *state, *cache, env);
  if (!session.ok()) return session.error();
  return TargetSession{std::move(*session), target->account_id, (*org)->regions.front()};
}

}  // namespace foyer::access
