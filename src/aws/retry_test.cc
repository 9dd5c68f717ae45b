#include "aws/retry.h"

#include <cstdlib>
#include <deque>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/aws_error_parse.h"
#include "aws/http_date.h"

namespace foyer::aws {
namespace {

using ::testing::ElementsAre;
using std::chrono::milliseconds;

// Answers each Send with the next scripted outcome.
class ScriptedTransport : public HttpTransport {
 public:
  explicit ScriptedTransport(std::deque<Result<HttpResponse>> script) : script_(std::move(script)) {}

  Result<HttpResponse> Send(const HttpRequest& request, const HttpOptions&) override {
    sent.push_back(request);
    if (script_.empty()) return MakeError("ScriptExhausted", "no more scripted answers");
    Result<HttpResponse> next = std::move(script_.front());
    script_.pop_front();
    return next;
  }

  std::vector<HttpRequest> sent;

 private:
  std::deque<Result<HttpResponse>> script_;
};

HttpResponse Ok() {
  HttpResponse response;
  response.status = 200;
  response.body = "<GetCallerIdentityResponse/>";
  return response;
}

HttpResponse XmlError(int status, const std::string& code, const std::string& request_id = "rid") {
  HttpResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "text/xml"}};
  response.body = "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + code +
                  " happened</Message></Error><RequestId>" + request_id + "</RequestId></ErrorResponse>";
  return response;
}

HttpResponse JsonError(int status, const std::string& type) {
  HttpResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "application/x-amz-json-1.1"}, {"x-amzn-RequestId", "json-rid"}};
  response.body = "{\"__type\":\"com.amazonaws.organizations#" + type + "\",\"message\":\"Rate exceeded\"}";
  return response;
}

HttpResponse WithDate(HttpResponse response, Clock::time_point date) {
  response.headers.emplace_back("Date", FormatHttpDate(date));
  return response;
}

// Runs SendWithRetries over a script, recording signing times and delays.
struct RetryRun {
  std::vector<Clock::time_point> signing_times;
  std::vector<milliseconds> delays;
  std::vector<HttpRequest> sent;
  Result<HttpResponse> result = MakeError("NotRun", "");

  RetryRun(std::deque<Result<HttpResponse>> script, RetryConfig config = {}, double jitter = 1.0) {
    // Each run gets a full quota of its own unless the test brought one, so
    // that tests do not drain each other's.
    if (config.quota == RetryQuota::ProcessWide()) config.quota = std::make_shared<RetryQuota>();
    ScriptedTransport transport(std::move(script));
    RetryHooks hooks;
    hooks.make_request = [this](Clock::time_point signing_time) {
      signing_times.push_back(signing_time);
      HttpRequest request;
      request.url = "https://sts.amazonaws.com/";
      request.headers = {{"X-Amz-Date", FormatHttpDate(signing_time)}};
      return request;
    };
    hooks.error_of = [](const HttpResponse& response) -> std::optional<Error> {
      if (!IsErrorResponse(response)) return std::nullopt;
      return ParseAwsError(response, "STS", "GetCallerIdentity");
    };
    hooks.sleep = [this](milliseconds delay) { delays.push_back(delay); };
    hooks.jitter = [jitter] { return jitter; };
    result = SendWithRetries(transport, HttpOptions{}, config, hooks);
    sent = transport.sent;
  }
};

class RetryTest : public ::testing::Test {
 protected:
  void SetUp() override { SetClockSkew(Clock::duration::zero()); }
  void TearDown() override { SetClockSkew(Clock::duration::zero()); }
};

TEST_F(RetryTest, RetriesServerErrorsThenSucceeds) {
  for (int status : {500, 502, 503, 504}) {
    RetryRun run({XmlError(status, "InternalError"), XmlError(status, "Whatever"), Ok()});
    ASSERT_TRUE(run.result.ok()) << status;
    EXPECT_EQ(run.sent.size(), 3u) << status;
    EXPECT_THAT(run.delays, ElementsAre(milliseconds(100), milliseconds(200))) << status;
  }
}

TEST_F(RetryTest, RetriesServerErrorsWithBodiesThatAreNotAws) {
  HttpResponse html;
  html.status = 502;
  html.body = "<html><body>Bad Gateway</body></html>";
  HttpResponse empty;
  empty.status = 503;
  RetryRun run({html, empty, Ok()});
  ASSERT_TRUE(run.result.ok());
  EXPECT_EQ(run.sent.size(), 3u);
}

TEST_F(RetryTest, RetriesThrottlingInXmlAndJsonBodies) {
  for (std::string code : {"Throttling", "RequestLimitExceeded", "SlowDown", "ThrottlingException"}) {
    RetryRun run({XmlError(400, code), Ok()});
    ASSERT_TRUE(run.result.ok()) << code;
    EXPECT_EQ(run.sent.size(), 2u) << code;
  }
  for (std::string type : {"TooManyRequestsException", "ThrottlingException",
                                  "ProvisionedThroughputExceededException"}) {
    RetryRun run({JsonError(400, type), Ok()});
    ASSERT_TRUE(run.result.ok()) << type;
    EXPECT_EQ(run.sent.size(), 2u) << type;
  }
}

TEST_F(RetryTest, RetriesConnectionFailuresAndTimeouts) {
  RetryRun run({MakeError("ConnectionError", "reset"), MakeError("Timeout", "slow"), Ok()});
  ASSERT_TRUE(run.result.ok());
  EXPECT_EQ(run.sent.size(), 3u);
}

TEST_F(RetryTest, NeverRetriesWhatAnotherAttemptCannotFix) {
  std::vector<Result<HttpResponse>> failures = {
      XmlError(400, "ValidationError"), XmlError(403, "AccessDenied"), XmlError(404, "NoSuchEntity"),
      JsonError(400, "AccessDeniedException"), XmlError(409, "EntityAlreadyExists"),
      MakeError("TlsError", "bad certificate"), MakeError("InsecureEndpoint", "http")};
  for (auto& failure : failures) {
    RetryRun run({failure, Ok()});
    ASSERT_FALSE(run.result.ok());
    EXPECT_EQ(run.sent.size(), 1u) << run.result.error().code;
    EXPECT_TRUE(run.delays.empty()) << run.result.error().code;
  }
}

TEST_F(RetryTest, ReturnsTheLastErrorIntactWhenAttemptsRunOut) {
  RetryConfig config;
  config.max_attempts = 4;
  RetryRun run({XmlError(503, "ServiceUnavailable", "r1"), XmlError(503, "ServiceUnavailable", "r2"),
           XmlError(503, "ServiceUnavailable", "r3"), XmlError(500, "InternalError", "r4"), Ok()},
          config);
  ASSERT_FALSE(run.result.ok());
  EXPECT_EQ(run.sent.size(), 4u);
  Error expected = ParseAwsError(XmlError(500, "InternalError", "r4"), "STS", "GetCallerIdentity");
  EXPECT_EQ(run.result.error().code, "InternalError");
  EXPECT_EQ(run.result.error().message, expected.message);
  EXPECT_EQ(run.result.error().request_id, "r4");
  EXPECT_EQ(run.result.error().http_status, 500);
  EXPECT_THAT(run.delays, ElementsAre(milliseconds(100), milliseconds(200), milliseconds(400)));
}

TEST_F(RetryTest, TransportErrorsAreReturnedIntactToo) {
  RetryConfig config;
  config.max_attempts = 2;
  RetryRun run({MakeError("Timeout", "first"), MakeError("ConnectionError", "second")}, config);
  ASSERT_FALSE(run.result.ok());
  EXPECT_EQ(run.result.error().code, "ConnectionError");
  EXPECT_EQ(run.result.error().message, "second");
}

TEST_F(RetryTest, OneAttemptMeansNoRetry) {
  RetryConfig config;
  config.max_attempts = 1;
  RetryRun run({XmlError(503, "ServiceUnavailable"), Ok()}, config);
  ASSERT_FALSE(run.result.ok());
  EXPECT_EQ(run.sent.size(), 1u);
  EXPECT_TRUE(run.delays.empty());
}

class ScopedMaxAttempts {
 public:
  explicit ScopedMaxAttempts(const char* value) {
    if (const char* old = std::getenv("AWS_MAX_ATTEMPTS")) old_ = old;
    if (value) {
      setenv("AWS_MAX_ATTEMPTS", value, 1);
    } else {
      unsetenv("AWS_MAX_ATTEMPTS");
    }
  }
  ~ScopedMaxAttempts() {
    if (old_) {
      setenv("AWS_MAX_ATTEMPTS", old_->c_str(), 1);
    } else {
      unsetenv("AWS_MAX_ATTEMPTS");
    }
  }

 private:
  std::optional<std::string> old_;
};

TEST_F(RetryTest, MaxAttemptsFromTheEnvironment) {
  {
    ScopedMaxAttempts unset(nullptr);
    EXPECT_EQ(RetryConfig::FromEnvironment().max_attempts, 3);
  }
  for (auto [text, expected] : std::vector<std::pair<const char*, int>>{
           {"5", 5}, {"1", 1}, {"100", 100}, {"0", 3}, {"-2", 3}, {"101", 3}, {"abc", 3}, {"4x", 3},
           {"", 3}, {" 4", 3}, {"99999999999999999999", 3}}) {
    ScopedMaxAttempts scoped(text);
    EXPECT_EQ(RetryConfig::FromEnvironment().max_attempts, expected) << "'" << text << "'";
  }
}

TEST_F(RetryTest, HonoursAwsMaxAttempts) {
  ScopedMaxAttempts scoped("5");
  std::deque<Result<HttpResponse>> script;
  for (int i = 0; i < 10; ++i) script.push_back(XmlError(400, "Throttling", "r" + std::to_string(i)));
  RetryRun run(script, RetryConfig::FromEnvironment());
  ASSERT_FALSE(run.result.ok());
  EXPECT_EQ(run.sent.size(), 5u);
  EXPECT_EQ(run.result.error().request_id, "r4");
  EXPECT_EQ(run.result.error().code, "Throttling");
  EXPECT_EQ(run.delays.size(), 4u);
}

TEST_F(RetryTest, DelaysFollowFullJitter) {
  RetryConfig config;
  config.max_attempts = 6;
  std::deque<Result<HttpResponse>> script(6, XmlError(503, "ServiceUnavailable"));
  RetryRun at_cap(script, config, 1.0);
  EXPECT_THAT(at_cap.delays, ElementsAre(milliseconds(100), milliseconds(200), milliseconds(400),
                                         milliseconds(800), milliseconds(1600)));
  RetryRun halfway(script, config, 0.5);
  EXPECT_THAT(halfway.delays, ElementsAre(milliseconds(50), milliseconds(100), milliseconds(200),
                                          milliseconds(400), milliseconds(800)));
  RetryRun none(script, config, 0.0);
  EXPECT_THAT(none.delays, ElementsAre(milliseconds(0), milliseconds(0), milliseconds(0), milliseconds(0),
                                       milliseconds(0)));
}

TEST_F(RetryTest, RandomDelaysStayWithinTheirBounds) {
  RetryConfig config;
  for (int attempt = 0; attempt < 12; ++attempt) {
    milliseconds bound = std::min(config.max_backoff, config.base_delay * (1 << attempt));
    for (int i = 0; i < 200; ++i) {
      milliseconds delay = BackoffDelay(config, attempt);
      ASSERT_GE(delay.count(), 0) << attempt;
      ASSERT_LE(delay, bound) << attempt;
    }
  }
}

TEST_F(RetryTest, BackoffIsCappedAndNeverOverflows) {
  RetryConfig config;
  EXPECT_EQ(BackoffDelay(config, 7, 1.0), milliseconds(12800));
  EXPECT_EQ(BackoffDelay(config, 8, 1.0), milliseconds(20000));
  EXPECT_EQ(BackoffDelay(config, 40, 1.0), milliseconds(20000));
  EXPECT_EQ(BackoffDelay(config, 1000, 0.25), milliseconds(5000));
  EXPECT_EQ(BackoffDelay(config, 0, 2.0), milliseconds(100));
}

TEST_F(RetryTest, CodeTables) {
  auto error = [](std::string code, int status) {
    Error e = MakeError(std::move(code), "m");
    e.http_status = status;
    return e;
  };
  EXPECT_TRUE(IsThrottling(error("Throttling", 400)));
  EXPECT_TRUE(IsThrottling(error("TooManyRequestsException", 400)));
  EXPECT_TRUE(IsThrottling(error("HTTP429", 429)));
  EXPECT_FALSE(IsThrottling(error("ServiceUnavailable", 503)));
  EXPECT_TRUE(IsRetryable(error("RequestTimeout", 400)));
  EXPECT_TRUE(IsRetryable(error("IDPCommunicationError", 400)));
  EXPECT_TRUE(IsRetryable(error("AnythingAtAll", 504)));
  EXPECT_FALSE(IsRetryable(error("HTTP501", 501)));
  EXPECT_FALSE(IsRetryable(error("ExpiredToken", 400)));
  EXPECT_FALSE(IsRetryable(error("RequestTimeTooSkewed", 403)));
  EXPECT_TRUE(IsClockSkewError(error("RequestTimeTooSkewed", 403)));
  EXPECT_TRUE(IsClockSkewError(error("SignatureDoesNotMatch", 403)));
  EXPECT_FALSE(IsClockSkewError(error("AccessDenied", 403)));
}

TEST_F(RetryTest, ClockSkewIsLearntAndTheRequestResignedAtOnce) {
  RetryConfig config;
  config.max_attempts = 1;  // the skew retry does not use up an attempt
  Clock::time_point server_now = Clock::now() + std::chrono::hours(1);
  RetryRun run({WithDate(XmlError(403, "RequestTimeTooSkewed"), server_now), Ok()}, config);
  ASSERT_TRUE(run.result.ok()) << run.result.error().Describe();
  ASSERT_EQ(run.signing_times.size(), 2u);
  EXPECT_TRUE(run.delays.empty());
  EXPECT_GT(ClockSkew(), std::chrono::minutes(59));
  EXPECT_LT(ClockSkew(), std::chrono::minutes(61));
  EXPECT_GT(run.signing_times[1] - run.signing_times[0], std::chrono::minutes(59));
  EXPECT_NE(run.sent[1].Header("X-Amz-Date"), run.sent[0].Header("X-Amz-Date"));
}

TEST_F(RetryTest, LaterCallsSignWithTheLearntSkew) {
  SetClockSkew(-std::chrono::hours(2));
  RetryRun run({Ok()});
  ASSERT_EQ(run.signing_times.size(), 1u);
  EXPECT_LT(run.signing_times[0], Clock::now() - std::chrono::minutes(119));
}

TEST_F(RetryTest, SkewIsCorrectedOncePerCall) {
  Clock::time_point now = Clock::now();
  RetryRun run({WithDate(XmlError(403, "SignatureDoesNotMatch"), now - std::chrono::hours(1)),
           WithDate(XmlError(403, "SignatureDoesNotMatch"), now + std::chrono::hours(1)), Ok()});
  ASSERT_FALSE(run.result.ok());
  EXPECT_EQ(run.result.error().code, "SignatureDoesNotMatch");
  EXPECT_EQ(run.sent.size(), 2u);
}

TEST_F(RetryTest, SignatureErrorsWithoutSkewAreNotRetried) {
  RetryRun same_time({WithDate(XmlError(403, "SignatureDoesNotMatch"), Clock::now()), Ok()});
  ASSERT_FALSE(same_time.result.ok());
  EXPECT_EQ(same_time.sent.size(), 1u);
  EXPECT_EQ(ClockSkew(), Clock::duration::zero());

  RetryRun no_date({XmlError(400, "RequestExpired"), Ok()});
  ASSERT_FALSE(no_date.result.ok());
  EXPECT_EQ(no_date.sent.size(), 1u);

  RetryRun not_skew_code({WithDate(XmlError(403, "AccessDenied"), Clock::now() + std::chrono::hours(3)), Ok()});
  ASSERT_FALSE(not_skew_code.result.ok());
  EXPECT_EQ(not_skew_code.sent.size(), 1u);
  EXPECT_EQ(ClockSkew(), Clock::duration::zero());
}

TEST_F(RetryTest, DebugLogTellsEachDecision) {
  setenv("FOYER_DEBUG", "1", 1);
  testing::internal::CaptureStderr();
  RetryRun run({XmlError(503, "ServiceUnavailable"), XmlError(400, "Throttling"),
                WithDate(XmlError(403, "RequestTimeTooSkewed"), Clock::now() - std::chrono::minutes(30)), Ok()});
  std::string log = testing::internal::GetCapturedStderr();
  unsetenv("FOYER_DEBUG");
  ASSERT_TRUE(run.result.ok());
  EXPECT_THAT(log, ::testing::StartsWith(
                       "foyer debug: ServiceUnavailable on attempt 1 of 3; retrying in 100 ms\n"
                       "foyer debug: Throttling on attempt 2 of 3; retrying in 200 ms\n"
                       "foyer debug: RequestTimeTooSkewed: the local clock is 1"));
  EXPECT_THAT(log, ::testing::EndsWith(" s ahead of the server's; signing again\n"));
}

TEST_F(RetryTest, QuotaStopsRetriesWhenSpent) {
  RetryConfig config;
  config.max_attempts = 10;
  config.quota = std::make_shared<RetryQuota>(12);
  std::deque<Result<HttpResponse>> script(10, XmlError(503, "ServiceUnavailable"));
  RetryRun run(script, config);
  ASSERT_FALSE(run.result.ok());
  EXPECT_EQ(run.sent.size(), 3u);  // two retries at 5 tokens each, then 2 tokens left
  EXPECT_EQ(config.quota->available(), 2);
}

TEST_F(RetryTest, TimeoutsCostTheQuotaMore) {
  RetryConfig config;
  config.quota = std::make_shared<RetryQuota>(100);
  RetryRun run({MakeError("Timeout", "slow"), MakeError("ConnectionError", "reset"), XmlError(400, "Nope")},
               config);
  ASSERT_FALSE(run.result.ok());
  EXPECT_EQ(config.quota->available(), 100 - RetryQuota::kTimeoutRetryCost - RetryQuota::kRetryCost);
}

TEST_F(RetryTest, SuccessRefillsTheQuota) {
  RetryConfig config;
  config.quota = std::make_shared<RetryQuota>(100);
  config.quota->Acquire(50);
  RetryRun retried({XmlError(503, "ServiceUnavailable"), MakeError("Timeout", "slow"), Ok()}, config);
  ASSERT_TRUE(retried.result.ok());
  EXPECT_EQ(config.quota->available(), 50 - 5 - 10 + 10);
  RetryRun first_time({Ok()}, config);
  EXPECT_EQ(config.quota->available(), 46);
  config.quota->Release(1000);
  EXPECT_EQ(config.quota->available(), 100);
}

TEST_F(RetryTest, WithoutQuotaOnlyAttemptsLimit) {
  RetryConfig config;
  config.max_attempts = 200;
  config.quota = nullptr;
  std::deque<Result<HttpResponse>> script(200, XmlError(503, "ServiceUnavailable"));
  RetryRun run(script, config, 0.0);
  EXPECT_EQ(run.sent.size(), 200u);
}

TEST(HttpDateTest, ParsesImfFixdate) {
  auto parsed = ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::seconds>(parsed->time_since_epoch()).count(), 784111777);
  EXPECT_EQ(ParseHttpDate("06 Nov 1994 08:49:37 UTC"), parsed);
  EXPECT_EQ(FormatHttpDate(*parsed), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(FormatHttpDate(*ParseHttpDate("Fri, 27 Nov 2026 23:05:09 GMT")), "Fri, 27 Nov 2026 23:05:09 GMT");
}

TEST(HttpDateTest, RejectsEverythingElse) {
  for (const char* bad : {"", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Foo 1994 08:49:37 GMT",
                          "Mon, 31 Feb 2020 00:00:00 GMT", "Sun, 6 Nov 1994 08:49:37 GMT",
                          "Sun, 06 Nov 1994 25:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 PST",
                          "1994-11-06T08:49:37Z"}) {
    EXPECT_FALSE(ParseHttpDate(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace foyer::aws
