#include "org/guardrail_family.h"

#include <algorithm>
#include <map>
#include <set>

#include "aws/iam.h"
#include "aws/organizations.h"
#include "org/audit_trail_family.h"
#include "org/guardrail_policies.h"
#include "iam/policy_comparison.h"
#include "org/organization_family.h"
#include "org/role_placement.h"
#include "org/storage_naming.h"

namespace foyer::org {
namespace {

using nlohmann::json;

constexpr char kScpType[] = "SERVICE_CONTROL_POLICY";
constexpr char kRootTarget[] = "root";
constexpr char kIamUsersKey[] = "deny-iam-users-outside-admin";

// A foyer SCP as it is live.
struct LiveScp {
  std::string id;
  std::string content;
  // Where it is attached, by target name ("root" or an account name).
  std::set<std::string> targets;
};

// What every apply of this family needs, captured by value.
struct ScpScope {
  std::string management_id;
  std::string region;
  std::string partition;
  std::string root_id;  // empty while the organization does not exist
  std::string admin_name;
  std::string audit_name;  // empty without an audit account
};

Result<aws::OrganizationsClient> Organizations(AccountAccess& access, const ScpScope& scope) {
  auto config = access.ConfigIn(scope.management_id, scope.region);
  if (!config.ok()) return config.error();
  return aws::OrganizationsClient(std::move(*config));
}

std::string TargetName(const PlanContext& context, const std::string& target_id) {
  if (target_id == context.live.root_id) return kRootTarget;
  for (const auto& [name, id] : context.account_ids) {
    if (id == target_id) return name;
  }
  return target_id;
}

// Every SCP named foyer-*, with its content and targets: one list call,
// then two calls per foyer SCP.
Result<std::map<std::string, LiveScp>> ReadFoyerScps(const PlanContext& context, aws::OrganizationsClient& orgs) {
  std::map<std::string, LiveScp> found;
  auto policies = orgs.ListPolicies(kScpType);
  if (!policies.ok()) return policies.error();
  for (const aws::OrgPolicySummary& summary : *policies) {
    if (summary.aws_managed || summary.name.rfind("foyer-", 0) != 0) continue;
    auto policy = orgs.DescribePolicy(summary.id);
    if (!policy.ok()) return policy.error();
    auto targets = orgs.ListTargetsForPolicy(summary.id);
    if (!targets.ok()) return targets.error();
    LiveScp live{summary.id, policy->content, {}};
    for (const aws::PolicyTarget& target : *targets) live.targets.insert(TargetName(context, target.target_id));
    found[summary.name] = std::move(live);
  }
  return found;
}

std::string PlaceholderId(const std::string& account_name) { return "<id of account " + account_name + ">"; }

GuardrailTargets TargetsWhilePlanning(const PlanContext& context, const ScpScope& scope) {
  GuardrailTargets targets{scope.partition, scope.management_id, "", ""};
  targets.admin_account_id = context.LiveAccountId(scope.admin_name).value_or(PlaceholderId(scope.admin_name));
  if (!scope.audit_name.empty()) {
    targets.audit_bucket =
        AuditBucketName(context.LiveAccountId(scope.audit_name).value_or(PlaceholderId(scope.audit_name)));
  }
  return targets;
}

Result<GuardrailTargets> TargetsWhileApplying(ApplyContext& context, const ScpScope& scope,
                                              const std::string& key) {
  GuardrailTargets targets{scope.partition, scope.management_id, "", ""};
  if (key == kIamUsersKey) {
    auto admin = context.AccountId(scope.admin_name);
    if (!admin.ok()) return admin.error();
    targets.admin_account_id = *admin;
  }
  if (key == kProtectAuditTrailKey) {
    auto audit = context.AccountId(scope.audit_name);
    if (!audit.ok()) return audit.error();
    targets.audit_bucket = AuditBucketName(*audit);
  }
  return targets;
}

Result<std::string> TargetId(ApplyContext& context, aws::OrganizationsClient& orgs, const ScpScope& scope,
                             const std::string& target) {
  if (target != kRootTarget) return context.AccountId(target);
  if (!scope.root_id.empty()) return scope.root_id;
  auto roots = orgs.ListRoots();
  if (!roots.ok()) return roots.error();
  if (roots->empty()) return MakeError("UnexpectedOrganization", "the organization has no root");
  return roots->front().id;
}

// Finds the SCP by name (a rerun after a crash finds the one it made),
// creates it when missing, rewrites its content when it differs.
Result<std::string> ConvergeScp(ApplyContext& context, aws::OrganizationsClient& orgs, const Guardrail& guardrail,
                                const json& document) {
  const std::string name = GuardrailPolicyName(guardrail.key);
  auto policies = orgs.ListPolicies(kScpType);
  if (!policies.ok()) return policies.error();
  auto same_name = std::find_if(policies->begin(), policies->end(),
                                [&](const aws::OrgPolicySummary& summary) { return summary.name == name; });
  if (same_name == policies->end()) {
    return context.Journaled("organizations:CreatePolicy", "SCP " + name, [&]() -> Result<std::string> {
      auto created = orgs.CreatePolicy({name, guardrail.description, kScpType, document.dump(), {}});
      if (!created.ok()) return created.error();
      return created->summary.id;
    });
  }
  const std::string id = same_name->id;
  auto live = orgs.DescribePolicy(id);
  if (!live.ok()) return live.error();
  if (iam::SameAsLive(live->content, document)) return id;
  auto updated = context.Journaled("organizations:UpdatePolicy", "SCP " + name, [&]() -> Result<std::string> {
    auto done = orgs.UpdatePolicy({id, "", "", document.dump()});
    if (!done.ok()) return done.error();
    return id;
  });
  if (!updated.ok()) return updated.error();
  return id;
}

Status ApplyGuardrail(ApplyContext& context, const ScpScope& scope, const Guardrail& guardrail,
                      const std::vector<std::string>& attach_to) {
  auto orgs = Organizations(context.access(), scope);
  if (!orgs.ok()) return orgs.error();
  auto targets = TargetsWhileApplying(context, scope, guardrail.key);
  if (!targets.ok()) return targets.error();
  auto id = ConvergeScp(context, *orgs, guardrail, GuardrailDocument(guardrail.key, *targets));
  if (!id.ok()) return id.error();
  for (const std::string& target : attach_to) {
    auto target_id = TargetId(context, *orgs, scope, target);
    if (!target_id.ok()) return target_id.error();
    auto attached = context.Journaled(
        "organizations:AttachPolicy", GuardrailPolicyName(guardrail.key) + " to " + target,
        [&]() -> Result<std::string> {
          Status done = orgs->AttachPolicy(*id, *target_id);
          if (!done.ok() && done.error().code != "DuplicatePolicyAttachmentException") return done.error();
          return std::string();
        });
    if (!attached.ok()) return attached.error();
  }
  return OkStatus();
}

Status DeleteGuardrail(ApplyContext& context, const ScpScope& scope, const std::string& name,
                       const std::string& policy_id) {
  auto orgs = Organizations(context.access(), scope);
  if (!orgs.ok()) return orgs.error();
  auto targets = orgs->ListTargetsForPolicy(policy_id);
  if (!targets.ok()) return targets.error();
  for (const aws::PolicyTarget& target : *targets) {
    auto detached = context.Journaled("organizations:DetachPolicy", name + " from " + target.target_id,
                                      [&]() -> Result<std::string> {
                                        Status done = orgs->DetachPolicy(policy_id, target.target_id);
                                        if (!done.ok() && done.error().code != "PolicyNotAttachedException") {
                                          return done.error();
                                        }
                                        return std::string();
                                      });
    if (!detached.ok()) return detached.error();
  }
  auto deleted = context.Journaled("organizations:DeletePolicy", "SCP " + name, [&]() -> Result<std::string> {
    Status done = orgs->DeletePolicy(policy_id);
    if (!done.ok() && done.error().code != "PolicyNotFoundException") return done.error();
    return std::string();
  });
  return deleted.ok() ? OkStatus() : Status(deleted.error());
}

// Where a guardrail should be attached, and what that waits for.
struct Placement {
  std::vector<std::string> targets;
  std::vector<std::string> depends_on;
};

bool RoleExists(const PlanContext& context, const std::string& account_id, const std::string& role) {
  auto config = context.access.ConfigIn(account_id, context.DefaultRegion());
  if (!config.ok()) return false;
  aws::IamClient iam(std::move(*config));
  return iam.GetRole(role).ok();
}

// The accounts where foyer/Administrator exists or this plan creates it.
// An account where it is neither stays out, with a note: neutering
// OrganizationAccountAccessRole there would leave no way in.
Placement AccountsWithFoyerRoles(const PlanContext& context, const Plan& plan, const LiveScp* live,
                                 std::vector<std::string>& notes) {
  Placement placement;
  std::set<std::string> seen;
  for (const RolePlacement& role : PlaceRoles(context.spec, context.accounts)) {
    if (role.role != "Administrator" || role.account == kManagementAccountName) continue;
    if (!seen.insert(role.account).second) continue;
    if (live != nullptr && live->targets.count(role.account) > 0) {
      placement.targets.push_back(role.account);
      continue;
    }
    std::vector<std::string> role_changes;
    for (const Change& change : plan.changes) {
      if (change.type == "iam_role" && change.account == role.account) role_changes.push_back(change.address);
    }
    auto id = context.LiveAccountId(role.account);
    if (role_changes.empty() && !(id && RoleExists(context, *id, "Administrator"))) {
      notes.push_back("guardrail neuter-organization-account-access-role is not attached to account " +
                      role.account + " yet: foyer/Administrator does not exist there, and denying "
                      "OrganizationAccountAccessRole would leave no way in");
      continue;
    }
    placement.targets.push_back(role.account);
    placement.depends_on.push_back(AccountAddress(role.account));
    placement.depends_on.insert(placement.depends_on.end(), role_changes.begin(), role_changes.end());
  }
  return placement;
}

std::vector<std::string> Sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Change GuardrailChange(const ScpScope& scope, const Guardrail& guardrail, const json& document,
                       const LiveScp* live, const Placement& placement) {
  Change change;
  change.action = live == nullptr ? ChangeAction::kCreate : ChangeAction::kUpdate;
  change.type = "service_control_policy";
  change.address = GuardrailAddress(guardrail.key);
  change.depends_on = {"organization", "policy_type.SERVICE_CONTROL_POLICY"};
  change.depends_on.insert(change.depends_on.end(), placement.depends_on.begin(), placement.depends_on.end());
  std::optional<json> live_document = live ? iam::ParsePolicyText(live->content) : std::nullopt;
  if (live == nullptr || !iam::SameAsLive(live->content, document)) {
    change.fields.push_back({"content", live_document.value_or(json()), document});
  }
  std::vector<std::string> missing;
  for (const std::string& target : placement.targets) {
    if (live == nullptr || live->targets.count(target) == 0) missing.push_back(target);
  }
  if (!missing.empty()) {
    std::vector<std::string> before = live ? std::vector<std::string>(live->targets.begin(), live->targets.end())
                                           : std::vector<std::string>();
    std::vector<std::string> after = before;
    after.insert(after.end(), missing.begin(), missing.end());
    change.fields.push_back({"attached_to", live ? json(Sorted(before)) : json(), json(Sorted(after))});
  }
  change.apply = [scope, guardrail, missing](ApplyContext& context) {
    return ApplyGuardrail(context, scope, guardrail, missing);
  };
  return change;
}

Change DeleteChange(const ScpScope& scope, const std::string& key, const LiveScp& live) {
  const std::string name = GuardrailPolicyName(key);
  Change change;
  change.action = ChangeAction::kDelete;
  change.type = "service_control_policy";
  change.address = GuardrailAddress(key);
  change.fields = {{"content", iam::ParsePolicyText(live.content).value_or(json()), json()},
                   {"attached_to", json(std::vector<std::string>(live.targets.begin(), live.targets.end())), json()}};
  const std::string id = live.id;
  change.apply = [scope, name, id](ApplyContext& context) { return DeleteGuardrail(context, scope, name, id); };
  return change;
}

std::string TurnedOffNote(const std::string& key, const LiveScp& live) {
  std::string where;
  for (const std::string& target : live.targets) where += (where.empty() ? "" : ", ") + target;
  return "guardrail " + key + " is turned off in foyer.toml, but SCP " + GuardrailPolicyName(key) +
         " is still in place (attached to " + (where.empty() ? "nothing" : where) +
         "). Turning a guardrail off is a security decision: pass --allow-delete to detach and delete it.";
}

Placement PlacementOf(const PlanContext& context, const Plan& plan, const ScpScope& scope,
                      const Guardrail& guardrail, const LiveScp* live, std::vector<std::string>& notes) {
  if (guardrail.scope == GuardrailScope::kAccountsWithFoyerRoles) {
    return AccountsWithFoyerRoles(context, plan, live, notes);
  }
  Placement placement{{kRootTarget}, {}};
  if (guardrail.key == kIamUsersKey) placement.depends_on.push_back(AccountAddress(scope.admin_name));
  if (guardrail.key == kProtectAuditTrailKey) {
    // Protect the trail only once it and its bucket are in place: nothing
    // in a member account may change them after.
    placement.depends_on = {AccountAddress(scope.audit_name), AuditBucketAddress(scope.audit_name),
                            OrganizationTrailAddress()};
  }
  return placement;
}

}  // namespace

std::string GuardrailAddress(std::string_view key) {
  return "service_control_policy." + GuardrailPolicyName(key);
}

Status GuardrailFamily::AddChanges(const PlanContext& context, Plan& plan) {
  ScpScope scope{context.ManagementAccountId(), context.DefaultRegion(), context.partition, context.live.root_id,
                 context.spec.accounts.admin.value,
                 context.spec.accounts.audit ? context.spec.accounts.audit->value : ""};
  std::map<std::string, LiveScp> live;
  if (context.live.organization.has_value() && context.live.PolicyTypeEnabled(kScpType)) {
    auto orgs = Organizations(context.access, scope);
    if (!orgs.ok()) return orgs.error();
    auto read = ReadFoyerScps(context, *orgs);
    if (!read.ok()) return read.error();
    live = std::move(*read);
  }
  const GuardrailTargets targets = TargetsWhilePlanning(context, scope);
  for (const Guardrail& guardrail : AllGuardrails(context.spec.guardrails)) {
    auto found = live.find(GuardrailPolicyName(guardrail.key));
    const LiveScp* live_scp = found == live.end() ? nullptr : &found->second;
    if (!guardrail.enabled) {
      if (live_scp == nullptr) continue;
      if (context.allow_delete) {
        plan.changes.push_back(DeleteChange(scope, guardrail.key, *live_scp));
      } else {
        plan.notes.push_back(TurnedOffNote(guardrail.key, *live_scp));
      }
      continue;
    }
    if (guardrail.key == kProtectAuditTrailKey && scope.audit_name.empty()) {
      plan.notes.push_back("guardrail protect-audit-trail has nothing to protect: foyer.toml names no audit account");
      continue;
    }
    json document = GuardrailDocument(guardrail.key, targets);
    if (document.dump().size() > kMaxScpCharacters) {
      return MakeError("PolicyTooLarge", "SCP " + GuardrailPolicyName(guardrail.key) + " would be " +
                                             std::to_string(document.dump().size()) + " characters, over the " +
                                             std::to_string(kMaxScpCharacters) + " Organizations accepts");
    }
    Placement placement = PlacementOf(context, plan, scope, guardrail, live_scp, plan.notes);
    // Made only once there is somewhere to attach it.
    if (live_scp == nullptr && placement.targets.empty()) continue;
    Change change = GuardrailChange(scope, guardrail, document, live_scp, placement);
    if (!change.fields.empty()) plan.changes.push_back(std::move(change));
  }
  return OkStatus();
}

}  // namespace foyer::org
