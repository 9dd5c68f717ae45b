#include "iam/policy_comparison.h"

#include <gtest/gtest.h>

namespace foyer::iam {
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

// Documents other services return: SCPs and bucket policies.
const json kDesired = json::parse(R"({"Version":"2012-10-17","Statement":[
  {"Sid":"A","Effect":"Deny","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::b/*",
   "Principal":{"AWS":"*"},"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
  {"Sid":"B","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]})");

TEST(ServicePolicyComparisonTest, ReformattedDocumentsAreTheSame) {
  // Reordered statements and actions, lists for strings, a boolean for its
  // text, whitespace, a duplicate: all as services may return them.
  EXPECT_TRUE(SameAsLive(R"({ "Statement" : [
    {"Sid":"B","Effect":"Deny","Action":["organizations:LeaveOrganization"],"Resource":["*"]},
    {"Resource":["arn:aws:s3:::b/*"],"Effect":"Deny","Sid":"A","Principal":{"AWS":["*"]},
     "Action":["s3:PutObject","s3:GetObject","s3:PutObject"],"Condition":{"Bool":{"aws:SecureTransport":false}}}],
    "Version":"2012-10-17"})", kDesired));
  EXPECT_TRUE(SameAsLive("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Sid%22%3A%22B%22%2C"
                           "%22Effect%22%3A%22Deny%22%2C%22Action%22%3A%22organizations%3ALeaveOrganization%22%2C"
                           "%22Resource%22%3A%22%2A%22%7D%7D",
                           json::parse(R"({"Version":"2012-10-17","Statement":[{"Sid":"B","Effect":"Deny",
                               "Action":"organizations:LeaveOrganization","Resource":"*"}]})")));
}

TEST(ServicePolicyComparisonTest, DifferencesThatMatterAreNotTheSame) {
  json other_effect = kDesired;
  other_effect["Statement"][1]["Effect"] = "Allow";
  EXPECT_FALSE(SameAsLive(other_effect.dump(), kDesired));
  json missing_action = kDesired;
  missing_action["Statement"][0]["Action"] = "s3:GetObject";
  EXPECT_FALSE(SameAsLive(missing_action.dump(), kDesired));
  json other_condition = kDesired;
  other_condition["Statement"][0]["Condition"]["Bool"]["aws:SecureTransport"] = "true";
  EXPECT_FALSE(SameAsLive(other_condition.dump(), kDesired));
  json dropped_statement = kDesired;
  dropped_statement["Statement"].erase(1);
  EXPECT_FALSE(SameAsLive(dropped_statement.dump(), kDesired));
  EXPECT_FALSE(SameAsLive("", kDesired));
  EXPECT_FALSE(SameAsLive("{not json", kDesired));
}

}  // namespace
}  // namespace foyer::iam
