// Retries, as the AWS SDKs' "standard" retry mode does them, and clock-skew
// correction.
//
// SendWithRetries is the one loop every AWS call goes through: sign with the
// (skew-corrected) current time, send, classify, back off, try again.
#ifndef FOYER_AWS_RETRY_H_
#define FOYER_AWS_RETRY_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "aws/credentials.h"
#include "aws/http.h"

namespace foyer::aws {

// Standard mode's retry quota: a bucket of tokens shared by every call that
// uses it (by default, every call in the process). A retry takes 5 tokens
// (10 after a timeout); a success gives back what its last retry took, or 1
// when it needed none. When the service is down, a run of many calls thus
// stops retrying after about a hundred failed retries instead of
// multiplying the load and the wait. Thread-safe.
class RetryQuota {
 public:
  static constexpr int kCapacity = 500;
  static constexpr int kRetryCost = 5;
  static constexpr int kTimeoutRetryCost = 10;
  static constexpr int kSuccessRefill = 1;

  explicit RetryQuota(int capacity = kCapacity) : capacity_(capacity), tokens_(capacity) {}
  // The quota every RetryConfig starts with.
  static std::shared_ptr<RetryQuota> ProcessWide();

  // Takes `cost` tokens; false (and nothing taken) when fewer are left.
  bool Acquire(int cost);
  // Gives back `amount` tokens, up to the capacity.
  void Release(int amount);
  int available() const { return tokens_.load(); }

 private:
  const int capacity_;
  std::atomic<int> tokens_;
};

struct RetryConfig {
  // Total attempts including the first. Standard mode's default is 3;
  // AWS_MAX_ATTEMPTS (or a profile's max_attempts) overrides it.
  int max_attempts = 3;
  std::chrono::milliseconds base_delay{100};
  std::chrono::milliseconds max_backoff{20000};
  // Null: retries are limited by max_attempts only.
  std::shared_ptr<RetryQuota> quota = RetryQuota::ProcessWide();

  // Defaults, with AWS_MAX_ATTEMPTS from the environment applied. A value
  // that is not a whole number from 1 to 100 is ignored and the default
  // kept: this is the fallback of clients built without a session. The
  // command line reads AWS_MAX_ATTEMPTS (and a profile's max_attempts)
  // through creds::ResolveSession, which refuses a bad value with an error.
  static RetryConfig FromEnvironment();
};

// True for errors worth another attempt: throttling codes (Throttling,
// ThrottlingException, TooManyRequestsException, RequestLimitExceeded,
// SlowDown, ...), transient codes (RequestTimeout, InternalError,
// ServiceUnavailable, ...), HTTP 500/502/503/504, and the transport's
// ConnectionError and Timeout. Never for other 4xx client errors.
bool IsRetryable(const Error& error);
bool IsThrottling(const Error& error);

// Full-jitter exponential backoff: a uniformly random delay in
// [0, min(max_backoff, base_delay * 2^attempt)]; `attempt` counts from 0.
std::chrono::milliseconds BackoffDelay(const RetryConfig& config, int attempt);
// The same with the random draw given: `fraction` in [0, 1] picks the point
// in the interval (0 gives no delay, 1 the cap).
std::chrono::milliseconds BackoffDelay(const RetryConfig& config, int attempt, double fraction);

// True for the codes that may mean the local clock is wrong:
// RequestTimeTooSkewed, RequestExpired, RequestInTheFuture,
// InvalidSignatureException, SignatureDoesNotMatch, AuthFailure.
bool IsClockSkewError(const Error& error);

// The process-wide estimate of (server clock - local clock), learnt from the
// Date header of responses that failed with RequestTimeTooSkewed,
// SignatureDoesNotMatch with a skewed clock, InvalidSignatureException, etc.
Clock::duration ClockSkew();
void SetClockSkew(Clock::duration skew);

struct RetryHooks {
  // Builds and signs a fresh request for one attempt, signed at `signing_time`
  // (already corrected for clock skew).
  std::function<HttpRequest(Clock::time_point signing_time)> make_request;
  // Parses the error carried by a response; nullopt for a success.
  std::function<std::optional<Error>(const HttpResponse& response)> error_of;
  // Waits; tests replace it to record delays instead of sleeping. Null:
  // std::this_thread::sleep_for.
  std::function<void(std::chrono::milliseconds)> sleep;
  // A uniform random number in [0, 1] for the backoff jitter; tests fix it.
  // Null: a per-thread random generator.
  std::function<double()> jitter;
};

// Sends until success, a non-retryable error, max_attempts, or an empty
// retry quota. Between attempts it sleeps BackoffDelay(config, n) for the
// n-th retry (from 0).
// On a clock-skew error (IsClockSkewError) whose response's Date header
// differs from the corrected local clock by more than 4 minutes, the skew is
// recorded process-wide and the request is re-signed and sent again at once:
// once per call, without a delay and without using up an attempt (the
// failure was ours, not the service's). Returns the successful response or
// the last error, unchanged (code, message, request id, HTTP status).
Result<HttpResponse> SendWithRetries(HttpTransport& transport, const HttpOptions& options,
                                     const RetryConfig& config, const RetryHooks& hooks);

}  // namespace foyer::aws

#endif  // FOYER_AWS_RETRY_H_
