// Shared by the foyer_roundtrip_core scenario files: failing loudly, the
// clients' configuration from the environment, and JSON renderings.
#ifndef FOYER_TESTS_E2E_ROUNDTRIP_CORE_H_
#define FOYER_TESTS_E2E_ROUNDTRIP_CORE_H_

#include <cstdlib>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/client_config.h"
#include "aws/iam_types.h"
#include "base/result.h"
#include "base/time_format.h"

namespace foyer::aws {

using nlohmann::json;

[[noreturn]] inline void Fail(const Error& error, const std::string& step) {
  json out = {{"error",
               {{"step", step},
                {"code", error.code},
                {"message", error.message},
                {"http_status", error.http_status},
                {"request_id", error.request_id}}}};
  std::cout << out.dump(2) << std::endl;
  std::exit(1);
}

template <typename T>
T Must(Result<T> result, const std::string& step) {
  if (!result.ok()) Fail(result.error(), step);
  return std::move(*result);
}

inline void Must(const Status& status, const std::string& step) {
  if (!status.ok()) Fail(status.error(), step);
}

// "ok", or the error, for calls an emulator may not implement.
inline json Outcome(const Status& status) {
  if (status.ok()) return "ok";
  const Error& error = status.error();
  return {{"code", error.code}, {"message", error.message}, {"http_status", error.http_status}};
}

inline std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

inline ClientConfig ConfigWith(const Credentials& credentials) {
  ClientConfig config;
  config.region = Env("AWS_REGION").empty() ? "us-east-1" : Env("AWS_REGION");
  config.credentials = std::make_shared<StaticCredentialsProvider>(credentials);
  return config;
}

inline ClientConfig EnvironmentConfig() {
  return ConfigWith(Credentials{Env("AWS_ACCESS_KEY_ID"), Env("AWS_SECRET_ACCESS_KEY"),
                                Env("AWS_SESSION_TOKEN"), std::nullopt, "environment"});
}

inline json Time(const Timestamp& time) {
  return time.has_value() ? json(FormatRfc3339(*time)) : json(nullptr);
}

inline json Tags(const TagList& tags) {
  json object = json::object();
  for (const auto& [key, value] : tags) object[key] = value;
  return object;
}

// The scenarios of the other files.
json IamScenario(const json& input);
json OrganizationsScenario(const json& input);

}  // namespace foyer::aws

#endif  // FOYER_TESTS_E2E_ROUNDTRIP_CORE_H_
