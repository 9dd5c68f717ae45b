#include "iam/conditions.h"

#include <algorithm>
#include <string>

#include "iam/condition_values.h"
#include "iam/variables.h"
#include "iam/wildcard.h"

namespace foyer::iam {
namespace {

using Op = ConditionOperator;

// The negated operators hold when no policy value matches; they are written
// here as their positive twin plus this flag.
bool IsNegated(Op op) {
  switch (op) {
    case Op::kStringNotEquals:
    case Op::kStringNotEqualsIgnoreCase:
    case Op::kStringNotLike:
    case Op::kNumericNotEquals:
    case Op::kDateNotEquals:
    case Op::kNotIpAddress:
    case Op::kArnNotEquals:
    case Op::kArnNotLike:
      return true;
    default:
      return false;
  }
}

// Which operators substitute policy variables in their values, and whether
// the result is a wildcard pattern.
bool TakesVariables(Op op) {
  switch (op) {
    case Op::kStringEquals:
    case Op::kStringNotEquals:
    case Op::kStringEqualsIgnoreCase:
    case Op::kStringNotEqualsIgnoreCase:
    case Op::kStringLike:
    case Op::kStringNotLike:
    case Op::kBool:
    case Op::kArnEquals:
    case Op::kArnLike:
    case Op::kArnNotEquals:
    case Op::kArnNotLike:
      return true;
    default:
      return false;
  }
}

bool IsPattern(Op op) {
  return op == Op::kStringLike || op == Op::kStringNotLike || op == Op::kArnEquals || op == Op::kArnLike ||
         op == Op::kArnNotEquals || op == Op::kArnNotLike;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) == (y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
         });
}

enum class Comparison { kEqual, kLess, kLessEqual, kGreater, kGreaterEqual };

Comparison ComparisonOf(Op op) {
  switch (op) {
    case Op::kNumericLessThan:
    case Op::kDateLessThan:
      return Comparison::kLess;
    case Op::kNumericLessThanEquals:
    case Op::kDateLessThanEquals:
      return Comparison::kLessEqual;
    case Op::kNumericGreaterThan:
    case Op::kDateGreaterThan:
      return Comparison::kGreater;
    case Op::kNumericGreaterThanEquals:
    case Op::kDateGreaterThanEquals:
      return Comparison::kGreaterEqual;
    default:
      return Comparison::kEqual;
  }
}

// `request` compared to `policy`: "NumericLessThan 10" holds for request 5.
bool Compare(Comparison comparison, double request, double policy) {
  switch (comparison) {
    case Comparison::kEqual: return request == policy;
    case Comparison::kLess: return request < policy;
    case Comparison::kLessEqual: return request <= policy;
    case Comparison::kGreater: return request > policy;
    case Comparison::kGreaterEqual: return request >= policy;
  }
  return false;
}

// Outcome of testing one request value against one policy value with the
// positive form of the operator. kInvalid (unparsable, unresolved variable)
// never matches, and also makes a negated operator fail.
enum class ValueTest { kMatch, kNoMatch, kInvalid };

ValueTest TestValue(Op op, std::string_view request, std::string_view policy, bool escaped) {
  auto verdict = [](bool matched) { return matched ? ValueTest::kMatch : ValueTest::kNoMatch; };
  switch (op) {
    case Op::kStringEquals:
    case Op::kStringNotEquals:
      return verdict(request == policy);
    case Op::kStringEqualsIgnoreCase:
    case Op::kStringNotEqualsIgnoreCase:
      return verdict(EqualsIgnoreCase(request, policy));
    case Op::kStringLike:
    case Op::kStringNotLike:
      return verdict(WildcardMatch(policy, request, {.ignore_case = false, .escapes = escaped}));
    case Op::kArnEquals:
    case Op::kArnLike:
    case Op::kArnNotEquals:
    case Op::kArnNotLike: {
      std::string_view fields[6];
      if (!SplitArn(policy, fields) || !SplitArn(request, fields)) return ValueTest::kInvalid;
      return verdict(ArnMatch(policy, request, {.ignore_case = false, .escapes = escaped}));
    }
    case Op::kBool: {
      bool policy_ok = EqualsIgnoreCase(policy, "true") || EqualsIgnoreCase(policy, "false");
      bool request_ok = EqualsIgnoreCase(request, "true") || EqualsIgnoreCase(request, "false");
      if (!policy_ok || !request_ok) return ValueTest::kInvalid;
      return verdict(EqualsIgnoreCase(request, policy));
    }
    case Op::kBinaryEquals:
      return verdict(request == policy);
    case Op::kIpAddress:
    case Op::kNotIpAddress: {
      auto block = ParseIpBlock(policy);
      auto address = ParseIpBlock(request);
      if (!block || !address) return ValueTest::kInvalid;
      return verdict(IpBlockContains(*block, *address));
    }
    case Op::kNumericEquals:
    case Op::kNumericNotEquals:
    case Op::kNumericLessThan:
    case Op::kNumericLessThanEquals:
    case Op::kNumericGreaterThan:
    case Op::kNumericGreaterThanEquals: {
      auto want = ParseNumber(policy);
      auto have = ParseNumber(request);
      if (!want || !have) return ValueTest::kInvalid;
      return verdict(Compare(ComparisonOf(op), *have, *want));
    }
    case Op::kDateEquals:
    case Op::kDateNotEquals:
    case Op::kDateLessThan:
    case Op::kDateLessThanEquals:
    case Op::kDateGreaterThan:
    case Op::kDateGreaterThanEquals: {
      auto want = ParseDate(policy);
      auto have = ParseDate(request);
      if (!want || !have) return ValueTest::kInvalid;
      return verdict(Compare(ComparisonOf(op), *have, *want));
    }
    case Op::kNull:
      return ValueTest::kInvalid;  // handled before value tests
  }
  return ValueTest::kInvalid;
}

// One request value against all of the clause's values: a positive operator
// holds when any policy value matches, a negated one when none does (and
// every policy value was valid).
bool ValueSatisfies(const ConditionClause& clause, std::string_view request, const RequestContext& context,
                    bool variables_enabled, std::string& scratch) {
  bool negated = IsNegated(clause.op);
  bool substitute = variables_enabled && clause.values_have_variables && TakesVariables(clause.op);
  for (const std::string& value : clause.values) {
    std::string_view policy = value;
    bool escaped = false;
    ValueTest test;
    if (substitute && HasVariables(value)) {
      Substitution mode = IsPattern(clause.op) ? Substitution::kPattern : Substitution::kLiteral;
      if (!SubstituteVariables(value, context, mode, scratch)) {
        test = ValueTest::kInvalid;
      } else {
        escaped = mode == Substitution::kPattern;
        test = TestValue(clause.op, request, scratch, escaped);
      }
    } else {
      test = TestValue(clause.op, request, policy, escaped);
    }
    if (!negated && test == ValueTest::kMatch) return true;
    if (negated && test != ValueTest::kNoMatch) return false;
  }
  return negated;
}

}  // namespace

bool ConditionHolds(const ConditionClause& clause, const RequestContext& context, bool variables_enabled) {
  const ContextValue* present = context.Find(clause.key);
  if (clause.op == Op::kNull) {
    std::string_view expected = present ? "false" : "true";
    return std::any_of(clause.values.begin(), clause.values.end(),
                       [&](const std::string& value) { return EqualsIgnoreCase(value, expected); });
  }
  if (!present) {
    if (clause.if_exists) return true;
    if (clause.qualifier == SetQualifier::kForAllValues) return true;  // vacuously: no value fails
    if (clause.qualifier == SetQualifier::kForAnyValue) return false;
    return IsNegated(clause.op);
  }
  std::string scratch;
  switch (clause.qualifier) {
    case SetQualifier::kNone:
      // A single-valued operator cannot compare against a set of values.
      if (present->multivalued || present->values.size() != 1) return false;
      return ValueSatisfies(clause, present->values[0], context, variables_enabled, scratch);
    case SetQualifier::kForAllValues:
      return std::all_of(present->values.begin(), present->values.end(), [&](const std::string& value) {
        return ValueSatisfies(clause, value, context, variables_enabled, scratch);
      });
    case SetQualifier::kForAnyValue:
      return std::any_of(present->values.begin(), present->values.end(), [&](const std::string& value) {
        return ValueSatisfies(clause, value, context, variables_enabled, scratch);
      });
  }
  return false;
}

bool ConditionsHold(const std::vector<ConditionClause>& clauses, const RequestContext& context,
                    bool variables_enabled) {
  for (const ConditionClause& clause : clauses) {
    if (!ConditionHolds(clause, context, variables_enabled)) return false;
  }
  return true;
}

}  // namespace foyer::iam
