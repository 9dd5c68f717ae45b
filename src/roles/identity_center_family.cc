#include "roles/identity_center_family.h"

#include <memory>
#include <set>

#include "iam/policy_comparison.h"
#include "org/organization_family.h"
#include "roles/apply_inputs.h"
#include "roles/identity_center_changes.h"
#include "roles/identity_center_live.h"
#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

constexpr char kAdminPlaceholder[] = "<admin>";

bool Converged(const LivePermissionSet& set, const nlohmann::json& policy) {
  return set.described.description == kPermissionSetDescription &&
         set.described.session_duration == kPermissionSetSessionDuration &&
         iam::SameAsLive(set.inline_policy, policy);
}

// The permission set of `group` and its assignment in the admin account;
// `live` is null when Identity Center cannot be read yet.
void AddGroupChanges(const org::PlanContext& context, const LiveIdentityCenter* live, const std::string& admin_id,
                     const std::string& group, const std::shared_ptr<const IdentityCenterInputs>& inputs,
                     org::Plan& plan) {
  const std::string name = PermissionSetName(group);
  nlohmann::json policy = PermissionSetPolicy(context.partition, admin_id, group);
  const LivePermissionSet* set = nullptr;
  if (live != nullptr && live->sets.count(name)) set = &live->sets.at(name);
  if (set == nullptr || !Converged(*set, policy)) plan.changes.push_back(PermissionSetChange(group, set, policy, inputs));
  if (live == nullptr) {
    plan.changes.push_back(AssignmentChange(group, inputs));
    return;
  }
  const std::optional<std::string>& group_id = live->group_ids.at(group);
  if (!group_id) {
    plan.notes.push_back("Identity Center's identity store has no group named '" + group + "': permission set " +
                         name + " is not assigned to anyone; create the group (or sync it from your IdP) and "
                         "plan again");
  } else if (set == nullptr || !AssignedTo(set->assignments.in_admin, *group_id)) {
    plan.changes.push_back(AssignmentChange(group, inputs));
  }
  if (set == nullptr) return;
  for (const aws::AccountAssignment& stray : StrayAssignments(set->assignments, group_id)) {
    if (context.allow_delete) {
      plan.changes.push_back(AssignmentRemoval(group, stray, inputs));
    } else {
      plan.notes.push_back("permission set " + name + " is assigned to " + stray.principal_type + " " +
                           stray.principal_id + " in account " + stray.account_id + ", but foyer assigns it "
                           "only to group '" + group + "' in the admin account; pass --allow-delete to remove "
                           "that assignment");
    }
  }
}

// Permission sets foyer-* of groups no longer in the spec.
void AddStaleSets(const org::PlanContext& context, const LiveIdentityCenter& live,
                  const std::shared_ptr<const IdentityCenterInputs>& inputs, org::Plan& plan) {
  std::set<std::string> wanted;
  for (const spec::Group& group : context.spec.groups) wanted.insert(PermissionSetName(group.name.value));
  for (const auto& [name, set] : live.sets) {
    if (wanted.count(name)) continue;
    if (context.allow_delete) {
      plan.changes.push_back(PermissionSetRemoval(name, inputs));
    } else {
      plan.notes.push_back("permission set " + name + " belongs to no [[group]] any more; pass --allow-delete "
                           "to delete it and its assignments");
    }
  }
}

// Whether the admin account `admin_id` is Identity Center's delegated
// administrator, asked of management.
Result<bool> DelegatedToAdmin(const org::PlanContext& context, const std::string& admin_id) {
  auto management = context.access.ConfigIn(context.ManagementAccountId(), context.DefaultRegion());
  if (!management.ok()) return management.error();
  aws::OrganizationsClient organizations(std::move(*management));
  return IsDelegatedAdministrator(organizations, admin_id);
}

// Identity Center as the admin account sees it; nullopt while the admin
// account does not exist or is not yet its delegated administrator.
Result<std::optional<LiveIdentityCenter>> ReadLive(const org::PlanContext& context,
                                                   const std::shared_ptr<const IdentityCenterInputs>& inputs,
                                                   org::Plan& plan) {
  const std::string& admin = inputs->admin;
  const std::string& region = inputs->region;
  std::optional<std::string> admin_id = context.LiveAccountId(admin);
  bool delegated = false;
  if (admin_id) {
    auto is_delegated = DelegatedToAdmin(context, *admin_id);
    if (!is_delegated.ok()) return is_delegated.error();
    delegated = *is_delegated;
  }
  if (!delegated) {
    plan.changes.push_back(DelegationChange(inputs));
    plan.notes.push_back("Identity Center is read once " + admin + " is its delegated administrator; until then "
                         "every permission set and assignment is planned, and a group missing from the identity "
                         "store is skipped at apply");
    return std::optional<LiveIdentityCenter>();
  }
  auto config = context.access.ConfigIn(*admin_id, region);
  if (!config.ok()) return config.error();
  aws::SsoAdminClient sso(*config);
  aws::IdentityStoreClient store(std::move(*config));
  auto instance = FindInstance(sso);
  if (!instance.ok()) return instance.error();
  if (!*instance) return NoInstanceError(*admin_id, region);
  std::vector<std::string> groups;
  for (const spec::Group& group : context.spec.groups) groups.push_back(group.name.value);
  auto live = ReadIdentityCenter(sso, store, **instance, *admin_id, groups);
  if (!live.ok()) return live.error();
  return std::optional<LiveIdentityCenter>(std::move(*live));
}

std::shared_ptr<IdentityCenterInputs> MakeInputs(const org::PlanContext& context, const std::string& region) {
  auto inputs = std::make_shared<IdentityCenterInputs>();
  inputs->admin = context.spec.accounts.admin.value;
  inputs->management_id = context.ManagementAccountId();
  inputs->partition = context.partition;
  inputs->region = region;
  inputs->organizations_region = context.DefaultRegion();
  return inputs;
}

// The permission sets foyer-* a former [identity.identity_center] made,
// found while the admin account is still Identity Center's delegated
// administrator: that costs one call to management when it is not. The
// instance is looked for in the spec's regions, in order.
Status AddLeftoverSets(const org::PlanContext& context, org::Plan& plan) {
  std::optional<std::string> admin_id = context.LiveAccountId(context.spec.accounts.admin.value);
  if (!admin_id) return OkStatus();
  auto delegated = DelegatedToAdmin(context, *admin_id);
  // Where Organizations does not know Identity Center's service principal
  // (a partition without it), nothing can have been delegated to it.
  if (!delegated.ok() && delegated.error().code == "InvalidInputException") return OkStatus();
  if (!delegated.ok()) return delegated.error();
  if (!*delegated) return OkStatus();
  std::string looked_in;
  for (const std::string& region : context.spec.organization.regions.Values()) {
    looked_in += (looked_in.empty() ? "" : ", ") + region;
    auto config = context.access.ConfigIn(*admin_id, region);
    if (!config.ok()) return config.error();
    aws::SsoAdminClient sso(std::move(*config));
    auto instance = FindInstance(sso);
    if (!instance.ok()) return instance.error();
    if (!*instance) continue;
    auto sets = FoyerPermissionSets(sso, (*instance)->instance_arn);
    if (!sets.ok()) return sets.error();
    auto inputs = MakeInputs(context, region);
    for (const auto& [name, set] : *sets) {
      if (context.allow_delete) {
        plan.changes.push_back(PermissionSetRemoval(name, inputs));
      } else {
        plan.notes.push_back("permission set " + name + " was made for [identity.identity_center], which the spec "
                             "no longer has; pass --allow-delete to delete it and its assignments");
      }
    }
    return OkStatus();
  }
  plan.notes.push_back("the admin account is Identity Center's delegated administrator, but Identity Center has no "
                       "instance in the spec's regions (" + looked_in + "): permission sets foyer-* "
                       "left from an earlier [identity.identity_center] are not looked for; delete them in the "
                       "console of the instance's region");
  return OkStatus();
}

}  // namespace

nlohmann::json PermissionSetPolicy(const std::string& partition, const std::string& admin_id,
                                   const std::string& group) {
  return {{"Version", "2012-10-17"},
          {"Statement",
           {{{"Sid", "AssumeLandingRole"},
             {"Effect", "Allow"},
             {"Action", {"sts:AssumeRole", "sts:SetSourceIdentity"}},
             {"Resource", RoleArn(partition, admin_id, group)}}}}};
}

Status IdentityCenterFamily::AddChanges(const org::PlanContext& context, org::Plan& plan) {
  if (!context.spec.identity.identity_center) return AddLeftoverSets(context, plan);
  auto inputs = MakeInputs(context, context.spec.identity.identity_center->region.value);
  auto live = ReadLive(context, inputs, plan);
  if (!live.ok()) return live.error();
  const std::string admin_id = context.LiveAccountId(inputs->admin).value_or(kAdminPlaceholder);
  const LiveIdentityCenter* read = *live ? &**live : nullptr;
  for (const spec::Group& group : context.spec.groups) {
    AddGroupChanges(context, read, admin_id, group.name.value, inputs, plan);
  }
  if (read != nullptr) AddStaleSets(context, *read, inputs, plan);
  return OkStatus();
}

}  // namespace foyer::roles
