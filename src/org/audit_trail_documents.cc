#include "org/audit_trail_documents.h"

#include "org/state_bucket_documents.h"
#include "org/storage_naming.h"

namespace foyer::org {

using nlohmann::json;

std::string OrganizationTrailArn(const std::string& partition, const std::string& home_region,
                                 const std::string& management_account_id) {
  return "arn:" + partition + ":cloudtrail:" + home_region + ":" + management_account_id + ":trail/" +
         std::string(kOrganizationTrailName);
}

json AuditBucketPolicy(const std::string& partition, const std::string& bucket, const std::string& trail_arn,
                       const std::string& management_account_id, const std::string& organization_id) {
  const std::string arn = "arn:" + partition + ":s3:::" + bucket;
  const json cloudtrail = {{"Service", "cloudtrail.amazonaws.com"}};
  const json write_condition = {{"StringEquals",
                                 {{"s3:x-amz-acl", "bucket-owner-full-control"}, {"aws:SourceArn", trail_arn}}}};
  return {{"Version", "2012-10-17"},
          {"Statement",
           {{{"Sid", "CloudTrailAclCheck"},
             {"Effect", "Allow"},
             {"Principal", cloudtrail},
             {"Action", "s3:GetBucketAcl"},
             {"Resource", arn},
             {"Condition", {{"StringEquals", {{"aws:SourceArn", trail_arn}}}}}},
            {{"Sid", "CloudTrailWriteManagementAccount"},
             {"Effect", "Allow"},
             {"Principal", cloudtrail},
             {"Action", "s3:PutObject"},
             {"Resource", arn + "/AWSLogs/" + management_account_id + "/*"},
             {"Condition", write_condition}},
            {{"Sid", "CloudTrailWriteOrganization"},
             {"Effect", "Allow"},
             {"Principal", cloudtrail},
             {"Action", "s3:PutObject"},
             {"Resource", arn + "/AWSLogs/" + organization_id + "/*"},
             {"Condition", write_condition}},
            DenyInsecureTransportStatement(partition, bucket)}}};
}

}  // namespace foyer::org
