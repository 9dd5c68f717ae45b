// Evaluating one Condition clause against the request context, with the
// documented rules for missing keys (IfExists, negated operators), multi-
// valued keys (ForAllValues / ForAnyValue, including the empty set) and
// policy variables in values.
#ifndef FOYER_IAM_CONDITIONS_H_
#define FOYER_IAM_CONDITIONS_H_

#include "iam/policy.h"
#include "iam/request.h"

namespace foyer::iam {

// True when the clause holds. `variables_enabled` is the policy's Version
// rule: false in 2008-10-17 documents, where `${...}` is literal text.
bool ConditionHolds(const ConditionClause& clause, const RequestContext& context, bool variables_enabled);

// True when every clause of a statement holds (conditions are ANDed).
bool ConditionsHold(const std::vector<ConditionClause>& clauses, const RequestContext& context,
                    bool variables_enabled);

}  // namespace foyer::iam

#endif  // FOYER_IAM_CONDITIONS_H_
