// A policy with the condition clauses that depend on the request taken out
// (see graph.h, "Conditions"), remembering which clauses each statement lost
// so that an edge can list them.
#ifndef FOYER_ACCESS_GRAPH_RELAXED_POLICY_H_
#define FOYER_ACCESS_GRAPH_RELAXED_POLICY_H_

#include <string>
#include <string_view>
#include <vector>

#include "access_graph/graph.h"
#include "iam/policy.h"

namespace foyer::access_graph {

// Whether the principal alone fixes the value of `key` (lowercased), so that
// the graph can evaluate it exactly instead of assuming it satisfiable.
bool IsPrincipalKey(std::string_view key);

struct RelaxedPolicy {
  iam::Policy policy;  // Allow statements without request clauses; conditional Denies match nothing
  std::vector<std::vector<iam::ConditionClause>> removed;  // per statement
};

RelaxedPolicy Relax(const iam::Policy& policy);

// "ForAnyValue:StringLikeIfExists": the operator as a policy spells it.
std::string OperatorName(const iam::ConditionClause& clause);

// The removed clauses of statement `statement`, as hop conditions naming
// `policy_name`.
void AppendConditions(const RelaxedPolicy& relaxed, const std::string& policy_name, std::uint32_t statement,
                      std::vector<HopCondition>& out);

}  // namespace foyer::access_graph

#endif  // FOYER_ACCESS_GRAPH_RELAXED_POLICY_H_
