#include "audit/statements.h"

#include <algorithm>

#include "access_graph/relaxed_policy.h"
#include "base/account_id.h"
#include "iam/wildcard.h"

namespace foyer::audit {
namespace {

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

std::string DescribePrincipals(const iam::Statement& statement) {
  if (statement.principal_kind == iam::PrincipalKind::kNone) return "";
  std::string out = statement.principal_kind == iam::PrincipalKind::kNotPrincipal ? " to all but" : " to";
  if (statement.principals.everyone) return out + " *";
  if (!statement.principals.aws.empty()) out += " AWS " + Join(statement.principals.aws);
  if (!statement.principals.service.empty()) out += " Service " + Join(statement.principals.service);
  if (!statement.principals.federated.empty()) out += " Federated " + Join(statement.principals.federated);
  return out;
}

}  // namespace

std::string DescribeStatement(const iam::Policy& policy, size_t index) {
  const iam::Statement& statement = policy.statements[index];
  std::string out = policy.name + " statement " + std::to_string(index);
  if (!statement.sid.empty()) out += " (" + statement.sid + ")";
  out += statement.effect == iam::Effect::kAllow ? ": Allow " : ": Deny ";
  out += (statement.not_action ? "all but " : "") + Join(statement.actions);
  out += DescribePrincipals(statement);
  if (statement.conditions.empty()) return out + ", without condition";
  std::string separator = " if ";
  for (const iam::ConditionClause& clause : statement.conditions) {
    out += separator + access_graph::OperatorName(clause) + " " + clause.key + " = " + Join(clause.values);
    separator = " and ";
  }
  return out;
}

bool HasConditionKey(const iam::Statement& statement, std::string_view key) {
  return std::any_of(statement.conditions.begin(), statement.conditions.end(),
                     [key](const iam::ConditionClause& clause) { return clause.key == key; });
}

bool AllowsAction(const iam::Statement& statement, std::string_view action) {
  if (statement.effect != iam::Effect::kAllow) return false;
  bool listed = std::any_of(statement.actions.begin(), statement.actions.end(), [action](const std::string& pattern) {
    return iam::WildcardMatch(pattern, action, {.ignore_case = true});
  });
  return listed != statement.not_action;
}

std::string AccountOfPrincipal(std::string_view principal) {
  if (IsAccountId(principal)) return std::string(principal);
  constexpr std::string_view kIam = ":iam::";
  size_t at = principal.find(kIam);
  if (!principal.starts_with("arn:") || at == std::string_view::npos) return "";
  std::string_view account = principal.substr(at + kIam.size(), 12);
  return IsAccountId(account) ? std::string(account) : "";
}

bool IsWholeAccount(std::string_view principal) {
  return IsAccountId(principal) || (principal.starts_with("arn:") && principal.ends_with(":root"));
}

std::string_view RoleName(std::string_view arn) {
  size_t slash = arn.rfind('/');
  return slash == std::string_view::npos ? arn : arn.substr(slash + 1);
}

bool IsFoyerRole(std::string_view arn) { return arn.find(":role/foyer/") != std::string_view::npos; }

}  // namespace foyer::audit
