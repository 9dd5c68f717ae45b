#include "terraform/ci_identity.h"

#include <gtest/gtest.h>

namespace foyer::terraform {
namespace {

spec::CiIdentity Pipeline(spec::CiProvider provider, std::string repository, std::string branch) {
  spec::CiIdentity ci;
  ci.name.value = "payments";
  ci.provider.value = provider;
  ci.repository.value = std::move(repository);
  ci.branch.value = std::move(branch);
  return ci;
}

TEST(CiIdentityTest, GithubTrustNamesExactlyTheRepositoryAndBranch) {
  spec::CiIdentity ci = Pipeline(spec::CiProvider::kGithub, "acme/payments", "main");
  EXPECT_EQ(CiRoleName(ci), "ci-payments");
  EXPECT_EQ(CiTrustPolicy(ci, "111111111111", "aws"), nlohmann::json::parse(R"({
    "Version": "2012-10-17",
    "Statement": [{
      "Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {"StringEquals": {
        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
        "token.actions.githubusercontent.com:sub": "repo:acme/payments:ref:refs/heads/main"}}}]})"));
}

TEST(CiIdentityTest, GitlabSubjectAndAudience) {
  spec::CiIdentity ci = Pipeline(spec::CiProvider::kGitlab, "acme/platform/payments", "release");
  EXPECT_EQ(CiSubject(ci), "project_path:acme/platform/payments:ref_type:branch:ref:release");
  nlohmann::json trust = CiTrustPolicy(ci, "222222222222", "aws-us-gov");
  EXPECT_EQ(trust["Statement"][0]["Principal"]["Federated"],
            "arn:aws-us-gov:iam::222222222222:oidc-provider/gitlab.com");
  EXPECT_EQ(trust["Statement"][0]["Condition"], nlohmann::json::parse(R"({"StringEquals": {
      "gitlab.com:aud": "https://gitlab.com",
      "gitlab.com:sub": "project_path:acme/platform/payments:ref_type:branch:ref:release"}})"));
  EXPECT_EQ(OidcProviderFor(spec::CiProvider::kGitlab).url, "https://gitlab.com");
}

TEST(CiIdentityTest, NoConditionEverUsesPatternMatching) {
  // A StringLike condition would turn '*' in a name into a wildcard; the
  // trust uses StringEquals only, so even a (refused by validation) '*'
  // would match only itself.
  nlohmann::json trust = CiTrustPolicy(Pipeline(spec::CiProvider::kGithub, "acme/*", "*"), "111111111111", "aws");
  const nlohmann::json& condition = trust["Statement"][0]["Condition"];
  EXPECT_EQ(condition.size(), 1u);
  EXPECT_TRUE(condition.contains("StringEquals"));
  EXPECT_EQ(trust["Statement"].size(), 1u);
}

}  // namespace
}  // namespace foyer::terraform
