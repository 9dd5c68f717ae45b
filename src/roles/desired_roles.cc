#include "roles/desired_roles.h"

#include <algorithm>

#include "org/role_placement.h"

namespace foyer::roles {
namespace {

const spec::Role* FindSpecRole(const spec::Spec& spec, const std::string& name) {
  for (const spec::Role& role : spec.roles) {
    if (role.name.value == name) return &role;
  }
  return nullptr;
}

DesiredRole TargetRole(const spec::Spec& spec, const org::RolePlacement& placement,
                       const DocumentIds& ids) {
  DesiredRole role;
  role.name = placement.role;
  role.trusted_groups = placement.trusted_groups;
  role.trust_policy = TargetTrustPolicy(ids.admin, placement.trusted_groups);
  role.managed_policies = BuiltinManagedPolicies(ids.admin.partition, placement.role);
  if (placement.role == spec::kAuditorRole) {
    role.inline_policies.emplace(kAuditorDenyPolicyName,
                                 AuditorDenyPolicy(placement.account_kind == org::AccountKind::kAudit));
  } else if (placement.role == spec::kOrganizationReaderRole) {
    role.inline_policies.emplace(kOrganizationReaderPolicyName, OrganizationReaderPolicy());
  } else if (const spec::Role* custom = FindSpecRole(spec, placement.role)) {
    role.managed_policies = custom->managed_policies.Values();
    role.max_session_seconds = static_cast<int>(custom->max_session_duration.value);
    if (!custom->policy_document.empty()) {
      nlohmann::json document =
          nlohmann::json::parse(custom->policy_document, nullptr, /*allow_exceptions=*/false);
      role.inline_policies.emplace(kCustomPolicyName, std::move(document));
    }
  }
  std::sort(role.managed_policies.begin(), role.managed_policies.end());
  return role;
}

std::vector<DesiredRole> LandingRoles(const spec::Spec& spec, const DocumentIds& ids) {
  std::vector<DesiredRole> roles;
  for (const spec::Group& group : spec.groups) {
    DesiredRole role;
    role.name = group.name.value;
    role.landing = true;
    role.trust_policy = LandingTrustPolicy(spec, group.name.value, ids.admin);
    role.inline_policies.emplace(kLandingPolicyName,
                                 LandingIdentityPolicy(ids.admin.partition, ids.organization_id));
    role.max_session_seconds = kLandingMaxSessionSeconds;
    roles.push_back(std::move(role));
  }
  return roles;
}

AccountRoles& AccountEntry(std::vector<AccountRoles>& desired, const std::string& account,
                           org::AccountKind kind) {
  for (AccountRoles& entry : desired) {
    if (entry.account == account) return entry;
  }
  desired.push_back(AccountRoles{account, kind, {}});
  return desired.back();
}

}  // namespace

std::vector<AccountRoles> DesiredRoles(const spec::Spec& spec,
                                       const std::vector<org::DesiredAccount>& accounts,
                                       const DocumentIds& ids) {
  std::vector<AccountRoles> desired;
  std::vector<org::RolePlacement> placements = org::PlaceRoles(spec, accounts);
  for (const org::RolePlacement& placement : placements) {
    AccountRoles& entry = AccountEntry(desired, placement.account, placement.account_kind);
    if (placement.account_kind == org::AccountKind::kAdmin && entry.roles.empty()) {
      entry.roles = LandingRoles(spec, ids);
    }
    entry.roles.push_back(TargetRole(spec, placement, ids));
  }
  // The admin account holds the landing roles even when no target role is
  // placed there.
  AccountRoles& admin = AccountEntry(desired, spec.accounts.admin.value, org::AccountKind::kAdmin);
  if (admin.roles.empty()) admin.roles = LandingRoles(spec, ids);
  return desired;
}

const DesiredRole* FindDesiredRole(const std::vector<AccountRoles>& desired,
                                   const std::string& account, const std::string& role) {
  for (const AccountRoles& entry : desired) {
    if (entry.account != account) continue;
    for (const DesiredRole& candidate : entry.roles) {
      if (candidate.name == role) return &candidate;
    }
  }
  return nullptr;
}

}  // namespace foyer::roles
