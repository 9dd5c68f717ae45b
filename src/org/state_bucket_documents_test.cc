#include "org/state_bucket_documents.h"

#include <gtest/gtest.h>

#include "org/audit_trail_documents.h"

namespace foyer::org {
namespace {

using nlohmann::json;

TEST(StateBucketDocumentsTest, EachAccountReachesOnlyItsOwnPrefixAndAdminNothing) {
  EXPECT_EQ(StateBucketPolicy("aws", "foyer-tfstate-444444444444-us-west-2", "o-abc123", "222222222222"),
            json::parse(R"({"Version":"2012-10-17","Statement":[
    {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
     "Resource":["arn:aws:s3:::foyer-tfstate-444444444444-us-west-2","arn:aws:s3:::foyer-tfstate-444444444444-us-west-2/*"],
     "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
    {"Sid":"DenyAdminAccount","Effect":"Deny","Principal":"*","Action":"s3:*",
     "Resource":["arn:aws:s3:::foyer-tfstate-444444444444-us-west-2","arn:aws:s3:::foyer-tfstate-444444444444-us-west-2/*"],
     "Condition":{"StringEquals":{"aws:PrincipalAccount":"222222222222"}}},
    {"Sid":"DenyObjectsOutsideOwnPrefix","Effect":"Deny","Principal":"*",
     "Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],
     "NotResource":"arn:aws:s3:::foyer-tfstate-444444444444-us-west-2/${aws:PrincipalAccount}/*"},
    {"Sid":"AccountsReadWriteOwnPrefix","Effect":"Allow","Principal":{"AWS":"*"},
     "Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],
     "Resource":"arn:aws:s3:::foyer-tfstate-444444444444-us-west-2/${aws:PrincipalAccount}/*",
     "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"},
                  "StringNotEquals":{"aws:PrincipalAccount":"222222222222"}}},
    {"Sid":"AccountsListOwnPrefix","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:ListBucket",
     "Resource":"arn:aws:s3:::foyer-tfstate-444444444444-us-west-2",
     "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"},
                  "StringNotEquals":{"aws:PrincipalAccount":"222222222222"},
                  "StringLike":{"s3:prefix":"${aws:PrincipalAccount}/*"}}}]})"));
}

TEST(StateBucketDocumentsTest, FitsTheBucketPolicySizeLimitWhateverTheNumberOfAccounts) {
  // Nothing in the document lists accounts: its size is fixed by the names.
  EXPECT_LT(StateBucketPolicy("aws", "foyer-tfstate-444444444444-ap-southeast-2", "o-abcdefghij", "222222222222")
                .dump()
                .size(),
            20u * 1024u);
}

TEST(AuditTrailDocumentsTest, BucketPolicyLetsOnlyFoyersTrailWrite) {
  const std::string trail = OrganizationTrailArn("aws", "us-east-1", "123456789012");
  EXPECT_EQ(trail, "arn:aws:cloudtrail:us-east-1:123456789012:trail/foyer-organization-trail");
  EXPECT_EQ(AuditBucketPolicy("aws", "foyer-audit-333333333333", trail, "123456789012", "o-abc123"),
            json::parse(R"({"Version":"2012-10-17","Statement":[
    {"Sid":"CloudTrailAclCheck","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},
     "Action":"s3:GetBucketAcl","Resource":"arn:aws:s3:::foyer-audit-333333333333",
     "Condition":{"StringEquals":{"aws:SourceArn":"arn:aws:cloudtrail:us-east-1:123456789012:trail/foyer-organization-trail"}}},
    {"Sid":"CloudTrailWriteManagementAccount","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},
     "Action":"s3:PutObject","Resource":"arn:aws:s3:::foyer-audit-333333333333/AWSLogs/123456789012/*",
     "Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control",
        "aws:SourceArn":"arn:aws:cloudtrail:us-east-1:123456789012:trail/foyer-organization-trail"}}},
    {"Sid":"CloudTrailWriteOrganization","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},
     "Action":"s3:PutObject","Resource":"arn:aws:s3:::foyer-audit-333333333333/AWSLogs/o-abc123/*",
     "Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control",
        "aws:SourceArn":"arn:aws:cloudtrail:us-east-1:123456789012:trail/foyer-organization-trail"}}},
    {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
     "Resource":["arn:aws:s3:::foyer-audit-333333333333","arn:aws:s3:::foyer-audit-333333333333/*"],
     "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})"));
}

}  // namespace
}  // namespace foyer::org
