// Names of the buckets, trail and lock table foyer keeps in the audit and
// deploy accounts, shared by the families that create them, the Terraform
// generator that points backends at them and the analyzer that checks them.
//
// Bucket names are global across AWS, so each carries the id of the account
// that owns it (and the region for regional ones): two organizations never
// collide and a name says where it lives.
#ifndef FOYER_ORG_STORAGE_NAMING_H_
#define FOYER_ORG_STORAGE_NAMING_H_

#include <string>
#include <string_view>

namespace foyer::org {

// The organization trail's bucket in the audit account.
inline std::string AuditBucketName(std::string_view audit_account_id) {
  return "foyer-audit-" + std::string(audit_account_id);
}

// The organization trail, created in the management account.
inline constexpr std::string_view kOrganizationTrailName = "foyer-organization-trail";

// The Terraform state bucket of `region` in the deploy account.
inline std::string StateBucketName(std::string_view deploy_account_id, std::string_view region) {
  return "foyer-tfstate-" + std::string(deploy_account_id) + "-" + std::string(region);
}

// Every state object of account `account_id` lives under this prefix; the
// state buckets' policy lets each account's principals reach only their own
// prefix (`${aws:PrincipalAccount}/`), so one account cannot touch another's
// state.
inline std::string StateKeyPrefix(std::string_view account_id) {
  return std::string(account_id) + "/";
}

// The DynamoDB table in the deploy account holding the `foyer apply` lock.
inline constexpr std::string_view kApplyLockTableName = "foyer-apply-lock";

}  // namespace foyer::org

#endif  // FOYER_ORG_STORAGE_NAMING_H_
