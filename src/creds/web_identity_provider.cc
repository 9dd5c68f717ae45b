#include "creds/web_identity_provider.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "creds/assume_role_provider.h"
#include "creds/refreshing_provider.h"

namespace foyer::creds {
namespace {

Result<std::string> ReadTokenFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError("ConfigError", "cannot read web_identity_token_file " + path + ": " +
                                        std::strerror(errno) +
                                        "; check the path, or that the token has been written");
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

Result<aws::Credentials> AssumeWithToken(const WebIdentitySettings& settings,
                                         const ChainContext& context) {
  Result<std::string> token = ReadTokenFile(settings.token_file);
  if (!token.ok()) return token.error();
  aws::AssumeRoleWithWebIdentityRequest request;
  request.role_arn = settings.role_arn;
  request.role_session_name = settings.role_session_name.empty()
                                  ? DefaultRoleSessionName(context.now())
                                  : settings.role_session_name;
  request.web_identity_token = *token;
  Result<aws::AssumedRole> assumed = context.calls.assume_role_with_web_identity(request);
  if (!assumed.ok()) {
    return InStep("assume role " + settings.role_arn + " with web identity", assumed.error());
  }
  aws::Credentials credentials = assumed->credentials;
  credentials.source = "web-identity " + assumed->assumed_role_arn;
  return credentials;
}

}  // namespace

std::shared_ptr<aws::CredentialsProvider> MakeWebIdentityProvider(WebIdentitySettings settings,
                                                                  const ChainContext& context) {
  auto fetch = [settings = std::move(settings), context] { return AssumeWithToken(settings, context); };
  return std::make_shared<RefreshingProvider>(std::move(fetch), context.now);
}

}  // namespace foyer::creds
