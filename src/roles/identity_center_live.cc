#include "roles/identity_center_live.h"

#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

bool IsFoyerName(const std::string& name) { return name.rfind(PermissionSetName(""), 0) == 0; }

}  // namespace

bool AssignedTo(const std::vector<aws::AccountAssignment>& assignments, const std::string& group_id) {
  for (const aws::AccountAssignment& assignment : assignments) {
    if (assignment.principal_type == "GROUP" && assignment.principal_id == group_id) return true;
  }
  return false;
}

std::vector<aws::AccountAssignment> StrayAssignments(const SetAssignments& assignments,
                                                     const std::optional<std::string>& group_id) {
  std::vector<aws::AccountAssignment> stray = assignments.elsewhere;
  for (const aws::AccountAssignment& assignment : assignments.in_admin) {
    if (group_id && assignment.principal_type == "GROUP" && assignment.principal_id == *group_id) continue;
    stray.push_back(assignment);
  }
  return stray;
}

Result<SetAssignments> ReadAssignments(aws::SsoAdminClient& sso, const std::string& instance_arn,
                                       const std::string& admin_id, const std::string& set_arn) {
  SetAssignments read;
  auto in_admin = sso.ListAccountAssignments(instance_arn, admin_id, set_arn);
  if (!in_admin.ok()) return in_admin.error();
  read.in_admin = std::move(*in_admin);
  auto accounts = sso.ListAccountsForProvisionedPermissionSet(instance_arn, set_arn);
  if (!accounts.ok()) return accounts.error();
  for (const std::string& account : *accounts) {
    if (account == admin_id) continue;
    auto elsewhere = sso.ListAccountAssignments(instance_arn, account, set_arn);
    if (!elsewhere.ok()) return elsewhere.error();
    read.elsewhere.insert(read.elsewhere.end(), elsewhere->begin(), elsewhere->end());
  }
  return read;
}

Result<bool> IsDelegatedAdministrator(aws::OrganizationsClient& management, const std::string& admin_id) {
  auto admins = management.ListDelegatedAdministrators(kIdentityCenterPrincipal);
  if (!admins.ok()) return admins.error();
  for (const aws::DelegatedAdministrator& admin : *admins) {
    if (admin.account.id == admin_id) return true;
  }
  return false;
}

Result<std::optional<aws::SsoInstance>> FindInstance(aws::SsoAdminClient& sso) {
  auto instances = sso.ListInstances();
  if (!instances.ok()) return instances.error();
  if (instances->empty()) return std::optional<aws::SsoInstance>();
  return std::optional<aws::SsoInstance>(instances->front());
}

Result<std::map<std::string, aws::PermissionSet>> FoyerPermissionSets(aws::SsoAdminClient& sso,
                                                                     const std::string& instance_arn) {
  auto arns = sso.ListPermissionSets(instance_arn);
  if (!arns.ok()) return arns.error();
  std::map<std::string, aws::PermissionSet> sets;
  for (const std::string& arn : *arns) {
    auto described = sso.DescribePermissionSet(instance_arn, arn);
    if (!described.ok()) return described.error();
    if (described->arn.empty()) described->arn = arn;
    if (IsFoyerName(described->name)) sets[described->name] = *described;
  }
  return sets;
}

Result<LiveIdentityCenter> ReadIdentityCenter(aws::SsoAdminClient& sso, aws::IdentityStoreClient& store,
                                              const aws::SsoInstance& instance, const std::string& admin_id,
                                              const std::vector<std::string>& groups) {
  LiveIdentityCenter live;
  live.instance = instance;
  auto sets = FoyerPermissionSets(sso, instance.instance_arn);
  if (!sets.ok()) return sets.error();
  for (auto& [name, described] : *sets) {
    LivePermissionSet set;
    set.described = described;
    auto policy = sso.GetInlinePolicy(instance.instance_arn, described.arn);
    if (!policy.ok()) return policy.error();
    set.inline_policy = *policy;
    auto assignments = ReadAssignments(sso, instance.instance_arn, admin_id, described.arn);
    if (!assignments.ok()) return assignments.error();
    set.assignments = std::move(*assignments);
    live.sets[name] = std::move(set);
  }
  for (const std::string& group : groups) {
    auto id = store.FindGroupId(instance.identity_store_id, group);
    if (!id.ok()) return id.error();
    live.group_ids[group] = *id;
  }
  return live;
}

}  // namespace foyer::roles
