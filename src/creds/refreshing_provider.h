// Keeps the credentials a fetch function returns and fetches again only
// when they come within a window of their expiry (15 minutes, as the AWS
// CLI does for assumed roles). Credentials without an expiry are fetched
// once. Safe to share between threads: one fetch at a time.
#ifndef FOYER_CREDS_REFRESHING_PROVIDER_H_
#define FOYER_CREDS_REFRESHING_PROVIDER_H_

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

#include "aws/credentials.h"

namespace foyer::creds {

inline constexpr std::chrono::minutes kRefreshWindow{15};

class RefreshingProvider : public aws::CredentialsProvider {
 public:
  using Fetch = std::function<Result<aws::Credentials>()>;
  using Now = std::function<aws::Clock::time_point()>;

  RefreshingProvider(Fetch fetch, Now now, aws::Clock::duration window = kRefreshWindow);

  Result<aws::Credentials> Retrieve() override;

 private:
  Fetch fetch_;
  Now now_;
  aws::Clock::duration window_;
  std::mutex mutex_;
  std::optional<aws::Credentials> cached_;
};

}  // namespace foyer::creds

#endif  // FOYER_CREDS_REFRESHING_PROVIDER_H_
