// The IAM policy model: a parsed policy document in a compact form that the
// evaluator can run millions of times without re-reading JSON.
//
// Everything AWS treats case-insensitively is lowercased once at parse time
// (action names, condition keys and operators), so evaluation only compares
// bytes. Values whose case matters (ARNs, condition values) are kept as
// written.
#ifndef FOYER_IAM_POLICY_H_
#define FOYER_IAM_POLICY_H_

#include <cstdint>
#include <string>
#include <vector>

namespace foyer::iam {

enum class Effect : std::uint8_t { kAllow, kDeny };

// The base condition operators of the IAM policy grammar.
enum class ConditionOperator : std::uint8_t {
  kStringEquals,
  kStringNotEquals,
  kStringEqualsIgnoreCase,
  kStringNotEqualsIgnoreCase,
  kStringLike,
  kStringNotLike,
  kNumericEquals,
  kNumericNotEquals,
  kNumericLessThan,
  kNumericLessThanEquals,
  kNumericGreaterThan,
  kNumericGreaterThanEquals,
  kDateEquals,
  kDateNotEquals,
  kDateLessThan,
  kDateLessThanEquals,
  kDateGreaterThan,
  kDateGreaterThanEquals,
  kBool,
  kBinaryEquals,
  kIpAddress,
  kNotIpAddress,
  kArnEquals,
  kArnLike,
  kArnNotEquals,
  kArnNotLike,
  kNull,
};

// "ForAllValues:" / "ForAnyValue:" prefixes for multi-valued context keys.
enum class SetQualifier : std::uint8_t { kNone, kForAllValues, kForAnyValue };

// One key test inside a Condition block: operator, key, and its values.
struct ConditionClause {
  ConditionOperator op = ConditionOperator::kStringEquals;
  SetQualifier qualifier = SetQualifier::kNone;
  bool if_exists = false;
  std::string key;  // lowercased: condition keys are case-insensitive
  std::vector<std::string> values;  // numbers and bools kept in their JSON text
  bool values_have_variables = false;
};

// The Principal or NotPrincipal element. Each list keeps the values as written.
struct PrincipalSet {
  bool everyone = false;  // "*" or {"AWS": "*"}
  std::vector<std::string> aws;
  std::vector<std::string> service;
  std::vector<std::string> federated;
  std::vector<std::string> canonical_user;
};

enum class PrincipalKind : std::uint8_t { kNone, kPrincipal, kNotPrincipal };

struct Statement {
  std::string sid;
  Effect effect = Effect::kAllow;
  // Action or NotAction, lowercased ("s3:getobject", "s3:get*", "*").
  bool not_action = false;
  std::vector<std::string> actions;
  // Resource or NotResource. A statement with neither (trust policies) applies
  // to every resource.
  bool has_resource = false;
  bool not_resource = false;
  std::vector<std::string> resources;
  PrincipalKind principal_kind = PrincipalKind::kNone;
  PrincipalSet principals;
  std::vector<ConditionClause> conditions;
};

struct Policy {
  // How decisions refer to this policy ("identity_policies[0]", "session_policy").
  std::string name;
  std::string version;  // "2012-10-17", "2008-10-17" or empty
  // Policy variables are substituted only in 2012-10-17 documents; in older
  // ones "${aws:username}" is a literal string.
  bool variables_enabled = false;
  std::vector<Statement> statements;
};

}  // namespace foyer::iam

#endif  // FOYER_IAM_POLICY_H_
