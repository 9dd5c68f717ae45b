// The audit trail family: in the audit account, the bucket the organization
// trail writes to (AuditBucketName: versioned, encrypted, public access
// blocked, ACLs off, the policy of audit_trail_documents.h); in the
// management account, the organization trail kOrganizationTrailName
// (organization-wide, every region, log-file validation) with logging on,
// and CloudTrail's trusted access to the organization it needs.
//
// Nothing here is ever deleted by foyer: an audit trail that goes away is
// the incident it exists to record.
#ifndef FOYER_ORG_AUDIT_TRAIL_FAMILY_H_
#define FOYER_ORG_AUDIT_TRAIL_FAMILY_H_

#include <string>
#include <string_view>

#include "org/resource_family.h"

namespace foyer::org {

class AuditTrailFamily : public ResourceFamily {
 public:
  std::string_view Name() const override { return "audit trail"; }
  Status AddChanges(const PlanContext& context, Plan& plan) override;
};

// "s3_bucket.<audit account>/audit-trail"
std::string AuditBucketAddress(std::string_view audit_account_name);
// "cloudtrail_trail.management/foyer-organization-trail"
std::string OrganizationTrailAddress();

}  // namespace foyer::org

#endif  // FOYER_ORG_AUDIT_TRAIL_FAMILY_H_
