#include "iam/simulation.h"

#include <gtest/gtest.h>

namespace foyer::iam {
namespace {

std::string ErrorOf(std::string_view text) {
  Result<std::unique_ptr<Simulation>> simulation = ReadSimulationText(text);
  return simulation.ok() ? "read" : simulation.error().message;
}

constexpr const char* kRequest =
    R"("request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"sqs:SendMessage",)"
    R"("resource":"arn:aws:sqs:us-east-1:111122223333:jobs")";

TEST(Simulation, ReadsEveryPolicyKindAndContextValues) {
  std::string text = std::string("{") + kRequest +
                     R"(,"context":{"aws:TagKeys":["a","b"],"aws:MultiFactorAuthAge":30,"aws:SecureTransport":true}},)"
                     R"("identity_policies":[{"Statement":{"Effect":"Allow","Action":"*"}}],)"
                     R"("resource_policy":"%7B%22Statement%22%3A%5B%5D%7D",)"
                     R"("scps":[[],[{"name":"Guard","document":{"Statement":[]}}]],)"
                     R"("permission_boundary":{"Statement":[]},"session_policy":null,"management_account":true})";
  Result<std::unique_ptr<Simulation>> simulation = ReadSimulationText(text);
  ASSERT_TRUE(simulation.ok()) << simulation.error().message;
  const Simulation& s = **simulation;
  EXPECT_EQ(s.policies.identity.size(), 1u);
  EXPECT_EQ(s.policies.identity[0].name, "identity_policies[0]");
  ASSERT_TRUE(s.policies.resource.has_value());
  EXPECT_EQ(s.policies.resource->name, "resource_policy");
  ASSERT_EQ(s.policies.scps.size(), 2u);
  EXPECT_EQ(s.policies.scps[1][0].name, "Guard");
  EXPECT_TRUE(s.policies.permission_boundary.has_value());
  EXPECT_FALSE(s.policies.session.has_value());
  EXPECT_TRUE(s.policies.management_account);
  const ContextValue* tags = s.request.context.Find("aws:tagkeys");
  ASSERT_NE(tags, nullptr);
  EXPECT_TRUE(tags->multivalued);
  EXPECT_EQ(tags->values, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s.request.context.Find("aws:multifactorauthage")->values[0], "30");
  EXPECT_EQ(s.request.context.Find("aws:securetransport")->values[0], "true");
}

TEST(Simulation, ErrorsNameTheJsonPath) {
  EXPECT_EQ(ErrorOf("nope"), "the simulation input is not valid JSON");
  EXPECT_EQ(ErrorOf("[]"), "(top level): must be a JSON object with a \"request\"");
  EXPECT_EQ(ErrorOf("{}"), "request: is required");
  EXPECT_EQ(ErrorOf(R"({"request":{"action":"s3:GetObject"}})"), "request.principal: is required");
  EXPECT_EQ(ErrorOf(R"({"request":{"principal":"arn:aws:iam::1:user/a","action":"GetObject","resource":"*"}})"),
            "request.action: must look like service:Action");
  EXPECT_EQ(ErrorOf(R"({"request":{"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject",)"
                    R"("resource":"arn:aws:s3:::b/k"}})"),
            "request.resource_account: is required: the resource ARN names no account (as for S3), and whether "
            "the request crosses accounts depends on it");
  EXPECT_EQ(ErrorOf(std::string("{") + kRequest + R"(,"context":{"k":[1,{"x":1}]}}})"),
            "request.context.k[1]: must be a string, number or bool");
  EXPECT_EQ(ErrorOf(std::string("{") + kRequest + R"(},"identity_policies":[{"Statement":[]},)"
                                                   R"({"Statement":[{"Effect":"allow","Action":"*"}]}]})"),
            "identity_policies[1]: statement 0: Effect must be Allow or Deny, got \"allow\"");
  EXPECT_EQ(ErrorOf(std::string("{") + kRequest + R"(},"scps":[[{"Statement":{"Action":"*"}}]]})"),
            "scps[0][0]: statement 0: Effect is required");
  EXPECT_EQ(ErrorOf(std::string("{") + kRequest + R"(},"extra":1})"), "extra: unknown field");
  EXPECT_EQ(ErrorOf(std::string("{") + kRequest + R"(,"bogus":1}})"), "request.bogus: unknown field");
  EXPECT_EQ(ErrorOf(std::string("{") + kRequest + R"(},"management_account":"yes"})"),
            "management_account: must be true or false");
}

}  // namespace
}  // namespace foyer::iam
