// Reading policy statements for audit rules: who a statement names, what
// it allows, and how to quote it as evidence.
#ifndef FOYER_AUDIT_STATEMENTS_H_
#define FOYER_AUDIT_STATEMENTS_H_

#include <string>
#include <string_view>

#include "iam/policy.h"

namespace foyer::audit {

// "trust_policy statement 1: Allow sts:AssumeRole to AWS 111111111111 if
// Bool aws:MultiFactorAuthPresent = true": one line, for evidence.
std::string DescribeStatement(const iam::Policy& policy, size_t index);

// Whether the statement has a condition on `key` (lowercase).
bool HasConditionKey(const iam::Statement& statement, std::string_view key);

// Whether an Allow statement grants `action` (lowercase) by its Action or NotAction.
bool AllowsAction(const iam::Statement& statement, std::string_view action);

// The account an AWS principal names ("111111111111", "arn:aws:iam::111111111111:root",
// a role or user ARN); "" for "*" and anything else.
std::string AccountOfPrincipal(std::string_view principal);

// Whether the principal is a whole account: an id or its :root ARN.
bool IsWholeAccount(std::string_view principal);

// The last part of a role ARN ("Administrator" of ".../role/foyer/Administrator").
std::string_view RoleName(std::string_view arn);

// Whether a role ARN has path `/foyer/`.
bool IsFoyerRole(std::string_view arn);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_STATEMENTS_H_
