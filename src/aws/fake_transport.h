// A scripted HttpTransport for unit tests: records every request and answers
// with the replies queued, in order.
#ifndef FOYER_AWS_FAKE_TRANSPORT_H_
#define FOYER_AWS_FAKE_TRANSPORT_H_

#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/http.h"
#include "base/url_encoding.h"

namespace foyer::aws {

class FakeTransport : public HttpTransport {
 public:
  void Reply(int status, std::string body, HeaderList headers = {}) {
    responses.push_back(HttpResponse{status, std::move(headers), std::move(body)});
  }

  Result<HttpResponse> Send(const HttpRequest& request, const HttpOptions&) override {
    requests.push_back(request);
    if (responses.empty()) return MakeError("ConnectionError", "the fake transport has no reply queued");
    HttpResponse response = std::move(responses.front());
    responses.pop_front();
    return response;
  }

  // The form-encoded body of request `index`, decoded.
  QueryPairs FormOf(size_t index) const {
    return ParseQueryString(requests.at(index).body).value_or(QueryPairs{});
  }

  std::vector<HttpRequest> requests;
  // Replies still to give, in order (Reply appends).
  std::deque<HttpResponse> responses;
};

inline constexpr char kFakeEndpoint[] = "https://aws.example";

// A config that reaches only `transport`: fixed long-term credentials, the
// endpoint https://aws.example, one attempt (no retry sleeps). Clears the
// endpoint overrides of the environment, which would win over the profile.
inline ClientConfig FakeConfig(std::shared_ptr<FakeTransport> transport) {
  unsetenv("AWS_ENDPOINT_URL");
  unsetenv("AWS_ENDPOINT_URL_STS");
  unsetenv("AWS_ENDPOINT_URL_IAM");
  unsetenv("AWS_ENDPOINT_URL_ORGANIZATIONS");
  ClientConfig config;
  config.region = "us-east-1";
  config.credentials = std::make_shared<StaticCredentialsProvider>(
      Credentials{"AKIDEXAMPLE", "secret", "", std::nullopt, "test"});
  config.profile_endpoint_url = kFakeEndpoint;
  config.retry.max_attempts = 1;
  config.transport = std::move(transport);
  return config;
}

}  // namespace foyer::aws

#endif  // FOYER_AWS_FAKE_TRANSPORT_H_
