// STS in every region of the admin account, in order (rule S5): access must
// survive a regional outage, so a call that gets no answer from one region's
// STS is tried in the next.
#ifndef FOYER_LOGIN_REGIONAL_STS_H_
#define FOYER_LOGIN_REGIONAL_STS_H_

#include <functional>
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/sts.h"
#include "base/result.h"

namespace foyer::login {

// True for failures that say the region did not answer (connection errors,
// timeouts, 5xx), as opposed to an answer that refuses: only those move on
// to the next region.
bool RegionUnavailable(const Error& error);

// Runs `call` against STS in each of `regions` until one answers. The
// returned error, when all fail, names every region tried.
// REQUIRES: !regions.empty()
template <typename T>
Result<T> WithRegionalFailover(const aws::ClientConfig& base, const std::vector<std::string>& regions,
                               const std::function<Result<T>(aws::StsClient&)>& call) {
  std::string tried;
  for (size_t i = 0; i < regions.size(); ++i) {
    aws::ClientConfig config = base;
    config.region = regions[i];
    aws::StsClient sts(std::move(config));
    Result<T> result = call(sts);
    if (result.ok() || !RegionUnavailable(result.error()) || i + 1 == regions.size()) {
      if (!result.ok() && !tried.empty()) {
        result.error().message += " (STS also failed in " + tried + ")";
      }
      return result;
    }
    tried += (tried.empty() ? "" : ", ") + regions[i];
  }
  return MakeError("InternalError", "no region to call STS in");
}

// Assumes a landing role region by region with `assume`, which is given
// the session length to ask for: `duration_seconds` first and, when STS
// says the role (or the assertion) does not allow that long, one hour,
// which every role allows.
Result<aws::AssumedRole> AssumeWithHourFallback(
    const aws::ClientConfig& base, const std::vector<std::string>& regions, int duration_seconds,
    const std::function<Result<aws::AssumedRole>(aws::StsClient&, int duration_seconds)>& assume);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_REGIONAL_STS_H_
