// The organization trail and the bucket policy CloudTrail needs to write
// into the audit account's bucket.
#ifndef FOYER_ORG_AUDIT_TRAIL_DOCUMENTS_H_
#define FOYER_ORG_AUDIT_TRAIL_DOCUMENTS_H_

#include <string>

#include <nlohmann/json.hpp>

namespace foyer::org {

// The ARN of the organization trail, made in `home_region` of the
// management account.
std::string OrganizationTrailArn(const std::string& partition, const std::string& home_region,
                                 const std::string& management_account_id);

// The audit bucket's policy: CloudTrail may read the bucket ACL and write
// log files (owner full control) for the management account and the whole
// organization, and only for foyer's trail (aws:SourceArn, so no other
// trail can use the bucket); every request not over TLS is denied.
nlohmann::json AuditBucketPolicy(const std::string& partition, const std::string& bucket,
                                 const std::string& trail_arn, const std::string& management_account_id,
                                 const std::string& organization_id);

}  // namespace foyer::org

#endif  // FOYER_ORG_AUDIT_TRAIL_DOCUMENTS_H_
