// `foyer console`: a federated sign-in URL for the AWS console, made from a
// role session (getSigninToken, then the login URL), for the partition the
// organization lives in.
//
// The sign-in endpoint's SessionDuration parameter is refused for sessions
// of chained roles, and every session foyer hands out is one (landing role
// -> target role): the console session then lasts as long as the role
// session's credentials, up to one hour, and no SessionDuration is sent.
#ifndef FOYER_ACCESS_CONSOLE_SIGN_IN_H_
#define FOYER_ACCESS_CONSOLE_SIGN_IN_H_

#include <chrono>
#include <optional>
#include <string>

#include "access/target_session.h"
#include "aws/credentials.h"
#include "aws/http.h"
#include "base/result.h"
#include "creds/environment.h"

namespace foyer::access {

struct ConsoleEndpoints {
  // "https://signin.aws.amazon.com/federation", or the loopback http URL of
  // FOYER_FEDERATION_ENDPOINT (tests).
  std::string federation;
  // "console.aws.amazon.com": the host that destinations must be on, or be
  // a subdomain of ("us-east-1.console.aws.amazon.com", "s3.console...").
  std::string console_host;
};

// The endpoints of `partition` ("aws", "aws-cn", "aws-us-gov"). An override
// that is not a loopback http URL is refused: a test hook must never send
// credentials anywhere else.
Result<ConsoleEndpoints> ConsoleEndpointsFor(const std::string& partition, const creds::Environment& env);

// The console's home page in `region`.
std::string DefaultDestination(const ConsoleEndpoints& endpoints, const std::string& region);

// Refuses (exit 2) any destination but an https URL on the console's own
// host or one of its subdomains, without user info, with no port but 443:
// the sign-in link must not be turned into a redirect to another site.
Status CheckDestination(const std::string& destination, const ConsoleEndpoints& endpoints);

// {"sessionId":<key id>,"sessionKey":<secret>,"sessionToken":<token>}
std::string SessionJson(const aws::Credentials& credentials);

struct ConsoleRequest {
  aws::Credentials credentials;  // a role session
  std::string destination;       // checked already
  // Only for sessions the sign-in endpoint accepts it for (not chained).
  std::optional<std::chrono::seconds> session_duration;
};

// Asks the federation endpoint for a sign-in token and returns the login
// URL that carries it. The URL is a credential for as long as the token
// lives (15 minutes): print it only where asked.
Result<std::string> ConsoleSignInUrl(const ConsoleRequest& request, const ConsoleEndpoints& endpoints,
                                     aws::HttpTransport& transport);

// Everything `foyer console` does before opening the browser: the
// destination checked first (nothing is asked of AWS for a refused one),
// then the target session and its sign-in URL. An empty destination is the
// console's home page in the organization's first region.
Result<std::string> ConsoleUrlForTarget(const TargetSessionOptions& target, const std::string& destination,
                                        const creds::Environment& env);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_CONSOLE_SIGN_IN_H_
