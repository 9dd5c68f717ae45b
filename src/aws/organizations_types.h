// The typed requests and responses of OrganizationsClient (organizations.h).
#ifndef FOYER_AWS_ORGANIZATIONS_TYPES_H_
#define FOYER_AWS_ORGANIZATIONS_TYPES_H_

#include <string>
#include <vector>

#include "aws/iam_types.h"  // TagList, Timestamp

namespace foyer::aws {

struct PolicyTypeSummary {
  std::string type;    // "SERVICE_CONTROL_POLICY", "TAG_POLICY", ...
  std::string status;  // "ENABLED", "PENDING_ENABLE", "PENDING_DISABLE"
};

struct Organization {
  std::string id;
  std::string arn;
  std::string feature_set;
  std::string master_account_arn;
  std::string master_account_id;
  std::string master_account_email;
};

struct Root {
  std::string id;
  std::string arn;
  std::string name;
  std::vector<PolicyTypeSummary> policy_types;
};

struct OrganizationalUnit {
  std::string id;
  std::string arn;
  std::string name;
};

// A parent or child in the organization tree.
struct OrgNode {
  std::string id;
  std::string type;  // "ROOT", "ORGANIZATIONAL_UNIT" or "ACCOUNT"
};

struct Account {
  std::string id;
  std::string arn;
  std::string email;
  std::string name;
  std::string status;  // "ACTIVE", "SUSPENDED", "PENDING_CLOSURE"
  std::string joined_method;
  Timestamp joined_timestamp;
};

struct CreateAccountRequest {
  std::string email;
  std::string account_name;
  std::string role_name;  // empty: OrganizationAccountAccessRole
  std::string iam_user_access_to_billing;  // "ALLOW" / "DENY"; empty: not sent
  TagList tags;
};

struct CreateAccountStatus {
  std::string id;
  std::string account_name;
  std::string state;  // "IN_PROGRESS", "SUCCEEDED", "FAILED"
  std::string account_id;
  std::string failure_reason;
  Timestamp requested_timestamp;
  Timestamp completed_timestamp;
};

struct OrgPolicySummary {
  std::string id;
  std::string arn;
  std::string name;
  std::string description;
  std::string type;
  bool aws_managed = false;
};

struct OrgPolicy {
  OrgPolicySummary summary;
  std::string content;
};

struct CreateOrgPolicyRequest {
  std::string name;
  std::string description;
  std::string type = "SERVICE_CONTROL_POLICY";
  std::string content;
  TagList tags;
};

struct UpdateOrgPolicyRequest {
  std::string policy_id;
  std::string name;         // empty: unchanged
  std::string description;  // empty: unchanged
  std::string content;      // empty: unchanged
};

struct PolicyTarget {
  std::string target_id;
  std::string arn;
  std::string name;
  std::string type;  // "ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"
};

struct DelegatedAdministrator {
  Account account;
  Timestamp delegation_enabled_date;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_ORGANIZATIONS_TYPES_H_
