// AWS CloudTrail (JSON 1.1): the organization's audit trail.
#ifndef FOYER_AWS_CLOUDTRAIL_H_
#define FOYER_AWS_CLOUDTRAIL_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_call.h"
#include "base/result.h"

namespace foyer::aws {

// The settings of a trail, as created or updated. In an update, members
// left unset (nullopt / empty) are not sent and so stay as they are.
struct TrailSettings {
  std::string name;  // name or ARN; required
  std::string s3_bucket_name;
  std::string s3_key_prefix;
  std::string kms_key_id;
  std::optional<bool> is_multi_region_trail;
  std::optional<bool> is_organization_trail;
  std::optional<bool> enable_log_file_validation;
  std::optional<bool> include_global_service_events;
};

struct Trail {
  std::string name;
  std::string arn;
  std::string home_region;
  std::string s3_bucket_name;
  std::string s3_key_prefix;
  std::string kms_key_id;
  bool is_multi_region_trail = false;
  bool is_organization_trail = false;
  bool log_file_validation_enabled = false;
  bool include_global_service_events = false;
};

struct TrailStatus {
  bool is_logging = false;
  std::string latest_delivery_error;
};

using TagList = std::vector<std::pair<std::string, std::string>>;

class CloudTrailClient {
 public:
  explicit CloudTrailClient(ClientConfig config);

  Result<Trail> CreateTrail(const TrailSettings& settings);
  // "TrailNotFoundException" when there is none.
  Result<Trail> GetTrail(const std::string& name);
  // Trails of this region, and (include_shadow_trails) those replicated here
  // from other regions and from the organization.
  Result<std::vector<Trail>> DescribeTrails(bool include_shadow_trails = true);
  Result<Trail> UpdateTrail(const TrailSettings& settings);
  Status DeleteTrail(const std::string& name);
  Status StartLogging(const std::string& name);
  Status StopLogging(const std::string& name);
  Result<TrailStatus> GetTrailStatus(const std::string& name);
  // `trail_arn` must be an ARN.
  Status AddTags(const std::string& trail_arn, const TagList& tags);
  Result<TagList> ListTags(const std::string& trail_arn);

 private:
  ServiceCaller caller_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_CLOUDTRAIL_H_
