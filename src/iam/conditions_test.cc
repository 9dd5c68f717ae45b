#include "iam/conditions.h"

#include <gtest/gtest.h>

#include "iam/policy_parser.h"

namespace foyer::iam {
namespace {

// Evaluates a Condition block (JSON) of a 2012-10-17 policy against `context`.
bool Holds(const std::string& condition, const RequestContext& context,
           const std::string& version = "2012-10-17") {
  std::string text = R"({"Version":")" + version + R"(","Statement":{"Effect":"Allow","Action":"*","Condition":)" +
                     condition + "}}";
  Result<Policy> policy = ParsePolicy(text, "p");
  EXPECT_TRUE(policy.ok()) << (policy.ok() ? "" : policy.error().message);
  if (!policy.ok()) return false;
  return ConditionsHold(policy->statements[0].conditions, context, policy->variables_enabled);
}

RequestContext Context() {
  RequestContext context;
  context.Set("aws:username", "alice");
  context.Set("aws:PrincipalTag/team", "SRE");
  context.Set("aws:SourceIp", "10.1.2.3");
  context.Set("aws:SourceIp6", "2001:db8::5");
  context.Set("aws:MultiFactorAuthAge", "300");
  context.Set("aws:MultiFactorAuthPresent", "true");
  context.Set("aws:CurrentTime", "2026-06-30T12:00:00Z");
  context.Set("aws:EpochTime", "1782820800");
  context.Set("aws:PrincipalArn", "arn:aws:iam::111122223333:role/foyer/sre");
  context.Set("s3:blob", "QUJD");
  context.SetList("aws:TagKeys", {"team", "env"});
  context.SetList("aws:EmptyList", {});
  return context;
}

TEST(Conditions, StringOperators) {
  RequestContext c = Context();
  EXPECT_TRUE(Holds(R"({"StringEquals":{"aws:username":["bob","alice"]}})", c));
  EXPECT_FALSE(Holds(R"({"StringEquals":{"aws:username":"Alice"}})", c));
  EXPECT_TRUE(Holds(R"({"StringNotEquals":{"aws:username":["bob","carol"]}})", c));
  EXPECT_FALSE(Holds(R"({"StringNotEquals":{"aws:username":["bob","alice"]}})", c));
  EXPECT_TRUE(Holds(R"({"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"sre"}})", c));
  EXPECT_FALSE(Holds(R"({"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"sre"}})", c));
  EXPECT_TRUE(Holds(R"({"StringLike":{"aws:username":"a?i*"}})", c));
  EXPECT_FALSE(Holds(R"({"StringLike":{"aws:username":"b*"}})", c));
  EXPECT_TRUE(Holds(R"({"StringNotLike":{"aws:username":["b*","c*"]}})", c));
  // Keys are case-insensitive, values are not.
  EXPECT_TRUE(Holds(R"({"StringEquals":{"AWS:USERNAME":"alice"}})", c));
}

TEST(Conditions, NumericDateBoolBinary) {
  RequestContext c = Context();
  EXPECT_TRUE(Holds(R"({"NumericLessThan":{"aws:MultiFactorAuthAge":3600}})", c));
  EXPECT_FALSE(Holds(R"({"NumericGreaterThan":{"aws:MultiFactorAuthAge":"3600"}})", c));
  EXPECT_TRUE(Holds(R"({"NumericEquals":{"aws:MultiFactorAuthAge":"300.0"}})", c));
  EXPECT_TRUE(Holds(R"({"NumericNotEquals":{"aws:MultiFactorAuthAge":["1","2"]}})", c));
  EXPECT_TRUE(Holds(R"({"NumericLessThanEquals":{"aws:MultiFactorAuthAge":300}})", c));
  EXPECT_TRUE(Holds(R"({"NumericGreaterThanEquals":{"aws:MultiFactorAuthAge":300}})", c));
  EXPECT_FALSE(Holds(R"({"NumericEquals":{"aws:MultiFactorAuthAge":"abc"}})", c));
  EXPECT_TRUE(Holds(R"({"DateGreaterThan":{"aws:CurrentTime":"2026-06-30T11:59:59Z"}})", c));
  EXPECT_TRUE(Holds(R"({"DateEquals":{"aws:CurrentTime":"2026-06-30T14:00:00+02:00"}})", c));
  EXPECT_TRUE(Holds(R"({"DateLessThan":{"aws:CurrentTime":"2026-07-01"}})", c));
  EXPECT_FALSE(Holds(R"({"DateLessThanEquals":{"aws:CurrentTime":"2026-06-30"}})", c));
  EXPECT_TRUE(Holds(R"({"DateGreaterThanEquals":{"aws:CurrentTime":"2026-06-30T12:00:00.000Z"}})", c));
  EXPECT_TRUE(Holds(R"({"DateNotEquals":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}})", c));
  // Epoch seconds compare with ISO 8601 dates: 1782820800 is 2026-06-30T12:00:00Z.
  EXPECT_TRUE(Holds(R"({"DateEquals":{"aws:EpochTime":"2026-06-30T12:00:00Z"}})", c));
  EXPECT_TRUE(Holds(R"({"DateEquals":{"aws:CurrentTime":1782820800}})", c));
  EXPECT_TRUE(Holds(R"({"Bool":{"aws:MultiFactorAuthPresent":true}})", c));
  EXPECT_TRUE(Holds(R"({"Bool":{"aws:MultiFactorAuthPresent":"TRUE"}})", c));
  EXPECT_FALSE(Holds(R"({"Bool":{"aws:MultiFactorAuthPresent":"false"}})", c));
  EXPECT_FALSE(Holds(R"({"Bool":{"aws:MultiFactorAuthPresent":"yes"}})", c));
  EXPECT_TRUE(Holds(R"({"BinaryEquals":{"s3:blob":"QUJD"}})", c));
  EXPECT_FALSE(Holds(R"({"BinaryEquals":{"s3:blob":"qujd"}})", c));
}

TEST(Conditions, IpAddresses) {
  RequestContext c = Context();
  EXPECT_TRUE(Holds(R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}})", c));
  EXPECT_TRUE(Holds(R"({"IpAddress":{"aws:SourceIp":["192.168.0.0/16","10.1.2.3"]}})", c));
  EXPECT_TRUE(Holds(R"({"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}})", c));
  EXPECT_FALSE(Holds(R"({"IpAddress":{"aws:SourceIp":"10.1.3.0/24"}})", c));
  EXPECT_TRUE(Holds(R"({"NotIpAddress":{"aws:SourceIp":"10.1.3.0/24"}})", c));
  EXPECT_TRUE(Holds(R"({"IpAddress":{"aws:SourceIp6":"2001:db8::/32"}})", c));
  EXPECT_FALSE(Holds(R"({"IpAddress":{"aws:SourceIp6":"2001:db9::/32"}})", c));
  EXPECT_TRUE(Holds(R"({"IpAddress":{"aws:SourceIp6":"2001:0db8:0000:0000:0000:0000:0000:0005"}})", c));
  // An IPv6 caller is never inside an IPv4 block.
  EXPECT_TRUE(Holds(R"({"NotIpAddress":{"aws:SourceIp6":"10.0.0.0/8"}})", c));
  EXPECT_FALSE(Holds(R"({"IpAddress":{"aws:SourceIp":"not-an-ip"}})", c));
}

TEST(Conditions, ArnOperators) {
  RequestContext c = Context();
  EXPECT_TRUE(Holds(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/foyer/*"}})", c));
  EXPECT_TRUE(Holds(R"({"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/foyer/s?e"}})", c));
  EXPECT_FALSE(Holds(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*"}})", c));
  EXPECT_TRUE(Holds(R"({"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/*"}})", c));
  EXPECT_FALSE(Holds(R"({"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/foyer/sre"}})", c));
  EXPECT_FALSE(Holds(R"({"ArnNotLike":{"aws:PrincipalArn":"not-an-arn"}})", c));
}

TEST(Conditions, MissingKeysNullAndIfExists) {
  RequestContext c = Context();
  EXPECT_FALSE(Holds(R"({"StringEquals":{"aws:SourceIdentity":"alice"}})", c));
  EXPECT_TRUE(Holds(R"({"StringEqualsIfExists":{"aws:SourceIdentity":"alice"}})", c));
  EXPECT_FALSE(Holds(R"({"StringEqualsIfExists":{"aws:username":"bob"}})", c));
  // Negated operators hold when the key is missing.
  EXPECT_TRUE(Holds(R"({"StringNotEquals":{"aws:SourceIdentity":"alice"}})", c));
  EXPECT_TRUE(Holds(R"({"NotIpAddress":{"aws:VpcSourceIp":"10.0.0.0/8"}})", c));
  EXPECT_FALSE(Holds(R"({"NumericLessThan":{"aws:Missing":"1"}})", c));
  EXPECT_TRUE(Holds(R"({"Null":{"aws:SourceIdentity":"true"}})", c));
  EXPECT_FALSE(Holds(R"({"Null":{"aws:username":true}})", c));
  EXPECT_TRUE(Holds(R"({"Null":{"aws:username":"false"}})", c));
}

TEST(Conditions, SetQualifiersAndEmptySets) {
  RequestContext c = Context();
  EXPECT_TRUE(Holds(R"({"ForAllValues:StringEquals":{"aws:TagKeys":["team","env","cost"]}})", c));
  EXPECT_FALSE(Holds(R"({"ForAllValues:StringEquals":{"aws:TagKeys":["team"]}})", c));
  EXPECT_TRUE(Holds(R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["team"]}})", c));
  EXPECT_FALSE(Holds(R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["cost"]}})", c));
  EXPECT_TRUE(Holds(R"({"ForAnyValue:StringNotEquals":{"aws:TagKeys":["team"]}})", c));
  EXPECT_TRUE(Holds(R"({"ForAllValues:StringLike":{"aws:TagKeys":["t*","e*"]}})", c));
  // Empty and missing sets: ForAllValues holds vacuously, ForAnyValue does not.
  EXPECT_TRUE(Holds(R"({"ForAllValues:StringEquals":{"aws:EmptyList":["x"]}})", c));
  EXPECT_FALSE(Holds(R"({"ForAnyValue:StringEquals":{"aws:EmptyList":["x"]}})", c));
  EXPECT_TRUE(Holds(R"({"ForAllValues:StringEquals":{"aws:Missing":["x"]}})", c));
  EXPECT_FALSE(Holds(R"({"ForAnyValue:StringEquals":{"aws:Missing":["x"]}})", c));
  EXPECT_TRUE(Holds(R"({"ForAnyValue:StringEqualsIfExists":{"aws:Missing":["x"]}})", c));
  // A single-valued operator does not compare against a multi-valued key.
  EXPECT_FALSE(Holds(R"({"StringEquals":{"aws:TagKeys":"team"}})", c));
  EXPECT_TRUE(Holds(R"({"ForAnyValue:StringEquals":{"aws:username":"alice"}})", c));
}

TEST(Conditions, PolicyVariablesInValues) {
  RequestContext c = Context();
  EXPECT_TRUE(Holds(R"({"StringEquals":{"aws:username":"${aws:username}"}})", c));
  EXPECT_FALSE(Holds(R"({"StringLike":{"aws:PrincipalArn":"*/${aws:PrincipalTag/team, 'x'}*"}})", c));
  EXPECT_TRUE(Holds(R"({"StringEquals":{"aws:username":"${aws:SourceIdentity, 'alice'}"}})", c));
  // Unresolvable: the value matches nothing, and a negated operator fails.
  EXPECT_FALSE(Holds(R"({"StringEquals":{"aws:username":"${aws:SourceIdentity}"}})", c));
  EXPECT_FALSE(Holds(R"({"StringNotEquals":{"aws:username":"${aws:SourceIdentity}"}})", c));
  EXPECT_FALSE(Holds(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/foyer/${aws:PrincipalTag/team}"}})", c));
  // Substituted text is literal, never a wildcard.
  RequestContext star;
  star.Set("aws:PrincipalTag/team", "*");
  star.Set("aws:username", "alice");
  EXPECT_FALSE(Holds(R"({"StringLike":{"aws:username":"${aws:PrincipalTag/team}"}})", star));
  EXPECT_TRUE(Holds(R"({"StringLike":{"aws:PrincipalTag/team":"${*}"}})", star));
  // 2008-10-17 policies have no variables: the value is literal.
  EXPECT_FALSE(Holds(R"({"StringEquals":{"aws:username":"${aws:username}"}})", c, "2008-10-17"));
  RequestContext literal;
  literal.Set("aws:username", "${aws:username}");
  EXPECT_TRUE(Holds(R"({"StringEquals":{"aws:username":"${aws:username}"}})", literal, "2008-10-17"));
}

}  // namespace
}  // namespace foyer::iam
