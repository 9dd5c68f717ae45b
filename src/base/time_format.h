// Timestamps as AWS writes them.
#ifndef FOYER_BASE_TIME_FORMAT_H_
#define FOYER_BASE_TIME_FORMAT_H_

#include <chrono>
#include <string>
#include <string_view>

#include "base/result.h"

namespace foyer {

using SystemTime = std::chrono::system_clock::time_point;

// "2026-11-27T22:49:27Z" (UTC, whole seconds): the form of the
// credential_process Expiration and of AWS_CREDENTIAL_EXPIRATION.
std::string FormatRfc3339(SystemTime time);

// Parses ISO 8601 / RFC 3339 date-times as AWS services return them:
// "2026-11-27T22:49:27Z", "2026-11-27T22:49:27.123Z", "2026-11-27T22:49:27+01:00",
// "2026-11-27T22:49:27UTC" (the SSO token cache). Fractions are truncated to
// whole seconds.
Result<SystemTime> ParseIso8601(std::string_view text);

// "in 59m", "in 3h12m", "expired 5m ago": for people.
std::string DescribeRemaining(SystemTime expiry, SystemTime now);

}  // namespace foyer

#endif  // FOYER_BASE_TIME_FORMAT_H_
