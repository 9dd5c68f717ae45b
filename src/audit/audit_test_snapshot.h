// A clean organization for the audit tests: access_graph's test snapshot
// with the guardrail SCPs attached and landing roles that allow
// sts:SetSourceIdentity, so that it has no finding at all; each test breaks
// one thing.
#ifndef FOYER_AUDIT_AUDIT_TEST_SNAPSHOT_H_
#define FOYER_AUDIT_AUDIT_TEST_SNAPSHOT_H_

#include <nlohmann/json.hpp>

#include "access_graph/test_snapshot.h"

namespace foyer::audit {

inline nlohmann::json GuardrailScp() {
  return nlohmann::json::parse(R"({"Version": "2012-10-17", "Statement": [
    {"Sid": "DenyLeave", "Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"},
    {"Sid": "ProtectTrail", "Effect": "Deny", "Action": ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"],
     "Resource": "arn:aws:cloudtrail:*:*:trail/foyer-organization-trail"},
    {"Sid": "DenyRoot", "Effect": "Deny", "Action": "*", "Resource": "*",
     "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}},
    {"Sid": "NeuterBootstrap", "Effect": "Deny", "Action": "*", "Resource": "*",
     "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole"}}}]})");
}

inline nlohmann::json DenyIamUsersScp() {
  return nlohmann::json::parse(R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Deny", "Action": ["iam:CreateUser", "iam:CreateAccessKey"], "Resource": "*"}]})");
}

inline nlohmann::json CleanSnapshot() {
  nlohmann::json snapshot = access_graph::TestSnapshot();
  nlohmann::json& scps = snapshot["organization"]["scps"];
  scps["r-root"].push_back(GuardrailScp());
  scps["ou-work"].push_back(DenyIamUsersScp());
  for (nlohmann::json& statement : snapshot["accounts"]["222222222222"]["roles"][0]["trust_policy"]["Statement"]) {
    statement["Action"] = {statement["Action"], "sts:SetSourceIdentity"};
  }
  return snapshot;
}

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_AUDIT_TEST_SNAPSHOT_H_
