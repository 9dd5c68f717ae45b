// Making HTTP messages fit for a debug log: every secret, token and
// signature is replaced by "<redacted>" before the text leaves the process.
//
// What counts as secret is a list of field names, compared without regard to
// case, '_' or '-' (so "client_secret", "clientSecret" and "ClientSecret" are
// one name): SecretAccessKey, SessionToken, Token, WebIdentityToken,
// SAMLAssertion, accessToken, refreshToken, idToken, clientSecret, password,
// authorization codes and verifiers, MFA codes and seeds, KMS plaintext,
// console sign-in tokens, and the X-Amz-Signature / X-Amz-Security-Token
// query parameters. The lists live in log_redaction.cc.
#ifndef FOYER_AWS_LOG_REDACTION_H_
#define FOYER_AWS_LOG_REDACTION_H_

#include <string>
#include <string_view>

#include "aws/http.h"

namespace foyer::aws {

// A request as a log entry:
//   POST https://sts.amazonaws.com/?X-Amz-Signature=<redacted>
//   Authorization: AWS4-HMAC-SHA256 Credential=AKIA.../sts/aws4_request, SignedHeaders=host, Signature=<redacted>
//   <blank line>
//   Action=AssumeRoleWithWebIdentity&WebIdentityToken=<redacted>
// Bodies longer than kMaxLoggedBody are cut after redaction; binary bodies
// are summarized by their size.
std::string RedactForLog(const HttpRequest& request);
// A response as a log entry: "HTTP 200", the headers, a blank line, the body.
std::string RedactForLog(const HttpResponse& response);

inline constexpr size_t kMaxLoggedBody = 16384;

// True when FOYER_DEBUG is set to anything but "" or "0": the transport then
// logs every exchange, and the retry loop every decision, to stderr.
bool DebugLogEnabled();

// The pieces, exposed for tests.
//
// The value of one header, redacted as its name requires: the Signature= part
// of an AWS4 Authorization, the whole credential of any other Authorization
// scheme, security and bearer tokens, cookies.
std::string RedactHeaderValue(std::string_view name, std::string_view value);
// A query string or form body ("a=1&WebIdentityToken=xyz").
std::string RedactFormFields(std::string_view form);
// A URL: its query string redacted as form fields.
std::string RedactUrl(std::string_view url);
// A body: XML element text, JSON string fields or form fields, chosen by the
// body's first non-blank character ('<', '{' or '[', anything else).
std::string RedactBody(std::string_view body);

}  // namespace foyer::aws

#endif  // FOYER_AWS_LOG_REDACTION_H_
