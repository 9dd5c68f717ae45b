#include "creds/refreshing_provider.h"

#include <utility>

namespace foyer::creds {

RefreshingProvider::RefreshingProvider(Fetch fetch, Now now, aws::Clock::duration window)
    : fetch_(std::move(fetch)), now_(std::move(now)), window_(window) {}

Result<aws::Credentials> RefreshingProvider::Retrieve() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cached_ && !cached_->ExpiresWithin(window_, now_())) return *cached_;
  Result<aws::Credentials> fresh = fetch_();
  if (!fresh.ok()) return fresh.error();
  cached_ = *fresh;
  return fresh;
}

}  // namespace foyer::creds
