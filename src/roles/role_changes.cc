#include "roles/role_changes.h"

#include <algorithm>

#include "org/organization_family.h"
#include "iam/policy_comparison.h"

namespace foyer::roles {
namespace {

using nlohmann::json;

constexpr char kRoleType[] = "iam_role";
constexpr char kOrganizationAddress[] = "organization";

std::string RoleAddress(const std::string& account, const std::string& role) {
  return std::string(kRoleType) + "." + RoleLabel(account, role);
}

// Live inline text as JSON for the plan, or the raw text when unreadable.
json LiveDocument(const std::string& text) {
  std::optional<json> parsed = iam::ParsePolicyText(text);
  return parsed ? *parsed : json(text);
}

bool RevocationStillNeeded(const std::string& text, SystemTime now) {
  std::optional<json> parsed = iam::ParsePolicyText(text);
  if (!parsed) return false;
  std::optional<SystemTime> cutoff = RevocationCutoff(*parsed);
  return cutoff.has_value() && now < *cutoff + kRevocationKeptFor;
}

void DiffInlinePolicies(const DesiredRole& desired, const LiveRole& live, SystemTime now,
                        RoleDiff& diff) {
  for (const auto& [name, document] : desired.inline_policies) {
    auto found = live.inline_policies.find(name);
    if (found != live.inline_policies.end() && iam::SameAsLive(found->second, document)) continue;
    diff.put_inline.push_back(name);
    diff.fields.push_back({"inline_policy." + name,
                           found == live.inline_policies.end() ? json() : LiveDocument(found->second),
                           document});
  }
  for (const auto& [name, text] : live.inline_policies) {
    if (desired.inline_policies.count(name) != 0) continue;
    if (desired.landing && name == kRevocationPolicyName && RevocationStillNeeded(text, now)) continue;
    diff.delete_inline.push_back(name);
    diff.fields.push_back({"inline_policy." + name, LiveDocument(text), json()});
  }
}

void DiffManagedPolicies(const DesiredRole& desired, const LiveRole& live, RoleDiff& diff) {
  for (const std::string& arn : desired.managed_policies) {
    if (!std::binary_search(live.managed_policies.begin(), live.managed_policies.end(), arn)) {
      diff.attach.push_back(arn);
    }
  }
  for (const std::string& arn : live.managed_policies) {
    if (!std::binary_search(desired.managed_policies.begin(), desired.managed_policies.end(), arn)) {
      diff.detach.push_back(arn);
    }
  }
  if (!diff.attach.empty() || !diff.detach.empty()) {
    diff.fields.push_back({"managed_policies", live.managed_policies, desired.managed_policies});
  }
}

RoleDiff CreationDiff(const DesiredRole& desired) {
  RoleDiff diff;
  diff.create = true;
  diff.fields.push_back({"trust_policy", json(), desired.trust_policy});
  diff.fields.push_back({"max_session_duration", json(), desired.max_session_seconds});
  if (!desired.managed_policies.empty()) {
    diff.fields.push_back({"managed_policies", json(), desired.managed_policies});
  }
  diff.attach = desired.managed_policies;
  for (const auto& [name, document] : desired.inline_policies) {
    diff.put_inline.push_back(name);
    diff.fields.push_back({"inline_policy." + name, json(), document});
  }
  return diff;
}

aws::TagList DesiredTags(const DesiredRole& role) {
  return {{kManagedTagKey, kManagedTagValue}, {kMaxSessionTagKey, std::to_string(role.max_session_seconds)}};
}

Status CreateOrAdopt(org::ApplyContext& context, aws::IamClient& iam, const std::string& label,
                     const DesiredRole& role) {
  aws::CreateRoleRequest request;
  request.role_name = role.name;
  request.path = std::string(kRolePath);
  request.assume_role_policy_document = role.trust_policy.dump();
  request.max_session_duration = role.max_session_seconds;
  request.description = role.landing ? "foyer landing role of group " + role.name
                                     : "foyer target role " + role.name;
  request.tags = DesiredTags(role);
  bool existed = false;
  FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:CreateRole", "role " + label, [&]() -> Status {
    auto created = iam.CreateRole(request);
    if (!created.ok() && created.error().code == "EntityAlreadyExists") existed = true;
    if (!created.ok()) return created.error();
    return OkStatus();
  }, "EntityAlreadyExists"));
  if (!existed) return OkStatus();
  // A rerun after a crash: make the role what it would have been.
  FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:UpdateAssumeRolePolicy", "role " + label,
                                      [&] { return iam.UpdateAssumeRolePolicy(role.name, role.trust_policy.dump()); }));
  FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:UpdateRole", "role " + label, [&] {
    return iam.UpdateRole({role.name, std::nullopt, role.max_session_seconds});
  }));
  return JournaledCall(context, "iam:TagRole", "role " + label, [&] { return iam.TagRole(role.name, DesiredTags(role)); });
}

Status ApplyDiff(org::ApplyContext& context, aws::IamClient& iam, const std::string& label,
                 const DesiredRole& role, const RoleDiff& diff) {
  const std::string target = "role " + label;
  if (diff.create) FOYER_RETURN_IF_ERROR(CreateOrAdopt(context, iam, label, role));
  if (diff.trust) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:UpdateAssumeRolePolicy", target,
                                        [&] { return iam.UpdateAssumeRolePolicy(role.name, role.trust_policy.dump()); }));
  }
  if (diff.max_session) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:UpdateRole", target, [&] {
      return iam.UpdateRole({role.name, std::nullopt, role.max_session_seconds});
    }));
  }
  if (diff.tags) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:TagRole", target, [&] { return iam.TagRole(role.name, DesiredTags(role)); }));
  }
  for (const std::string& arn : diff.attach) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:AttachRolePolicy", target + " " + arn,
                                        [&] { return iam.AttachRolePolicy(role.name, arn); }));
  }
  for (const std::string& arn : diff.detach) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:DetachRolePolicy", target + " " + arn,
                                        [&] { return iam.DetachRolePolicy(role.name, arn); }, "NoSuchEntity"));
  }
  for (const std::string& name : diff.put_inline) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:PutRolePolicy", target + " " + name, [&] {
      return iam.PutRolePolicy(role.name, {name, role.inline_policies.at(name).dump()});
    }));
  }
  for (const std::string& name : diff.delete_inline) {
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:DeleteRolePolicy", target + " " + name,
                                        [&] { return iam.DeleteRolePolicy(role.name, name); }, "NoSuchEntity"));
  }
  return OkStatus();
}

}  // namespace

RoleDiff DiffRole(const DesiredRole& desired, const LiveRole* live, SystemTime now) {
  if (live == nullptr) return CreationDiff(desired);
  RoleDiff diff;
  if (!iam::SameAsLive(live->trust_policy, desired.trust_policy)) {
    diff.trust = true;
    diff.fields.push_back({"trust_policy", LiveDocument(live->trust_policy), desired.trust_policy});
  }
  if (live->max_session_seconds != desired.max_session_seconds) {
    diff.max_session = true;
    diff.fields.push_back({"max_session_duration",
                           live->max_session_seconds ? json(*live->max_session_seconds) : json(),
                           desired.max_session_seconds});
  }
  std::string max_session = std::to_string(desired.max_session_seconds);
  if (TagValue(live->tags, kManagedTagKey) != kManagedTagValue ||
      TagValue(live->tags, kMaxSessionTagKey) != max_session) {
    diff.tags = true;
    json before = json::object();
    for (const char* key : {kManagedTagKey, kMaxSessionTagKey}) {
      if (auto value = TagValue(live->tags, key)) before[key] = *value;
    }
    diff.fields.push_back({"tags", before, {{kManagedTagKey, kManagedTagValue}, {kMaxSessionTagKey, max_session}}});
  }
  DiffManagedPolicies(desired, *live, diff);
  DiffInlinePolicies(desired, *live, now, diff);
  return diff;
}

org::Change RoleChange(const std::string& account, const DesiredRole& desired, const RoleDiff& diff,
                       const std::shared_ptr<const ApplyInputs>& inputs) {
  org::Change change;
  change.action = diff.create ? org::ChangeAction::kCreate : org::ChangeAction::kUpdate;
  change.type = kRoleType;
  change.address = RoleAddress(account, desired.name);
  change.account = account;
  change.fields = diff.fields;
  change.depends_on = {org::AccountAddress(account)};
  if (desired.landing) change.depends_on.push_back(kOrganizationAddress);
  // IAM refuses a trust policy naming a role that does not exist yet.
  for (const std::string& group : desired.trusted_groups) {
    change.depends_on.push_back(RoleAddress(inputs->spec.accounts.admin.value, group));
  }
  std::string role_name = desired.name;
  change.apply = [inputs, account, role_name, diff](org::ApplyContext& context) -> Status {
    auto ids = RealIds(context, *inputs);
    if (!ids.ok()) return ids.error();
    std::vector<AccountRoles> desired_now = DesiredRoles(inputs->spec, inputs->accounts, *ids);
    const DesiredRole* role = FindDesiredRole(desired_now, account, role_name);
    if (role == nullptr) {
      return MakeError("InternalError", "role " + RoleLabel(account, role_name) + " is no longer planned");
    }
    auto iam = IamIn(context, *inputs, account);
    if (!iam.ok()) return iam.error();
    return ApplyDiff(context, *iam, RoleLabel(account, role_name), *role, diff);
  };
  return change;
}

org::Change RoleDeletion(const std::string& account, const LiveRole& live,
                         const std::shared_ptr<const ApplyInputs>& inputs) {
  org::Change change;
  change.action = org::ChangeAction::kDelete;
  change.type = kRoleType;
  change.address = RoleAddress(account, live.name);
  change.account = account;
  change.fields.push_back({"trust_policy", LiveDocument(live.trust_policy), json()});
  change.depends_on = {org::AccountAddress(account)};
  std::string role_name = live.name;
  change.apply = [inputs, account, role_name](org::ApplyContext& context) -> Status {
    auto iam = IamIn(context, *inputs, account);
    if (!iam.ok()) return iam.error();
    const std::string target = "role " + RoleLabel(account, role_name);
    // Read again: what is attached now is what blocks the deletion.
    auto attached = iam->ListAttachedRolePolicies(role_name);
    if (!attached.ok() && attached.error().code == "NoSuchEntity") return OkStatus();
    if (!attached.ok()) return attached.error();
    for (const aws::AttachedPolicy& policy : *attached) {
      FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:DetachRolePolicy", target + " " + policy.policy_arn,
                                          [&] { return iam->DetachRolePolicy(role_name, policy.policy_arn); }, "NoSuchEntity"));
    }
    auto inline_names = iam->ListRolePolicies(role_name);
    if (!inline_names.ok()) return inline_names.error();
    for (const std::string& name : *inline_names) {
      FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:DeleteRolePolicy", target + " " + name,
                                          [&] { return iam->DeleteRolePolicy(role_name, name); }, "NoSuchEntity"));
    }
    return JournaledCall(context, "iam:DeleteRole", target, [&] { return iam->DeleteRole(role_name); }, "NoSuchEntity");
  };
  return change;
}

}  // namespace foyer::roles
