// Helpers for the creds unit tests: a scratch HOME with AWS config files,
// and fake STS / SSO calls that record what they were asked.
#ifndef FOYER_CREDS_TEST_SUPPORT_H_
#define FOYER_CREDS_TEST_SUPPORT_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "creds/chain_context.h"

namespace foyer::creds::testing {

class ScratchHome {
 public:
  ScratchHome() {
    std::string pattern = (std::filesystem::temp_directory_path() / "foyer-creds-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchHome() { std::filesystem::remove_all(path_); }

  const std::string& path() const { return path_; }
  std::string Write(const std::string& relative, const std::string& contents) const {
    std::filesystem::path file = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << contents;
    return file.string();
  }
  // HOME and the two AWS files under it, plus `extra`.
  Environment Env(std::map<std::string, std::string> extra = {}) const {
    extra.emplace("HOME", path_);
    extra.emplace("AWS_CONFIG_FILE", path_ + "/.aws/config");
    extra.emplace("AWS_SHARED_CREDENTIALS_FILE", path_ + "/.aws/credentials");
    return Environment::FromMap(std::move(extra));
  }

 private:
  std::string path_;
};

inline aws::Clock::time_point At(long long unix_seconds) {
  return aws::Clock::time_point(std::chrono::seconds(unix_seconds));
}

// Role credentials named after the role: AssumeRole of ".../role/dev"
// returns key "ASIA-dev", expiring one hour after the fake clock.
struct FakeCalls {
  struct AssumeRoleCall {
    std::string source_access_key;
    aws::AssumeRoleRequest request;
  };
  std::vector<AssumeRoleCall> assume_role;
  std::vector<aws::AssumeRoleWithWebIdentityRequest> web_identity;
  std::vector<SsoRoleCredentialsRequest> sso_role;
  std::vector<SsoTokenRefreshRequest> sso_refresh;
  std::map<std::string, Error> failures;  // role ARN or "sso" / "refresh" -> error
  aws::Clock::time_point now = At(1800000000);

  static std::string RoleName(const std::string& arn) { return arn.substr(arn.rfind('/') + 1); }

  aws::AssumedRole Assumed(const std::string& arn, const std::string& session) const {
    aws::AssumedRole role;
    role.credentials.access_key_id = "ASIA-" + RoleName(arn);
    role.credentials.secret_access_key = "secret-" + RoleName(arn);
    role.credentials.session_token = "token-" + RoleName(arn);
    role.credentials.expiration = now + std::chrono::hours(1);
    role.assumed_role_arn = "arn:aws:sts::111122223333:assumed-role/" + RoleName(arn) + "/" + session;
    return role;
  }

  ChainContext Context(Environment env) {
    ChainContext context{std::move(env), {}, [this] { return now; },
                         [](const std::string&) -> Result<std::string> { return std::string("123456"); }};
    context.calls.assume_role = [this](const aws::Credentials& source, const aws::AssumeRoleRequest& request)
        -> Result<aws::AssumedRole> {
      assume_role.push_back({source.access_key_id, request});
      if (failures.count(request.role_arn)) return failures.at(request.role_arn);
      return Assumed(request.role_arn, request.role_session_name);
    };
    context.calls.assume_role_with_web_identity =
        [this](const aws::AssumeRoleWithWebIdentityRequest& request) -> Result<aws::AssumedRole> {
      web_identity.push_back(request);
      return Assumed(request.role_arn, request.role_session_name);
    };
    context.calls.get_sso_role_credentials =
        [this](const SsoRoleCredentialsRequest& request) -> Result<aws::Credentials> {
      sso_role.push_back(request);
      if (failures.count("sso")) return failures.at("sso");
      aws::Credentials credentials;
      credentials.access_key_id = "ASIA-sso-" + request.role_name;
      credentials.secret_access_key = "secret";
      credentials.expiration = now + std::chrono::hours(1);
      return credentials;
    };
    context.calls.refresh_sso_token = [this](const SsoTokenRefreshRequest& request) -> Result<aws::SsoToken> {
      sso_refresh.push_back(request);
      if (failures.count("refresh")) return failures.at("refresh");
      aws::SsoToken token;
      token.access_token = "refreshed-access-token";
      token.expires_in_seconds = 28800;
      token.refresh_token = "new-refresh-token";
      return token;
    };
    context.calls.send_http = [this](const aws::HttpRequest& request) -> Result<aws::HttpResponse> {
      http.push_back(request);
      if (failures.count("http")) return failures.at("http");
      return http_response;
    };
    return context;
  }
  std::vector<aws::HttpRequest> http;
  aws::HttpResponse http_response{200, {}, ""};
};

}  // namespace foyer::creds::testing

#endif  // FOYER_CREDS_TEST_SUPPORT_H_
