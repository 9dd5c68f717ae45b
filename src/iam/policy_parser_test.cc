#include "iam/policy_parser.h"

#include <gtest/gtest.h>

namespace foyer::iam {
namespace {

Policy MustParse(std::string_view text) {
  Result<Policy> policy = ParsePolicy(text, "p");
  EXPECT_TRUE(policy.ok()) << (policy.ok() ? "" : policy.error().message);
  return policy.ok() ? *policy : Policy{};
}

std::string ErrorOf(std::string_view text) {
  Result<Policy> policy = ParsePolicy(text, "p");
  return policy.ok() ? "parsed" : policy.error().message;
}

TEST(PolicyParser, SingleStatementObjectAndStringValues) {
  Policy policy = MustParse(R"({"Version":"2012-10-17","Statement":
      {"Sid":"One","Effect":"Allow","Action":"S3:GetObject","Resource":"arn:aws:s3:::b/*"}})");
  ASSERT_EQ(policy.statements.size(), 1u);
  EXPECT_TRUE(policy.variables_enabled);
  const Statement& s = policy.statements[0];
  EXPECT_EQ(s.sid, "One");
  EXPECT_EQ(s.effect, Effect::kAllow);
  EXPECT_EQ(s.actions, std::vector<std::string>{"s3:getobject"});
  EXPECT_EQ(s.resources, std::vector<std::string>{"arn:aws:s3:::b/*"});
  EXPECT_TRUE(s.has_resource);
  EXPECT_FALSE(s.not_resource);
}

TEST(PolicyParser, NegatedElementsPrincipalsAndConditions) {
  Policy policy = MustParse(R"({"Version":"2008-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],
      "NotResource":"*","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:root","*"],"Service":"ec2.amazonaws.com",
      "Federated":"cognito-identity.amazonaws.com","CanonicalUser":"abc"},
      "Condition":{"ForAnyValue:StringLikeIfExists":{"AWS:TagKeys":["a*",1,true]},"Null":{"aws:x":"true"}}}]})");
  EXPECT_FALSE(policy.variables_enabled);
  const Statement& s = policy.statements[0];
  EXPECT_TRUE(s.not_action);
  EXPECT_TRUE(s.not_resource);
  EXPECT_EQ(s.principal_kind, PrincipalKind::kNotPrincipal);
  EXPECT_TRUE(s.principals.everyone);
  EXPECT_EQ(s.principals.aws, std::vector<std::string>{"arn:aws:iam::111122223333:root"});
  EXPECT_EQ(s.principals.service, std::vector<std::string>{"ec2.amazonaws.com"});
  EXPECT_EQ(s.principals.canonical_user, std::vector<std::string>{"abc"});
  ASSERT_EQ(s.conditions.size(), 2u);
  const ConditionClause& like = s.conditions[0];
  EXPECT_EQ(like.op, ConditionOperator::kStringLike);
  EXPECT_EQ(like.qualifier, SetQualifier::kForAnyValue);
  EXPECT_TRUE(like.if_exists);
  EXPECT_EQ(like.key, "aws:tagkeys");
  EXPECT_EQ(like.values, (std::vector<std::string>{"a*", "1", "true"}));
  EXPECT_EQ(s.conditions[1].op, ConditionOperator::kNull);
}

TEST(PolicyParser, PrincipalStar) {
  Policy policy = MustParse(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]})");
  EXPECT_TRUE(policy.statements[0].principals.everyone);
  EXPECT_FALSE(policy.statements[0].has_resource);
  EXPECT_EQ(policy.version, "");
  EXPECT_FALSE(policy.variables_enabled);
}

TEST(PolicyParser, UrlEncodedDocumentsAsIamReturnsThem) {
  Policy policy = MustParse(
      "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
      "%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Ffoyer%2Fsre%22%7D%2C"
      "%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D");
  EXPECT_EQ(policy.statements[0].principals.aws,
            std::vector<std::string>{"arn:aws:iam::111122223333:role/foyer/sre"});
  EXPECT_EQ(policy.statements[0].actions, std::vector<std::string>{"sts:assumerole"});
}

TEST(PolicyParser, ErrorsNameStatementAndReason) {
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow","Action":"*"},{"Effect":"allow","Action":"*"}]})"),
            "p: statement 1: Effect must be Allow or Deny, got \"allow\"");
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow"}]})"), "p: statement 0: Action or NotAction is required");
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow","Action":"*","NotAction":"*"}]})"),
            "p: statement 0: a statement cannot have both Action and NotAction");
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow","Action":"*","Condition":{"StringEqualz":{"a":"b"}}}]})"),
            "p: statement 0: unknown condition operator \"StringEqualz\"");
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow","Action":"getobject"}]})"),
            "p: statement 0: action \"getobject\" must look like service:Action");
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow","Action":"*","Principal":"arn:aws:iam::1:root"}]})"),
            "p: statement 0: a Principal string must be \"*\"; name principals as {\"AWS\": ...}");
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow","Action":[]}]})"),
            "p: statement 0: Action must be a string or a non-empty list of strings");
  EXPECT_EQ(ErrorOf(R"({"Version":"2020-01-01","Statement":[]})"),
            "p: Version must be 2012-10-17 or 2008-10-17, got \"2020-01-01\"");
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow","Action":"*","Bogus":1}]})"),
            "p: statement 0: unknown element \"Bogus\"");
  EXPECT_EQ(ErrorOf("{"), "p: not valid JSON (nor URL-encoded JSON)");
  EXPECT_EQ(ErrorOf("[]"), "p: a policy must be a JSON object");
  EXPECT_EQ(ErrorOf(R"({"Statement":[{"Effect":"Allow","Action":"*","Condition":{"NullIfExists":{"a":"true"}}}]})"),
            "p: statement 0: unknown condition operator \"NullIfExists\"");
}

}  // namespace
}  // namespace foyer::iam
