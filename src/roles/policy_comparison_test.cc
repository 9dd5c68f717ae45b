#include "roles/policy_comparison.h"

#include <gtest/gtest.h>

namespace foyer::roles {
namespace {

using nlohmann::json;

const json kTrust = json::parse(R"({"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:role/foyer/a","arn:aws:iam::1:role/foyer/b"]},
   "Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]})");

TEST(PolicyComparisonTest, OrderWhitespaceAndSingletonListsDoNotMatter) {
  std::string reordered = R"({ "Statement": { "Action": ["sts:SetSourceIdentity", "sts:AssumeRole"],
      "Principal": {"AWS": ["arn:aws:iam::1:role/foyer/b", "arn:aws:iam::1:role/foyer/a"]},
      "Effect": "Allow" }, "Version": "2012-10-17" })";
  EXPECT_TRUE(SameAsLive(reordered, kTrust));
  EXPECT_TRUE(SamePolicy(json::parse(R"({"Statement":[{"Action":"s3:GetObject","Resource":["*"]}]})"),
                         json::parse(R"({"Statement":{"Action":["s3:GetObject"],"Resource":"*"}})")));
}

TEST(PolicyComparisonTest, UrlEncodedLiveDocumentsAreDecoded) {
  std::string encoded =
      "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
      "%22Principal%22%3A%7B%22AWS%22%3A%5B%22arn%3Aaws%3Aiam%3A%3A1%3Arole%2Ffoyer%2Fa%22%2C"
      "%22arn%3Aaws%3Aiam%3A%3A1%3Arole%2Ffoyer%2Fb%22%5D%7D%2C%22Action%22%3A%5B%22sts%3AAssumeRole"
      "%22%2C%22sts%3ASetSourceIdentity%22%5D%7D%5D%7D";
  EXPECT_TRUE(SameAsLive(encoded, kTrust));
}

TEST(PolicyComparisonTest, ConditionValuesCompareAsSets) {
  EXPECT_TRUE(SamePolicy(
      json::parse(R"({"Statement":[{"Condition":{"StringEquals":{"k":["b","a"]}}}]})"),
      json::parse(R"({"Statement":[{"Condition":{"StringEquals":{"k":["a","b","a"]}}}]})")));
  EXPECT_TRUE(SamePolicy(json::parse(R"({"Statement":[{"Condition":{"Bool":{"k":"true"}}}]})"),
                         json::parse(R"({"Statement":[{"Condition":{"Bool":{"k":["true"]}}}]})")));
}

TEST(PolicyComparisonTest, RealDifferencesAreDifferent) {
  json one_principal = kTrust;
  one_principal["Statement"][0]["Principal"]["AWS"] = "arn:aws:iam::1:role/foyer/a";
  EXPECT_FALSE(SamePolicy(one_principal, kTrust));
  json deny = kTrust;
  deny["Statement"][0]["Effect"] = "Deny";
  EXPECT_FALSE(SamePolicy(deny, kTrust));
  json extra = kTrust;
  extra["Statement"].push_back(kTrust["Statement"][0]);
  extra["Statement"][1]["Sid"] = "Two";
  EXPECT_FALSE(SamePolicy(extra, kTrust));
  json condition = kTrust;
  condition["Statement"][0]["Condition"] = {{"Bool", {{"aws:MultiFactorAuthPresent", "true"}}}};
  EXPECT_FALSE(SamePolicy(condition, kTrust));
}

TEST(PolicyComparisonTest, UnreadableLiveDocumentIsNeverTheSame) {
  EXPECT_FALSE(SameAsLive("", kTrust));
  EXPECT_FALSE(SameAsLive("{not json", kTrust));
  EXPECT_EQ(ParsePolicyText("%7Bbroken"), std::nullopt);
}

}  // namespace
}  // namespace foyer::roles
