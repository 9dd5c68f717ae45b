#include "roles/roles_family.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include "roles/desired_roles.h"
#include "roles/iam_users.h"
#include "roles/identity_providers.h"
#include "roles/live_roles.h"
#include "roles/policy_size.h"
#include "roles/role_changes.h"

namespace foyer::roles {
namespace {

// Shown in plans where an id is not known before apply makes it.
constexpr char kAdminPlaceholder[] = "<admin>";
constexpr char kOrganizationPlaceholder[] = "<organization>";

DocumentIds PlanningIds(const org::PlanContext& context) {
  DocumentIds ids;
  ids.admin.partition = context.partition;
  ids.admin.id = context.LiveAccountId(context.spec.accounts.admin.value).value_or(kAdminPlaceholder);
  ids.organization_id = context.live.organization ? context.live.organization->id : kOrganizationPlaceholder;
  return ids;
}

// Every desired role must fit IAM's limits before anything is applied.
Status CheckSizes(const std::vector<AccountRoles>& desired) {
  for (const AccountRoles& account : desired) {
    for (const DesiredRole& role : account.roles) {
      std::string label = RoleLabel(account.account, role.name);
      FOYER_RETURN_IF_ERROR(CheckTrustPolicySize(label, role.trust_policy));
      std::vector<nlohmann::json> inline_documents;
      for (const auto& [name, document] : role.inline_policies) inline_documents.push_back(document);
      FOYER_RETURN_IF_ERROR(CheckInlinePoliciesSize(label, inline_documents));
    }
  }
  return OkStatus();
}

// The deploy roles of [[ci]] pipelines (foyer/ci-<name>) belong to the CI
// family, which deletes them itself; they never live in the admin account,
// whose landing roles are named after groups.
bool IsCiRole(const std::string& account, const std::string& admin, const std::string& role_name) {
  std::string lower = role_name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return account != admin && lower.rfind(spec::kCiRolePrefix, 0) == 0;
}

// Role changes of one account; roles at /foyer/ nobody asks for are
// deleted with --allow-delete, or named in a note.
void AddAccountChanges(const org::PlanContext& context, const AccountRoles& desired,
                       const LiveAccountIam* live, SystemTime now,
                       const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  static const LiveAccountIam kNothing;
  const LiveAccountIam& current = live ? *live : kNothing;
  const std::string admin = inputs->spec.accounts.admin.value;
  for (const DesiredRole& role : desired.roles) {
    auto found = current.roles.find(role.name);
    RoleDiff diff = DiffRole(role, found == current.roles.end() ? nullptr : &found->second, now);
    if (diff.empty()) continue;
    org::Change change = RoleChange(desired.account, role, diff, inputs);
    if (role.landing) {
      if (inputs->spec.identity.oidc) change.depends_on.push_back(OidcProviderAddress(admin));
      if (inputs->spec.identity.saml) change.depends_on.push_back(SamlProviderAddress(admin));
      for (const spec::IamUser& user : inputs->spec.identity.iam_users) {
        if (user.groups.Contains(role.name)) change.depends_on.push_back(IamUserAddress(admin, user.name.value));
      }
    }
    plan.changes.push_back(std::move(change));
  }
  for (const auto& [name, role] : current.roles) {
    bool wanted = false;
    for (const DesiredRole& candidate : desired.roles) wanted = wanted || candidate.name == name;
    if (wanted || IsCiRole(desired.account, admin, name)) continue;
    if (context.allow_delete) {
      plan.changes.push_back(RoleDeletion(desired.account, role, inputs));
    } else {
      plan.notes.push_back("role " + RoleLabel(desired.account, name) +
                           " is no longer wanted; pass --allow-delete to delete it");
    }
  }
}

}  // namespace

Status RolesFamily::AddChanges(const org::PlanContext& context, org::Plan& plan) {
  DocumentIds ids = PlanningIds(context);
  std::vector<AccountRoles> desired = DesiredRoles(context.spec, context.accounts, ids);
  FOYER_RETURN_IF_ERROR(CheckSizes(desired));

  auto inputs = std::make_shared<ApplyInputs>();
  inputs->spec = context.spec;
  inputs->accounts = context.accounts;
  inputs->partition = context.partition;
  inputs->region = context.DefaultRegion();
  const std::string admin = context.spec.accounts.admin.value;

  // Every account may hold foyer roles that are no longer wanted.
  std::vector<AccountRoles> all = desired;
  std::vector<std::string> names = {std::string(org::kManagementAccountName)};
  for (const org::DesiredAccount& account : context.accounts) names.push_back(account.name);
  for (const std::string& name : names) {
    bool listed = false;
    for (const AccountRoles& entry : all) listed = listed || entry.account == name;
    if (!listed) all.push_back(AccountRoles{name, org::AccountKind::kService, {}});
  }
  auto live = ReadAccounts(context.access, context.account_ids, names, admin, context.DefaultRegion(),
                           context.concurrency);
  if (!live.ok()) return live.error();

  std::unique_ptr<aws::IamClient> admin_iam;
  if (std::optional<std::string> admin_id = context.LiveAccountId(admin)) {
    auto config = context.access.ConfigIn(*admin_id, context.DefaultRegion());
    if (!config.ok()) return config.error();
    admin_iam = std::make_unique<aws::IamClient>(std::move(*config));
  }
  FOYER_RETURN_IF_ERROR(
      AddIdentityProviderChanges(admin_iam.get(), ids.admin.id, context.allow_delete, inputs, plan));
  static const LiveAccountIam kNothing;
  auto admin_live = live->find(admin);
  FOYER_RETURN_IF_ERROR(AddIamUserChanges(admin_iam.get(),
                                          admin_live == live->end() ? kNothing : admin_live->second, ids,
                                          context.allow_delete, inputs, plan));
  SystemTime now = now_();
  for (const AccountRoles& account : all) {
    auto found = live->find(account.account);
    AddAccountChanges(context, account, found == live->end() ? nullptr : &found->second, now, inputs, plan);
  }
  return OkStatus();
}

}  // namespace foyer::roles
