#include "login/regional_sts.h"

namespace foyer::login {

bool RegionUnavailable(const Error& error) {
  return error.code == "ConnectionError" || error.code == "Timeout" || error.http_status >= 500;
}

namespace {

constexpr int kOneHour = 3600;

bool DurationTooLong(const Error& error) {
  return error.code == "ValidationError" && error.message.find("DurationSeconds") != std::string::npos;
}

}  // namespace

Result<aws::AssumedRole> AssumeWithHourFallback(
    const aws::ClientConfig& base, const std::vector<std::string>& regions, int duration_seconds,
    const std::function<Result<aws::AssumedRole>(aws::StsClient&, int duration_seconds)>& assume) {
  auto asking = [&](int duration) {
    std::function<Result<aws::AssumedRole>(aws::StsClient&)> call = [&](aws::StsClient& sts) {
      return assume(sts, duration);
    };
    return WithRegionalFailover(base, regions, call);
  };
  auto assumed = asking(duration_seconds);
  if (!assumed.ok() && DurationTooLong(assumed.error()) && duration_seconds > kOneHour) {
    assumed = asking(kOneHour);
  }
  return assumed;
}

}  // namespace foyer::login
