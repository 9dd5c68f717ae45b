#include "aws/cloudtrail.h"

#include <utility>

#include "aws/json_protocol.h"
#include "aws/paginate.h"

namespace foyer::aws {
namespace {

const ServiceDescription kCloudTrail = {
    .name = "CloudTrail",
    .endpoint_prefix = "cloudtrail",
    .protocol = Protocol::kJson,
    .json_target_prefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
    .json_version = "1.1",
};

nlohmann::json SettingsToJson(const TrailSettings& settings) {
  nlohmann::json input = {{"Name", settings.name}};
  auto add_string = [&](const char* member, const std::string& value) {
    if (!value.empty()) input[member] = value;
  };
  auto add_bool = [&](const char* member, const std::optional<bool>& value) {
    if (value.has_value()) input[member] = *value;
  };
  add_string("S3BucketName", settings.s3_bucket_name);
  add_string("S3KeyPrefix", settings.s3_key_prefix);
  add_string("KmsKeyId", settings.kms_key_id);
  add_bool("IsMultiRegionTrail", settings.is_multi_region_trail);
  add_bool("IsOrganizationTrail", settings.is_organization_trail);
  add_bool("EnableLogFileValidation", settings.enable_log_file_validation);
  add_bool("IncludeGlobalServiceEvents", settings.include_global_service_events);
  return input;
}

// CreateTrail and UpdateTrail answer with the trail's members at the top
// level; GetTrail and DescribeTrails wrap them in a Trail object.
Trail TrailFromJson(const nlohmann::json& json) {
  Trail trail;
  trail.name = JsonString(json, "Name");
  trail.arn = JsonString(json, "TrailARN");
  trail.home_region = JsonString(json, "HomeRegion");
  trail.s3_bucket_name = JsonString(json, "S3BucketName");
  trail.s3_key_prefix = JsonString(json, "S3KeyPrefix");
  trail.kms_key_id = JsonString(json, "KmsKeyId");
  trail.is_multi_region_trail = JsonBool(json, "IsMultiRegionTrail");
  trail.is_organization_trail = JsonBool(json, "IsOrganizationTrail");
  trail.log_file_validation_enabled = JsonBool(json, "LogFileValidationEnabled");
  trail.include_global_service_events = JsonBool(json, "IncludeGlobalServiceEvents");
  return trail;
}

}  // namespace

CloudTrailClient::CloudTrailClient(ClientConfig config) : caller_(std::move(config), kCloudTrail) {}

Result<Trail> CloudTrailClient::CreateTrail(const TrailSettings& settings) {
  Result<nlohmann::json> output = caller_.CallJson("CreateTrail", SettingsToJson(settings));
  if (!output.ok()) return output.error();
  return TrailFromJson(*output);
}

Result<Trail> CloudTrailClient::GetTrail(const std::string& name) {
  Result<nlohmann::json> output = caller_.CallJson("GetTrail", {{"Name", name}});
  if (!output.ok()) return output.error();
  return TrailFromJson(JsonObject(*output, "Trail"));
}

Result<std::vector<Trail>> CloudTrailClient::DescribeTrails(bool include_shadow_trails) {
  Result<nlohmann::json> output =
      caller_.CallJson("DescribeTrails", {{"includeShadowTrails", include_shadow_trails}});
  if (!output.ok()) return output.error();
  std::vector<Trail> trails;
  for (const nlohmann::json& trail : JsonArray(*output, "trailList")) {
    trails.push_back(TrailFromJson(trail));
  }
  return trails;
}

Result<Trail> CloudTrailClient::UpdateTrail(const TrailSettings& settings) {
  Result<nlohmann::json> output = caller_.CallJson("UpdateTrail", SettingsToJson(settings));
  if (!output.ok()) return output.error();
  return TrailFromJson(*output);
}

Status CloudTrailClient::DeleteTrail(const std::string& name) {
  Result<nlohmann::json> output = caller_.CallJson("DeleteTrail", {{"Name", name}});
  if (!output.ok()) return output.error();
  return OkStatus();
}

Status CloudTrailClient::StartLogging(const std::string& name) {
  Result<nlohmann::json> output = caller_.CallJson("StartLogging", {{"Name", name}});
  if (!output.ok()) return output.error();
  return OkStatus();
}

Status CloudTrailClient::StopLogging(const std::string& name) {
  Result<nlohmann::json> output = caller_.CallJson("StopLogging", {{"Name", name}});
  if (!output.ok()) return output.error();
  return OkStatus();
}

Result<TrailStatus> CloudTrailClient::GetTrailStatus(const std::string& name) {
  Result<nlohmann::json> output = caller_.CallJson("GetTrailStatus", {{"Name", name}});
  if (!output.ok()) return output.error();
  return TrailStatus{JsonBool(*output, "IsLogging"), JsonString(*output, "LatestDeliveryError")};
}

Status CloudTrailClient::AddTags(const std::string& trail_arn, const TagList& tags) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [key, value] : tags) list.push_back({{"Key", key}, {"Value", value}});
  Result<nlohmann::json> output = caller_.CallJson("AddTags", {{"ResourceId", trail_arn}, {"TagsList", list}});
  if (!output.ok()) return output.error();
  return OkStatus();
}

Result<TagList> CloudTrailClient::ListTags(const std::string& trail_arn) {
  TagList tags;
  Status status = ForEachPage([&](const std::string& token) -> Result<std::string> {
    nlohmann::json input = {{"ResourceIdList", {trail_arn}}};
    if (!token.empty()) input["NextToken"] = token;
    Result<nlohmann::json> page = caller_.CallJson("ListTags", input);
    if (!page.ok()) return page.error();
    for (const nlohmann::json& resource : JsonArray(*page, "ResourceTagList")) {
      for (const nlohmann::json& tag : JsonArray(resource, "TagsList")) {
        tags.emplace_back(JsonString(tag, "Key"), JsonString(tag, "Value"));
      }
    }
    return JsonString(*page, "NextToken");
  });
  if (!status.ok()) return status.error();
  return tags;
}

}  // namespace foyer::aws
