// The guardrail SCPs, proven by their effect: for every member account the
// policy engine is asked whether the SCPs above it deny what each guardrail
// must deny. Names do not matter; a guardrail detached for break-glass and
// never put back does.
#include <string>

#include "audit/rules.h"
#include "audit/scp_probe.h"
#include "org/storage_naming.h"

namespace foyer::audit {
namespace {

using access_graph::SnapshotAccount;

struct Guardrail {
  const char* name;  // the [guardrails] key of foyer.toml
  const char* action;
  bool admin_exempt;  // the admin account is where IAM users belong
};

constexpr Guardrail kGuardrails[] = {
    {"deny_leave_organization", "organizations:LeaveOrganization", false},
    {"deny_iam_users_outside_admin", "iam:CreateUser", true},
    {"deny_root_user", "s3:ListAllMyBuckets", false},
    {"protect_audit_trail", "cloudtrail:StopLogging", false},
};

// Who would do it and to what, in `account`.
std::pair<std::string, std::string> Probe(const AuditContext& context, const Guardrail& guardrail,
                                          const SnapshotAccount& account) {
  std::string iam = "arn:aws:iam::" + account.id + ":";
  std::string role = iam + "role/foyer/Administrator";
  std::string name = guardrail.name;
  if (name == "deny_root_user") return {iam + "root", "*"};
  if (name == "deny_iam_users_outside_admin") return {role, iam + "user/probe"};
  if (name == "protect_audit_trail") {
    return {role, "arn:aws:cloudtrail:us-east-1:" + context.snapshot.management_account + ":trail/" +
                      std::string(org::kOrganizationTrailName)};
  }
  return {role, "*"};
}

constexpr size_t kEvidenceLines = 20;

void AddEvidence(std::vector<std::string>& evidence, size_t& omitted, std::string line) {
  if (evidence.size() < kEvidenceLines) evidence.push_back(std::move(line));
  else ++omitted;
}

std::string Named(const SnapshotAccount& account) {
  return account.id + (account.name.empty() ? "" : " (" + account.name + ")");
}

void CheckGuardrail(const AuditContext& context, const Guardrail& guardrail, std::vector<Finding>& findings) {
  std::vector<std::string> evidence;
  size_t omitted = 0;
  for (const SnapshotAccount& account : context.snapshot.accounts) {
    if (account.id == context.snapshot.management_account) continue;
    if (guardrail.admin_exempt && context.admin != nullptr && account.id == context.admin->id) continue;
    auto [principal, resource] = Probe(context, guardrail, account);
    if (ScpsDeny(context.snapshot, account, principal, guardrail.action, resource)) continue;
    AddEvidence(evidence, omitted, "in " + Named(account) + " the SCPs allow " + guardrail.action + " by " + principal);
  }
  if (evidence.empty()) return;
  if (omitted > 0) evidence.push_back("and " + std::to_string(omitted) + " more accounts");
  findings.push_back({std::string("guardrail-missing-") + guardrail.name, Severity::kHigh, "", guardrail.name,
                      std::string("guardrail ") + guardrail.name + " does not bind every member account",
                      evidence, "run foyer apply to attach it again (a break-glass detach must not be forgotten)"});
}

void CheckBootstrapRoles(const AuditContext& context, std::vector<Finding>& findings) {
  for (const SnapshotAccount& account : context.snapshot.accounts) {
    if (account.id == context.snapshot.management_account) continue;
    for (const access_graph::SnapshotRole& role : account.roles) {
      if (!role.arn.ends_with(":role/OrganizationAccountAccessRole")) continue;
      if (IsNeutered(context.snapshot, account, role.arn)) continue;
      findings.push_back({"S2-organization-account-access-role-usable", Severity::kHigh, account.id, role.arn,
                          "OrganizationAccountAccessRole in " + Named(account) + " still works: anyone in the "
                          "management account can take over this account through it",
                          {"no SCP above " + account.id + " denies iam:CreateRole and sts:AssumeRole to " + role.arn},
                          "enable the neuter_organization_account_access_role guardrail and run foyer apply"});
    }
  }
}

}  // namespace

void CheckGuardrails(const AuditContext& context, std::vector<Finding>& findings) {
  if (!context.snapshot.has_scps) {
    findings.push_back({"guardrails-absent", Severity::kHigh, "", context.snapshot.organization_id,
                        "the organization has no service control policies, so no guardrail binds any account",
                        {"the snapshot holds no SCPs (SCPs disabled, or not readable)"},
                        "run foyer apply, which enables SCPs and attaches the guardrails"});
  } else {
    for (const Guardrail& guardrail : kGuardrails) CheckGuardrail(context, guardrail, findings);
  }
  CheckBootstrapRoles(context, findings);
}

}  // namespace foyer::audit
