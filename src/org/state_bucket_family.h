// The state family: in the deploy account, one Terraform state bucket per
// region of `regions` (StateBucketName, created in its region, with the
// settings of state_bucket_settings.h and the partitioning policy of
// state_bucket_documents.h), and the DynamoDB table holding the
// `foyer apply` lock (kApplyLockTableName, on demand, key LockID) in the
// first region.
//
// Nothing here is deleted by foyer: state buckets hold every account's
// Terraform state.
#ifndef FOYER_ORG_STATE_BUCKET_FAMILY_H_
#define FOYER_ORG_STATE_BUCKET_FAMILY_H_

#include <string>
#include <string_view>

#include "org/resource_family.h"

namespace foyer::org {

class StateBucketFamily : public ResourceFamily {
 public:
  std::string_view Name() const override { return "state buckets"; }
  Status AddChanges(const PlanContext& context, Plan& plan) override;
};

// "s3_bucket.<deploy account>/terraform-state-<region>"
std::string StateBucketAddress(std::string_view deploy_account_name, std::string_view region);
// "dynamodb_table.<deploy account>/foyer-apply-lock"
std::string ApplyLockTableAddress(std::string_view deploy_account_name);

}  // namespace foyer::org

#endif  // FOYER_ORG_STATE_BUCKET_FAMILY_H_
