#include "org/guardrail_policy_comparison.h"

#include <gtest/gtest.h>

namespace foyer::org {
namespace {

using nlohmann::json;

const json kDesired = json::parse(R"({"Version":"2012-10-17","Statement":[
  {"Sid":"A","Effect":"Deny","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::b/*",
   "Principal":{"AWS":"*"},"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
  {"Sid":"B","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]})");

TEST(GuardrailPolicyComparisonTest, ReformattedDocumentsAreTheSame) {
  // Reordered statements and actions, lists for strings, a boolean for its
  // text, whitespace, a duplicate: all as services may return them.
  EXPECT_TRUE(SameDocument(R"({ "Statement" : [
    {"Sid":"B","Effect":"Deny","Action":["organizations:LeaveOrganization"],"Resource":["*"]},
    {"Resource":["arn:aws:s3:::b/*"],"Effect":"Deny","Sid":"A","Principal":{"AWS":["*"]},
     "Action":["s3:PutObject","s3:GetObject","s3:PutObject"],"Condition":{"Bool":{"aws:SecureTransport":false}}}],
    "Version":"2012-10-17"})", kDesired));
  EXPECT_TRUE(SameDocument("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Sid%22%3A%22B%22%2C"
                           "%22Effect%22%3A%22Deny%22%2C%22Action%22%3A%22organizations%3ALeaveOrganization%22%2C"
                           "%22Resource%22%3A%22%2A%22%7D%7D",
                           json::parse(R"({"Version":"2012-10-17","Statement":[{"Sid":"B","Effect":"Deny",
                               "Action":"organizations:LeaveOrganization","Resource":"*"}]})")));
}

TEST(GuardrailPolicyComparisonTest, DifferencesThatMatterAreNotTheSame) {
  json other_effect = kDesired;
  other_effect["Statement"][1]["Effect"] = "Allow";
  EXPECT_FALSE(SameDocument(other_effect.dump(), kDesired));
  json missing_action = kDesired;
  missing_action["Statement"][0]["Action"] = "s3:GetObject";
  EXPECT_FALSE(SameDocument(missing_action.dump(), kDesired));
  json other_condition = kDesired;
  other_condition["Statement"][0]["Condition"]["Bool"]["aws:SecureTransport"] = "true";
  EXPECT_FALSE(SameDocument(other_condition.dump(), kDesired));
  json dropped_statement = kDesired;
  dropped_statement["Statement"].erase(1);
  EXPECT_FALSE(SameDocument(dropped_statement.dump(), kDesired));
  EXPECT_FALSE(SameDocument("", kDesired));
  EXPECT_FALSE(SameDocument("{not json", kDesired));
}

}  // namespace
}  // namespace foyer::org
