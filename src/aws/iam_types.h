// The typed requests and responses of IamClient (iam.h).
//
// Policy documents are always JSON text here: IAM sends some of them
// URL-encoded and the client decodes them (iam_document.h).
#ifndef FOYER_AWS_IAM_TYPES_H_
#define FOYER_AWS_IAM_TYPES_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aws/credentials.h"

namespace foyer::aws {

using TagList = std::vector<std::pair<std::string, std::string>>;
using Timestamp = std::optional<Clock::time_point>;

struct IamRole {
  std::string path;
  std::string role_name;
  std::string role_id;
  std::string arn;
  Timestamp create_date;
  std::string assume_role_policy_document;
  std::string description;
  std::optional<int> max_session_duration;
  std::string permissions_boundary_arn;
  TagList tags;  // GetRole returns them; ListRoles does not
  Timestamp last_used_date;
  std::string last_used_region;
};

struct CreateRoleRequest {
  std::string role_name;
  std::string path;  // empty: "/"
  std::string assume_role_policy_document;
  std::string description;
  std::optional<int> max_session_duration;
  std::string permissions_boundary;
  TagList tags;
};

struct UpdateRoleRequest {
  std::string role_name;
  std::optional<std::string> description;  // nullopt: unchanged
  std::optional<int> max_session_duration;
};

struct InlinePolicy {
  std::string policy_name;
  std::string policy_document;
};

struct AttachedPolicy {
  std::string policy_name;
  std::string policy_arn;
};

struct ManagedPolicy {
  std::string policy_name;
  std::string policy_id;
  std::string arn;
  std::string path;
  std::string default_version_id;
  std::string description;
  int attachment_count = 0;
  bool is_attachable = false;
  Timestamp create_date;
  Timestamp update_date;
  TagList tags;
};

struct CreatePolicyRequest {
  std::string policy_name;
  std::string path;  // empty: "/"
  std::string policy_document;
  std::string description;
  TagList tags;
};

struct PolicyVersion {
  std::string document;  // empty in ListPolicyVersions
  std::string version_id;
  bool is_default_version = false;
  Timestamp create_date;
};

struct IamUser {
  std::string path;
  std::string user_name;
  std::string user_id;
  std::string arn;
  Timestamp create_date;
  std::string permissions_boundary_arn;
  TagList tags;
};

struct CreateUserRequest {
  std::string user_name;
  std::string path;  // empty: "/"
  std::string permissions_boundary;
  TagList tags;
};

struct AccessKey {
  std::string user_name;
  std::string access_key_id;
  std::string status;             // "Active" | "Inactive"
  std::string secret_access_key;  // CreateAccessKey only; never logged
  Timestamp create_date;
};

struct AccessKeyLastUsed {
  std::string user_name;
  Timestamp last_used_date;
  std::string service_name;
  std::string region;
};

struct VirtualMfaDevice {
  std::string serial_number;
  std::string base32_string_seed;  // the TOTP secret; never logged
};

struct MfaDevice {
  std::string user_name;
  std::string serial_number;
  Timestamp enable_date;
};

struct OidcProvider {
  std::string arn;
  std::string url;
  std::vector<std::string> client_ids;
  std::vector<std::string> thumbprints;
  Timestamp create_date;
  TagList tags;
};

struct CreateOidcProviderRequest {
  std::string url;
  std::vector<std::string> client_ids;
  std::vector<std::string> thumbprints;
  TagList tags;
};

struct SamlProvider {
  std::string arn;
  std::string metadata_document;  // empty in ListSAMLProviders
  Timestamp create_date;
  Timestamp valid_until;
  TagList tags;
};

// GetAccountAuthorizationDetails, all pages.
struct RoleDetail {
  IamRole role;
  std::vector<InlinePolicy> inline_policies;
  std::vector<AttachedPolicy> attached_policies;
};

struct UserDetail {
  IamUser user;
  std::vector<std::string> groups;
  std::vector<InlinePolicy> inline_policies;
  std::vector<AttachedPolicy> attached_policies;
};

// A group and its own policies; its members are in each UserDetail's `groups`.
struct GroupDetail {
  std::string group_name;
  std::string arn;
  std::vector<InlinePolicy> inline_policies;
  std::vector<AttachedPolicy> attached_policies;
};

struct PolicyDetail {
  ManagedPolicy policy;
  std::vector<PolicyVersion> versions;
  // The document of the default version ("" when the response has none).
  std::string default_version_document;
};

struct AuthorizationDetails {
  std::vector<RoleDetail> roles;
  std::vector<UserDetail> users;
  std::vector<GroupDetail> groups;
  std::vector<PolicyDetail> policies;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_IAM_TYPES_H_
