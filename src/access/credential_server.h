// A container credentials endpoint on loopback, the kind ECS tasks read:
// AWS SDKs and CLIs given AWS_CONTAINER_CREDENTIALS_FULL_URI and
// AWS_CONTAINER_AUTHORIZATION_TOKEN fetch their credentials from it, and
// fetch again as they near expiry. A job that outlives one role session
// keeps working: each request gets the current session of the target, which
// foyer renews from the landing session behind it.
#ifndef FOYER_ACCESS_CREDENTIAL_SERVER_H_
#define FOYER_ACCESS_CREDENTIAL_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "aws/credentials.h"
#include "base/result.h"

namespace foyer::access {

// 32 random bytes, base64url: the secret a client must send.
std::string NewAuthorizationToken();

// True when `presented` equals `expected`, in time that depends only on
// their lengths, never on where they differ.
bool TokenMatches(std::string_view presented, std::string_view expected);

// {"AccessKeyId":...,"SecretAccessKey":...,"Token":...,"Expiration":"<RFC 3339>"}:
// what botocore's container provider and the other SDKs read.
std::string ContainerCredentialsJson(const aws::Credentials& credentials);

class CredentialServer {
 public:
  // Called for each authorized request; an error answers 500 with only the
  // error's message, never anything secret.
  using Source = std::function<Result<aws::Credentials>()>;

  // Binds 127.0.0.1 on a port the system picks and serves GET /credentials.
  // A request without an Authorization header gets 401, with a wrong one
  // 403, any other path 404; none of them is told anything else.
  static Result<std::unique_ptr<CredentialServer>> Start(Source source, std::string token);
  ~CredentialServer();
  CredentialServer(const CredentialServer&) = delete;
  CredentialServer& operator=(const CredentialServer&) = delete;

  // "http://127.0.0.1:<port>/credentials"
  std::string url() const;
  const std::string& token() const;

 private:
  struct Impl;
  explicit CredentialServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace foyer::access

#endif  // FOYER_ACCESS_CREDENTIAL_SERVER_H_
