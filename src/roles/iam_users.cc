#include "roles/iam_users.h"

#include "org/organization_family.h"
#include "iam/policy_comparison.h"
#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

using nlohmann::json;

const spec::IamUser* FindUser(const spec::Spec& spec, const std::string& name) {
  for (const spec::IamUser& user : spec.identity.iam_users) {
    if (user.name.value == name) return &user;
  }
  return nullptr;
}

org::Change UserChange(const std::string& admin, const std::string& name, org::ChangeAction action) {
  org::Change change;
  change.action = action;
  change.type = "iam_user";
  change.address = IamUserAddress(admin, name);
  change.account = admin;
  change.depends_on = {org::AccountAddress(admin)};
  return change;
}

// Creates (or adopts) the user, tags it and puts its policy.
org::Change ConvergeUser(const std::string& admin, const spec::IamUser& user, const LiveUser* live,
                         const json& policy, const std::shared_ptr<const ApplyInputs>& inputs) {
  bool create = live == nullptr;
  org::Change change =
      UserChange(admin, user.name.value, create ? org::ChangeAction::kCreate : org::ChangeAction::kUpdate);
  json before;
  if (!create) {
    auto found = live->inline_policies.find(std::string(kIamUserPolicyName));
    if (found != live->inline_policies.end()) before = iam::ParsePolicyText(found->second).value_or(json(found->second));
  }
  change.fields.push_back({"inline_policy." + std::string(kIamUserPolicyName), before, policy});
  std::string name = user.name.value;
  change.apply = [inputs, admin, name, create](org::ApplyContext& context) -> Status {
    auto real = RealIds(context, *inputs);
    if (!real.ok()) return real.error();
    json document = IamUserPolicy(real->admin, name, FindUser(inputs->spec, name)->groups.Values());
    auto iam = IamIn(context, *inputs, admin);
    if (!iam.ok()) return iam.error();
    const std::string target = "user " + admin + "/" + name;
    aws::TagList tags = {{kManagedTagKey, kManagedTagValue}};
    if (create) {
      FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:CreateUser", target, [&]() -> Status {
        auto created = iam->CreateUser({name, "", "", tags});
        if (!created.ok()) return created.error();
        return OkStatus();
      }, "EntityAlreadyExists"));
      FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:TagUser", target, [&] { return iam->TagUser(name, tags); }));
    }
    return JournaledCall(context, "iam:PutUserPolicy", target, [&] {
      return iam->PutUserPolicy(name, {std::string(kIamUserPolicyName), document.dump()});
    });
  };
  return change;
}

// What blocks DeleteUser: inline policies and MFA devices (keys are gone).
Status DeleteUserAndContents(org::ApplyContext& context, aws::IamClient& iam, const std::string& target,
                             const std::string& name) {
  auto policies = iam.ListUserPolicies(name);
  if (!policies.ok()) return policies.error();
  for (const std::string& policy : *policies) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:DeleteUserPolicy", target + " " + policy,
                                        [&] { return iam.DeleteUserPolicy(name, policy); }, "NoSuchEntity"));
  }
  auto devices = iam.ListMfaDevices(name);
  if (!devices.ok()) return devices.error();
  for (const aws::MfaDevice& device : *devices) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:DeactivateMFADevice", target + " " + device.serial_number,
                                        [&] { return iam.DeactivateMfaDevice(name, device.serial_number); },
                                        "NoSuchEntity"));
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:DeleteVirtualMFADevice", device.serial_number,
                                        [&] { return iam.DeleteVirtualMfaDevice(device.serial_number); },
                                        "NoSuchEntity"));
  }
  return JournaledCall(context, "iam:DeleteUser", target, [&] { return iam.DeleteUser(name); }, "NoSuchEntity");
}

// A user the spec dropped: its active keys deactivated, or with
// `remove` (--allow-delete) its keys and then the user deleted.
org::Change RetireUser(const std::string& admin, const std::string& name, bool remove,
                       const std::vector<std::string>& active_keys,
                       const std::shared_ptr<const ApplyInputs>& inputs) {
  org::Change change = UserChange(admin, name, remove ? org::ChangeAction::kDelete : org::ChangeAction::kUpdate);
  change.fields.push_back({"active_access_keys", active_keys, json::array()});
  change.apply = [inputs, admin, name, remove](org::ApplyContext& context) -> Status {
    auto iam = IamIn(context, *inputs, admin);
    if (!iam.ok()) return iam.error();
    const std::string target = "user " + admin + "/" + name;
    auto keys = iam->ListAccessKeys(name);
    if (!keys.ok() && keys.error().code == "NoSuchEntity") return OkStatus();
    if (!keys.ok()) return keys.error();
    for (const aws::AccessKey& key : *keys) {
      const std::string key_target = target + " " + key.access_key_id;
      if (remove) {
        FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:DeleteAccessKey", key_target,
                                            [&] { return iam->DeleteAccessKey(name, key.access_key_id); }, "NoSuchEntity"));
      } else if (key.status == "Active") {
        FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:UpdateAccessKey", key_target,
                                            [&] { return iam->UpdateAccessKey(name, key.access_key_id, "Inactive"); }));
      }
    }
    if (!remove) return OkStatus();
    return DeleteUserAndContents(context, *iam, target, name);
  };
  return change;
}

Status AddRetirements(aws::IamClient& iam, const LiveAccountIam& live, bool allow_delete,
                      const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  const std::string admin = inputs->spec.accounts.admin.value;
  for (const auto& [name, user] : live.users) {
    if (FindUser(inputs->spec, name) != nullptr) continue;
    auto keys = iam.ListAccessKeys(name);
    if (!keys.ok()) return keys.error();
    std::vector<std::string> active;
    for (const aws::AccessKey& key : *keys) {
      if (key.status == "Active") active.push_back(key.access_key_id);
    }
    if (allow_delete) {
      plan.changes.push_back(RetireUser(admin, name, true, active, inputs));
      continue;
    }
    if (!active.empty()) plan.changes.push_back(RetireUser(admin, name, false, active, inputs));
    plan.notes.push_back("IAM user " + name + " in " + admin +
                         " is no longer in [identity.iam_users]; its access keys are deactivated; "
                         "pass --allow-delete to delete it");
  }
  return OkStatus();
}

}  // namespace

std::string IamUserAddress(const std::string& admin_account, const std::string& user) {
  return "iam_user." + admin_account + "/" + user;
}

Status AddIamUserChanges(aws::IamClient* iam, const LiveAccountIam& live, const DocumentIds& ids,
                         bool allow_delete, const std::shared_ptr<const ApplyInputs>& inputs,
                         org::Plan& plan) {
  const std::string admin = inputs->spec.accounts.admin.value;
  for (const spec::IamUser& user : inputs->spec.identity.iam_users) {
    json policy = IamUserPolicy(ids.admin, user.name.value, user.groups.Values());
    auto found = live.users.find(user.name.value);
    const LiveUser* live_user = found == live.users.end() ? nullptr : &found->second;
    if (live_user != nullptr) {
      auto current = live_user->inline_policies.find(std::string(kIamUserPolicyName));
      if (current != live_user->inline_policies.end() && iam::SameAsLive(current->second, policy)) continue;
    }
    plan.changes.push_back(ConvergeUser(admin, user, live_user, policy, inputs));
  }
  if (iam == nullptr) return OkStatus();
  return AddRetirements(*iam, live, allow_delete, inputs, plan);
}

}  // namespace foyer::roles
