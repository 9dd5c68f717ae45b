#include "aws/retry.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <thread>

#include "aws/http_date.h"
#include "aws/log_redaction.h"

namespace foyer::aws {
namespace {

// The codes of botocore's standard retry mode (retries/standard.py), which
// every AWS SDK's standard mode shares.
constexpr std::string_view kThrottlingCodes[] = {
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException",
    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
    "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException",
};

// Transient failures: botocore's transient codes, the server-side failure
// codes services send with a 5xx, STS's IDPCommunicationError (the IdP did
// not answer STS in time), and the transport's own failures.
constexpr std::string_view kTransientCodes[] = {
    "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError",
    "InternalFailure", "InternalServerError", "ServiceUnavailable", "ServiceUnavailableException",
    "IDPCommunicationError", "ConnectionError", "Timeout",
};

constexpr int kTransientStatuses[] = {500, 502, 503, 504};

constexpr std::string_view kClockSkewCodes[] = {
    "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture",
    "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
};

// A skew smaller than this is left alone: SigV4 tolerates 5 minutes, and
// a smaller difference means the failure has another cause.
constexpr Clock::duration kSkewThreshold = std::chrono::minutes(4);

constexpr int kMaxAttemptsLimit = 100;

template <size_t N>
bool Contains(const std::string_view (&table)[N], std::string_view code) {
  return std::find(std::begin(table), std::end(table), code) != std::end(table);
}

std::atomic<Clock::duration::rep> clock_skew{0};

double RandomFraction() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

// Learns the skew from the response's Date header. True when it changed
// enough that signing again is worth it.
bool CorrectClockSkew(const HttpResponse& response, Clock::time_point local_now) {
  std::optional<Clock::time_point> server_time = ParseHttpDate(response.Header("Date"));
  if (!server_time) return false;
  Clock::duration skew = *server_time - local_now;
  Clock::duration change = skew - ClockSkew();
  if (change < kSkewThreshold && change > -kSkewThreshold) return false;
  SetClockSkew(skew);
  return true;
}

// One line of the FOYER_DEBUG log about a retry decision.
void LogDecision(const Error& error, int attempt, const RetryConfig& config, const std::string& outcome) {
  if (!DebugLogEnabled()) return;
  std::fprintf(stderr, "foyer debug: %s on attempt %d of %d; %s\n", error.code.c_str(), attempt,
               config.max_attempts, outcome.c_str());
}

void LogSkewCorrection(const Error& error) {
  if (!DebugLogEnabled()) return;
  long long seconds = std::chrono::duration_cast<std::chrono::seconds>(ClockSkew()).count();
  std::fprintf(stderr, "foyer debug: %s: the local clock is %lld s %s the server's; signing again\n",
               error.code.c_str(), std::llabs(seconds), seconds > 0 ? "behind" : "ahead of");
}

}  // namespace

std::shared_ptr<RetryQuota> RetryQuota::ProcessWide() {
  static const std::shared_ptr<RetryQuota> quota = std::make_shared<RetryQuota>();
  return quota;
}

bool RetryQuota::Acquire(int cost) {
  int tokens = tokens_.load();
  do {
    if (tokens < cost) return false;
  } while (!tokens_.compare_exchange_weak(tokens, tokens - cost));
  return true;
}

void RetryQuota::Release(int amount) {
  int tokens = tokens_.load();
  while (!tokens_.compare_exchange_weak(tokens, std::min(capacity_, tokens + amount))) {
  }
}

RetryConfig RetryConfig::FromEnvironment() {
  RetryConfig config;
  const char* text = std::getenv("AWS_MAX_ATTEMPTS");
  if (text == nullptr) return config;
  std::string_view value(text);
  int attempts = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), attempts);
  if (error == std::errc() && end == value.data() + value.size() && attempts >= 1 &&
      attempts <= kMaxAttemptsLimit) {
    config.max_attempts = attempts;
  }
  return config;
}

bool IsThrottling(const Error& error) {
  return Contains(kThrottlingCodes, error.code) || error.http_status == 429;
}

bool IsRetryable(const Error& error) {
  return IsThrottling(error) || Contains(kTransientCodes, error.code) ||
         std::find(std::begin(kTransientStatuses), std::end(kTransientStatuses), error.http_status) !=
             std::end(kTransientStatuses);
}

bool IsClockSkewError(const Error& error) { return Contains(kClockSkewCodes, error.code); }

std::chrono::milliseconds BackoffDelay(const RetryConfig& config, int attempt, double fraction) {
  // Doubling past 2^30 overflows long before it matters: the cap wins.
  std::chrono::milliseconds ceiling = config.max_backoff;
  if (attempt < 30) ceiling = std::min(ceiling, config.base_delay * (int64_t{1} << std::max(attempt, 0)));
  fraction = std::clamp(fraction, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<int64_t>(fraction * static_cast<double>(ceiling.count())));
}

std::chrono::milliseconds BackoffDelay(const RetryConfig& config, int attempt) {
  return BackoffDelay(config, attempt, RandomFraction());
}

Clock::duration ClockSkew() { return Clock::duration(clock_skew.load()); }

void SetClockSkew(Clock::duration skew) { clock_skew.store(skew.count()); }

Result<HttpResponse> SendWithRetries(HttpTransport& transport, const HttpOptions& options,
                                     const RetryConfig& config, const RetryHooks& hooks) {
  bool skew_corrected = false;
  int last_retry_cost = 0;
  int attempt = 1;
  while (true) {
    Result<HttpResponse> sent = transport.Send(hooks.make_request(Clock::now() + ClockSkew()), options);
    std::optional<Error> error = sent.ok() ? hooks.error_of(*sent) : sent.error();
    if (!error) {
      // As the SDKs do: a success gives back what its last retry took.
      if (config.quota) config.quota->Release(last_retry_cost > 0 ? last_retry_cost : RetryQuota::kSuccessRefill);
      return sent;
    }
    if (sent.ok() && !skew_corrected && IsClockSkewError(*error) && CorrectClockSkew(*sent, Clock::now())) {
      skew_corrected = true;
      LogSkewCorrection(*error);
      continue;
    }
    if (!IsRetryable(*error) || attempt >= config.max_attempts) return *error;
    last_retry_cost = error->code == "Timeout" ? RetryQuota::kTimeoutRetryCost : RetryQuota::kRetryCost;
    if (config.quota && !config.quota->Acquire(last_retry_cost)) {
      LogDecision(*error, attempt, config, "the retry quota is spent, giving up");
      return *error;
    }
    double jitter = hooks.jitter ? hooks.jitter() : RandomFraction();
    std::chrono::milliseconds delay = BackoffDelay(config, attempt - 1, jitter);
    LogDecision(*error, attempt, config, "retrying in " + std::to_string(delay.count()) + " ms");
    if (hooks.sleep) {
      hooks.sleep(delay);
    } else {
      std::this_thread::sleep_for(delay);
    }
    ++attempt;
  }
}

}  // namespace foyer::aws
