// S8: trust policies name exact principals. And the landing roles' trust:
// source identity settable, MFA required of IAM users.
#include <algorithm>
#include <string>

#include "audit/rules.h"
#include "audit/statements.h"

namespace foyer::audit {
namespace {

using access_graph::SnapshotAccount;
using access_graph::SnapshotRole;

// Condition keys that pin who the caller is, so that "*" is not everyone.
bool PinsThePrincipal(const iam::Statement& statement) {
  for (const char* key : {"aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths"}) {
    if (HasConditionKey(statement, key)) return true;
  }
  return false;
}

bool AdmitsAssumeRole(const iam::Statement& statement) {
  return statement.principal_kind == iam::PrincipalKind::kPrincipal &&
         (AllowsAction(statement, "sts:assumerole") || AllowsAction(statement, "sts:assumerolewithwebidentity") ||
          AllowsAction(statement, "sts:assumerolewithsaml"));
}

// OrganizationAccountAccessRole trusts the management account as AWS made
// it; whether it is still usable is the guardrail rule's business.
bool IsBootstrapTrust(const AuditContext& context, const SnapshotRole& role, const std::string& account) {
  return RoleName(role.arn) == "OrganizationAccountAccessRole" && account == context.snapshot.management_account;
}

void CheckStatement(const AuditContext& context, const SnapshotAccount& owner, const SnapshotRole& role, size_t index,
                    std::vector<Finding>& findings) {
  const iam::Statement& statement = role.trust_policy.statements[index];
  std::string evidence = DescribeStatement(role.trust_policy, index);
  bool everyone = statement.principals.everyone ||
                  std::find(statement.principals.aws.begin(), statement.principals.aws.end(), "*") !=
                      statement.principals.aws.end();
  if (everyone && !PinsThePrincipal(statement)) {
    findings.push_back({"S8-trust-everyone", Severity::kHigh, owner.id, role.arn,
                        "role " + role.arn + " trusts every AWS principal", {evidence},
                        "name the exact landing-role ARNs allowed in the trust policy"});
  }
  for (const std::string& principal : statement.principals.aws) {
    std::string account = AccountOfPrincipal(principal);
    if (account.empty() || IsBootstrapTrust(context, role, account)) continue;
    if (IsWholeAccount(principal) && statement.conditions.empty()) {
      findings.push_back({"S8-trust-whole-account", Severity::kHigh, owner.id, role.arn,
                          "role " + role.arn + " trusts all of account " + account + " without a condition",
                          {evidence}, "name the exact role ARNs of " + account + " that may assume it"});
    }
    if (context.snapshot.FindAccount(account) == nullptr && !HasConditionKey(statement, "sts:externalid")) {
      findings.push_back({"S8-third-party-without-external-id", Severity::kHigh, owner.id, role.arn,
                          "role " + role.arn + " trusts " + principal + ", outside the organization, without an "
                          "ExternalId (the confused deputy problem)",
                          {evidence}, "add a StringEquals sts:ExternalId condition with the third party's id for you"});
    }
  }
}

bool IsLandingRole(const SnapshotRole& role) {
  if (!IsFoyerRole(role.arn)) return false;
  return std::any_of(role.trust_policy.statements.begin(), role.trust_policy.statements.end(),
                     [](const iam::Statement& statement) {
                       if (!statement.principals.federated.empty()) return true;
                       return std::any_of(statement.principals.aws.begin(), statement.principals.aws.end(),
                                          [](const std::string& principal) {
                                            return principal.find(":user/") != std::string::npos ||
                                                   principal.find("AWSReservedSSO_") != std::string::npos;
                                          });
                     });
}

void CheckLandingRole(const SnapshotAccount& admin, const SnapshotRole& role, std::vector<Finding>& findings) {
  const std::vector<iam::Statement>& statements = role.trust_policy.statements;
  bool source_identity = std::any_of(statements.begin(), statements.end(), [](const iam::Statement& statement) {
    return statement.principal_kind == iam::PrincipalKind::kPrincipal &&
           AllowsAction(statement, "sts:setsourceidentity");
  });
  if (!source_identity) {
    findings.push_back({"S6-landing-without-source-identity", Severity::kMedium, admin.id, role.arn,
                        "landing role " + role.arn + " does not allow sts:SetSourceIdentity, so CloudTrail cannot "
                        "say which person used it",
                        {role.trust_policy.name + " has no statement allowing sts:SetSourceIdentity"},
                        "run foyer apply, which allows sts:SetSourceIdentity next to every entry method"});
  }
  for (size_t i = 0; i < statements.size(); ++i) {
    bool admits_user = std::any_of(statements[i].principals.aws.begin(), statements[i].principals.aws.end(),
                                   [](const std::string& p) { return p.find(":user/") != std::string::npos; });
    if (!admits_user || statements[i].effect != iam::Effect::kAllow ||
        HasConditionKey(statements[i], "aws:multifactorauthpresent")) {
      continue;
    }
    findings.push_back({"S7-landing-without-mfa", Severity::kHigh, admin.id, role.arn,
                        "landing role " + role.arn + " admits IAM users without MFA",
                        {DescribeStatement(role.trust_policy, i)},
                        "require Bool aws:MultiFactorAuthPresent = true (foyer apply writes it)"});
  }
}

}  // namespace

void CheckTrusts(const AuditContext& context, std::vector<Finding>& findings) {
  for (const SnapshotAccount& account : context.snapshot.accounts) {
    for (const SnapshotRole& role : account.roles) {
      for (size_t i = 0; i < role.trust_policy.statements.size(); ++i) {
        const iam::Statement& statement = role.trust_policy.statements[i];
        if (statement.effect == iam::Effect::kAllow && AdmitsAssumeRole(statement)) {
          CheckStatement(context, account, role, i, findings);
        }
      }
      if (context.admin != nullptr && account.id == context.admin->id && IsLandingRole(role)) {
        CheckLandingRole(account, role, findings);
      }
    }
  }
}

}  // namespace foyer::audit
