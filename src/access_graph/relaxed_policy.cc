#include "access_graph/relaxed_policy.h"

#include <algorithm>
#include <array>

namespace foyer::access_graph {

bool IsPrincipalKey(std::string_view key) {
  // aws:PrincipalTag is absent on purpose: session tags can set it.
  static constexpr std::array<std::string_view, 7> kKeys = {
      "aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths",
      "aws:principaltype", "aws:principalisawsservice", "aws:username"};
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

RelaxedPolicy Relax(const iam::Policy& policy) {
  RelaxedPolicy relaxed{policy, {}};
  relaxed.removed.resize(policy.statements.size());
  for (size_t i = 0; i < policy.statements.size(); ++i) {
    iam::Statement& statement = relaxed.policy.statements[i];
    std::vector<iam::ConditionClause> kept;
    for (iam::ConditionClause& clause : statement.conditions) {
      (IsPrincipalKey(clause.key) ? kept : relaxed.removed[i]).push_back(std::move(clause));
    }
    statement.conditions = std::move(kept);
    if (statement.effect == iam::Effect::kDeny && !relaxed.removed[i].empty()) {
      statement.actions.clear();  // matches no action: the caller can stay out of it
      statement.not_action = false;
    }
  }
  return relaxed;
}

std::string OperatorName(const iam::ConditionClause& clause) {
  static constexpr std::array<std::string_view, 27> kNames = {
      "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
      "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
      "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
      "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
      "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals",
      "ArnNotLike", "Null"};
  std::string name;
  if (clause.qualifier == iam::SetQualifier::kForAllValues) name = "ForAllValues:";
  if (clause.qualifier == iam::SetQualifier::kForAnyValue) name = "ForAnyValue:";
  name += kNames[static_cast<size_t>(clause.op)];
  if (clause.if_exists) name += "IfExists";
  return name;
}

void AppendConditions(const RelaxedPolicy& relaxed, const std::string& policy_name, std::uint32_t statement,
                      std::vector<HopCondition>& out) {
  for (const iam::ConditionClause& clause : relaxed.removed[statement]) {
    out.push_back({policy_name, OperatorName(clause), clause.key, clause.values});
  }
}

}  // namespace foyer::access_graph
