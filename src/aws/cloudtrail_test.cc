#include "aws/cloudtrail.h"

#include <deque>

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

class CloudTrailClientTest : public ::testing::Test {
 protected:
  CloudTrailClient MakeClient() {
    ClientConfig config;
    config.region = "us-east-1";
    config.credentials = std::make_shared<StaticCredentialsProvider>(Credentials{"AKID", "secret", "", std::nullopt, "test"});
    config.transport = transport_;
    config.retry.max_attempts = 1;
    return CloudTrailClient(config);
  }
  nlohmann::json SentBody(size_t index) { return nlohmann::json::parse(transport_->requests.at(index).body); }
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
};

constexpr char kTrailJson[] = R"({"Name":"org","TrailARN":"arn:aws:cloudtrail:us-east-1:111122223333:trail/org",
    "HomeRegion":"us-east-1","S3BucketName":"audit-logs","S3KeyPrefix":"p","KmsKeyId":"arn:k",
    "IsMultiRegionTrail":true,"IsOrganizationTrail":true,"LogFileValidationEnabled":true,
    "IncludeGlobalServiceEvents":true})";

TEST_F(CloudTrailClientTest, CreateTrailSendsOnlyTheSettingsGiven) {
  transport_->responses.push_back({200, {}, kTrailJson});
  CloudTrailClient cloudtrail = MakeClient();
  TrailSettings settings;
  settings.name = "org";
  settings.s3_bucket_name = "audit-logs";
  settings.kms_key_id = "arn:k";
  settings.is_multi_region_trail = true;
  settings.is_organization_trail = true;
  settings.enable_log_file_validation = true;
  Result<Trail> trail = cloudtrail.CreateTrail(settings);
  ASSERT_TRUE(trail.ok()) << trail.error().Describe();
  EXPECT_EQ(trail->name, "org");
  EXPECT_EQ(trail->arn, "arn:aws:cloudtrail:us-east-1:111122223333:trail/org");
  EXPECT_EQ(trail->home_region, "us-east-1");
  EXPECT_EQ(trail->s3_bucket_name, "audit-logs");
  EXPECT_EQ(trail->s3_key_prefix, "p");
  EXPECT_EQ(trail->kms_key_id, "arn:k");
  EXPECT_TRUE(trail->is_multi_region_trail);
  EXPECT_TRUE(trail->is_organization_trail);
  EXPECT_TRUE(trail->log_file_validation_enabled);
  EXPECT_TRUE(trail->include_global_service_events);

  const HttpRequest& sent = transport_->requests.at(0);
  EXPECT_EQ(sent.url, "https://cloudtrail.us-east-1.amazonaws.com/");
  EXPECT_EQ(sent.Header("X-Amz-Target"),
            "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.CreateTrail");
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"Name":"org","S3BucketName":"audit-logs",
      "KmsKeyId":"arn:k","IsMultiRegionTrail":true,"IsOrganizationTrail":true,
      "EnableLogFileValidation":true})"));
}

TEST_F(CloudTrailClientTest, GetTrailAndDescribeTrailsUnwrapTrails) {
  transport_->responses.push_back({200, {}, std::string(R"({"Trail":)") + kTrailJson + "}"});
  transport_->responses.push_back({200, {}, std::string(R"({"trailList":[)") + kTrailJson + "]}"});
  CloudTrailClient cloudtrail = MakeClient();
  Result<Trail> trail = cloudtrail.GetTrail("org");
  ASSERT_TRUE(trail.ok());
  EXPECT_EQ(trail->s3_bucket_name, "audit-logs");
  Result<std::vector<Trail>> trails = cloudtrail.DescribeTrails(false);
  ASSERT_TRUE(trails.ok());
  ASSERT_EQ(trails->size(), 1u);
  EXPECT_EQ((*trails)[0].arn, "arn:aws:cloudtrail:us-east-1:111122223333:trail/org");
  EXPECT_EQ(SentBody(1), nlohmann::json::parse(R"({"includeShadowTrails":false})"));
}

TEST_F(CloudTrailClientTest, UpdateTrailCanTurnSettingsOff) {
  transport_->responses.push_back({200, {}, R"({"Name":"org","LogFileValidationEnabled":false})"});
  CloudTrailClient cloudtrail = MakeClient();
  TrailSettings settings;
  settings.name = "org";
  settings.enable_log_file_validation = false;
  Result<Trail> trail = cloudtrail.UpdateTrail(settings);
  ASSERT_TRUE(trail.ok());
  EXPECT_FALSE(trail->log_file_validation_enabled);
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"Name":"org","EnableLogFileValidation":false})"));
}

TEST_F(CloudTrailClientTest, StatusAndTags) {
  transport_->responses.push_back({200, {}, R"({"IsLogging":true,"LatestDeliveryError":"AccessDenied"})"});
  transport_->responses.push_back({200, {}, "{}"});
  transport_->responses.push_back({200, {}, R"({"ResourceTagList":[{"ResourceId":"arn:t",
      "TagsList":[{"Key":"foyer:managed","Value":"true"}]}]})"});
  CloudTrailClient cloudtrail = MakeClient();
  Result<TrailStatus> status = cloudtrail.GetTrailStatus("org");
  ASSERT_TRUE(status.ok());
  EXPECT_TRUE(status->is_logging);
  EXPECT_EQ(status->latest_delivery_error, "AccessDenied");
  ASSERT_TRUE(cloudtrail.AddTags("arn:t", {{"foyer:managed", "true"}}).ok());
  EXPECT_EQ(SentBody(1), nlohmann::json::parse(
                             R"({"ResourceId":"arn:t","TagsList":[{"Key":"foyer:managed","Value":"true"}]})"));
  Result<TagList> tags = cloudtrail.ListTags("arn:t");
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (TagList{{"foyer:managed", "true"}}));
  EXPECT_EQ(SentBody(2), nlohmann::json::parse(R"({"ResourceIdList":["arn:t"]})"));
}

TEST_F(CloudTrailClientTest, MissingTrailKeepsItsCode) {
  transport_->responses.push_back(
      {400, {}, R"({"__type":"TrailNotFoundException","message":"Unknown trail: org"})"});
  CloudTrailClient cloudtrail = MakeClient();
  Result<Trail> trail = cloudtrail.GetTrail("org");
  ASSERT_FALSE(trail.ok());
  EXPECT_EQ(trail.error().code, "TrailNotFoundException");
}

}  // namespace
}  // namespace foyer::aws
