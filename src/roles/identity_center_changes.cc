#include "roles/identity_center_changes.h"

#include <utility>

#include "aws/identity_store.h"
#include "aws/organizations.h"
#include "iam/policy_comparison.h"
#include "org/organization_family.h"
#include "roles/apply_inputs.h"
#include "roles/desired_roles.h"
#include "roles/identity_center_family.h"
#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

using nlohmann::json;

// The admin account's view of Identity Center while applying.
struct Session {
  std::string admin_id;
  std::unique_ptr<aws::SsoAdminClient> sso;
  std::unique_ptr<aws::IdentityStoreClient> store;
  aws::SsoInstance instance;
};

Result<Session> OpenSession(org::ApplyContext& context, const IdentityCenterInputs& inputs) {
  Session session;
  auto admin_id = context.AccountId(inputs.admin);
  if (!admin_id.ok()) return admin_id.error();
  session.admin_id = *admin_id;
  auto config = context.access().ConfigIn(*admin_id, inputs.region);
  if (!config.ok()) return config.error();
  session.sso = std::make_unique<aws::SsoAdminClient>(*config);
  session.store = std::make_unique<aws::IdentityStoreClient>(std::move(*config));
  auto instance = FindInstance(*session.sso);
  if (!instance.ok()) return instance.error();
  if (!*instance) return NoInstanceError(*admin_id, inputs.region);
  session.instance = **instance;
  return session;
}

// The ARN of foyer's permission set `name`; "" when there is none.
Result<std::string> SetArn(Session& session, const std::string& name) {
  auto sets = FoyerPermissionSets(*session.sso, session.instance.instance_arn);
  if (!sets.ok()) return sets.error();
  auto found = sets->find(name);
  return found == sets->end() ? std::string() : found->second.arn;
}

// Creates the permission set `name` unless it exists; its ARN.
Result<std::string> CreateSet(org::ApplyContext& context, Session& session, const std::string& name) {
  std::string arn;
  FOYER_RETURN_IF_ERROR(JournaledCall(context, "sso:CreatePermissionSet", "permission set " + name, [&]() -> Status {
    auto created = session.sso->CreatePermissionSet({session.instance.instance_arn, name, kPermissionSetDescription,
                                                     kPermissionSetSessionDuration,
                                                     {{kManagedTagKey, kManagedTagValue}}});
    if (!created.ok()) return created.error();
    arn = *created;
    return OkStatus();
  }, "ConflictException"));
  if (!arn.empty()) return arn;
  auto existing = SetArn(session, name);  // made by an earlier, interrupted apply
  if (!existing.ok()) return existing.error();
  if (existing->empty()) return MakeError("NotFound", "permission set " + name + " was neither created nor found");
  return *existing;
}

Status ConvergeSet(org::ApplyContext& context, const IdentityCenterInputs& inputs, const std::string& group) {
  auto session = OpenSession(context, inputs);
  if (!session.ok()) return session.error();
  const std::string name = PermissionSetName(group);
  const std::string target = "permission set " + name;
  const std::string& instance = session->instance.instance_arn;
  auto sets = FoyerPermissionSets(*session->sso, instance);
  if (!sets.ok()) return sets.error();
  auto found = sets->find(name);
  std::string arn;
  if (found == sets->end()) {
    auto created = CreateSet(context, *session, name);
    if (!created.ok()) return created.error();
    arn = *created;
  } else {
    arn = found->second.arn;
    if (found->second.description != kPermissionSetDescription ||
        found->second.session_duration != kPermissionSetSessionDuration) {
      FOYER_RETURN_IF_ERROR(JournaledCall(context, "sso:UpdatePermissionSet", target, [&] {
        return session->sso->UpdatePermissionSet(instance, arn, kPermissionSetDescription,
                                                 kPermissionSetSessionDuration);
      }));
    }
  }
  json policy = PermissionSetPolicy(inputs.partition, session->admin_id, group);
  auto live_policy = session->sso->GetInlinePolicy(instance, arn);
  if (!live_policy.ok()) return live_policy.error();
  if (!iam::SameAsLive(*live_policy, policy)) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "sso:PutInlinePolicyToPermissionSet", target,
                                        [&] { return session->sso->PutInlinePolicy(instance, arn, policy.dump()); }));
  }
  return JournaledCall(context, "sso:ProvisionPermissionSet", target,
                       [&] { return session->sso->ProvisionPermissionSet(instance, arn); });
}

Status EnsureAssignment(org::ApplyContext& context, const IdentityCenterInputs& inputs, const std::string& group) {
  auto session = OpenSession(context, inputs);
  if (!session.ok()) return session.error();
  auto group_id = session->store->FindGroupId(session->instance.identity_store_id, group);
  if (!group_id.ok()) return group_id.error();
  if (!*group_id) {
    context.Progress("no group '" + group + "' in the identity store: not assigned");
    return OkStatus();
  }
  const std::string name = PermissionSetName(group);
  auto arn = SetArn(*session, name);
  if (!arn.ok()) return arn.error();
  if (arn->empty()) return MakeError("NotFound", "permission set " + name + " does not exist; run apply again");
  const std::string& instance = session->instance.instance_arn;
  auto existing = session->sso->ListAccountAssignments(instance, session->admin_id, *arn);
  if (!existing.ok()) return existing.error();
  if (AssignedTo(*existing, **group_id)) return OkStatus();
  aws::AccountAssignment assignment{session->admin_id, *arn, "GROUP", **group_id};
  return JournaledCall(context, "sso:CreateAccountAssignment", name + " to group " + group + " in " + inputs.admin,
                       [&] { return session->sso->CreateAccountAssignment(instance, assignment); },
                       "ConflictException");
}

Status DeleteSet(org::ApplyContext& context, const IdentityCenterInputs& inputs, const std::string& name) {
  auto session = OpenSession(context, inputs);
  if (!session.ok()) return session.error();
  auto arn = SetArn(*session, name);
  if (!arn.ok()) return arn.error();
  if (arn->empty()) return OkStatus();
  const std::string& instance = session->instance.instance_arn;
  auto assignments = ReadAssignments(*session->sso, instance, session->admin_id, *arn);
  if (!assignments.ok()) return assignments.error();
  for (const aws::AccountAssignment& assignment : StrayAssignments(*assignments, std::nullopt)) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "sso:DeleteAccountAssignment",
                                        name + " in " + assignment.account_id,
                                        [&] { return session->sso->DeleteAccountAssignment(instance, assignment); },
                                        "ResourceNotFoundException"));
  }
  return JournaledCall(context, "sso:DeletePermissionSet", "permission set " + name,
                       [&] { return session->sso->DeletePermissionSet(instance, *arn); }, "ResourceNotFoundException");
}

org::Change BaseChange(org::ChangeAction action, const std::string& type, const std::string& address,
                       const std::string& admin) {
  org::Change change;
  change.action = action;
  change.type = type;
  change.address = address;
  change.account = admin;
  change.depends_on = {kDelegationAddress};
  return change;
}

}  // namespace

std::string PermissionSetAddress(const std::string& group) { return "permission_set." + group; }
std::string AssignmentAddress(const std::string& group) { return "assignment." + group; }

Error NoInstanceError(const std::string& admin_id, const std::string& region) {
  return MakeError("NotFound", "IAM Identity Center shows the admin account " + admin_id + " no instance in " +
                                   region + ": enable Identity Center for the organization, and set region in "
                                   "[identity.identity_center] to the region it was enabled in");
}

org::Change DelegationChange(const std::shared_ptr<const IdentityCenterInputs>& inputs) {
  org::Change change;
  change.action = org::ChangeAction::kCreate;
  change.type = "identity_center_delegated_admin";
  change.address = kDelegationAddress;
  change.account = inputs->admin;
  change.depends_on = {org::AccountAddress(inputs->admin)};
  change.fields.push_back({"service_principal", json(), kIdentityCenterPrincipal});
  change.apply = [inputs](org::ApplyContext& context) -> Status {
    auto admin_id = context.AccountId(inputs->admin);
    if (!admin_id.ok()) return admin_id.error();
    auto config = context.access().ConfigIn(inputs->management_id, inputs->organizations_region);
    if (!config.ok()) return config.error();
    aws::OrganizationsClient organizations(std::move(*config));
    return JournaledCall(context, "organizations:RegisterDelegatedAdministrator",
                         "account " + *admin_id + " for " + kIdentityCenterPrincipal,
                         [&] { return organizations.RegisterDelegatedAdministrator(*admin_id, kIdentityCenterPrincipal); },
                         "AccountAlreadyRegisteredException");
  };
  return change;
}

org::Change PermissionSetChange(const std::string& group, const LivePermissionSet* live, const json& policy,
                                const std::shared_ptr<const IdentityCenterInputs>& inputs) {
  org::Change change = BaseChange(live ? org::ChangeAction::kUpdate : org::ChangeAction::kCreate,
                                  "identity_center_permission_set", PermissionSetAddress(group), inputs->admin);
  change.depends_on.push_back("iam_role." + RoleLabel(inputs->admin, group));
  if (!live) change.fields.push_back({"name", json(), PermissionSetName(group)});
  if (!live || live->described.description != kPermissionSetDescription) {
    change.fields.push_back({"description", live ? json(live->described.description) : json(),
                             kPermissionSetDescription});
  }
  if (!live || live->described.session_duration != kPermissionSetSessionDuration) {
    change.fields.push_back({"session_duration", live ? json(live->described.session_duration) : json(),
                             kPermissionSetSessionDuration});
  }
  if (!live || !iam::SameAsLive(live->inline_policy, policy)) {
    json before = live ? iam::ParsePolicyText(live->inline_policy).value_or(json(live->inline_policy)) : json();
    change.fields.push_back({"inline_policy", before, policy});
  }
  change.apply = [inputs, group](org::ApplyContext& context) { return ConvergeSet(context, *inputs, group); };
  return change;
}

org::Change AssignmentChange(const std::string& group, const std::shared_ptr<const IdentityCenterInputs>& inputs) {
  org::Change change = BaseChange(org::ChangeAction::kCreate, "identity_center_assignment", AssignmentAddress(group),
                                  inputs->admin);
  change.depends_on.push_back(PermissionSetAddress(group));
  change.fields.push_back({"permission_set", json(), PermissionSetName(group)});
  change.fields.push_back({"group", json(), group});
  change.apply = [inputs, group](org::ApplyContext& context) { return EnsureAssignment(context, *inputs, group); };
  return change;
}

org::Change AssignmentRemoval(const std::string& group, const aws::AccountAssignment& assignment,
                              const std::shared_ptr<const IdentityCenterInputs>& inputs) {
  org::Change change = BaseChange(org::ChangeAction::kDelete, "identity_center_assignment",
                                  AssignmentAddress(group) + "/" + assignment.account_id + "/" +
                                      assignment.principal_type + "/" + assignment.principal_id,
                                  inputs->admin);
  change.fields.push_back({"account_id", assignment.account_id, json()});
  change.fields.push_back({"principal", assignment.principal_type + " " + assignment.principal_id, json()});
  change.apply = [inputs, assignment](org::ApplyContext& context) -> Status {
    auto session = OpenSession(context, *inputs);
    if (!session.ok()) return session.error();
    return JournaledCall(context, "sso:DeleteAccountAssignment",
                         assignment.permission_set_arn + " in " + assignment.account_id,
                         [&] { return session->sso->DeleteAccountAssignment(session->instance.instance_arn, assignment); },
                         "ResourceNotFoundException");
  };
  return change;
}

org::Change PermissionSetRemoval(const std::string& name, const std::shared_ptr<const IdentityCenterInputs>& inputs) {
  const std::string group = name.substr(PermissionSetName("").size());
  org::Change change = BaseChange(org::ChangeAction::kDelete, "identity_center_permission_set",
                                  PermissionSetAddress(group), inputs->admin);
  change.fields.push_back({"name", name, json()});
  change.apply = [inputs, name](org::ApplyContext& context) { return DeleteSet(context, *inputs, name); };
  return change;
}

}  // namespace foyer::roles
