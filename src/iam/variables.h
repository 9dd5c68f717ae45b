// Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, any
// `${context-key}`, with an optional default `${key, 'default'}`, and the
// escapes `${*}`, `${?}`, `${$}` for a literal `*`, `?` and `$`.
//
// Substitution happens only in 2012-10-17 documents, in Resource elements and
// in the values of the string, Bool and ARN condition operators.
#ifndef FOYER_IAM_VARIABLES_H_
#define FOYER_IAM_VARIABLES_H_

#include <string>
#include <string_view>

#include "iam/request.h"

namespace foyer::iam {

bool HasVariables(std::string_view value);

enum class Substitution {
  // The result is compared as is (StringEquals, Bool): nothing is escaped.
  kLiteral,
  // The result is a wildcard pattern to match with WildcardOptions::escapes:
  // `*` and `?` written in the policy stay wildcards, while substituted text
  // and `${*}`/`${?}` become literal characters.
  kPattern,
};

// Writes `value` with its variables replaced into `out`. Returns false when
// a variable has no value in the context and no default, or names a
// multi-valued key: AWS then treats the value as matching nothing.
bool SubstituteVariables(std::string_view value, const RequestContext& context, Substitution mode,
                         std::string& out);

}  // namespace foyer::iam

#endif  // FOYER_IAM_VARIABLES_H_
