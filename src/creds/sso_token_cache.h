// The IAM Identity Center token cache the AWS CLI keeps in
// ~/.aws/sso/cache/<sha1 hex>.json, read and written in the CLI's own
// format so that `aws sso login` and foyer share one login:
//
//   {"startUrl": "...", "region": "...", "accessToken": "...",
//    "expiresAt": "2026-11-27T23:49:27Z", "clientId": "...",
//    "clientSecret": "...", "registrationExpiresAt": "...",
//    "refreshToken": "..."}
//
// The file name is the SHA-1 of the sso-session name for profiles that use
// an [sso-session], of the start URL for the older profiles that do not.
#ifndef FOYER_CREDS_SSO_TOKEN_CACHE_H_
#define FOYER_CREDS_SSO_TOKEN_CACHE_H_

#include <optional>
#include <string>
#include <string_view>

#include "aws/credentials.h"
#include "base/result.h"
#include "creds/environment.h"

namespace foyer::creds {

struct SsoCachedToken {
  std::string start_url;
  std::string region;
  std::string access_token;  // never logged
  aws::Clock::time_point expires_at;
  // The registered client and its refresh token, present when the login
  // used the refresh grant ([sso-session] profiles).
  std::string refresh_token;  // never logged
  std::string client_id;
  std::string client_secret;  // never logged
  std::optional<aws::Clock::time_point> registration_expires_at;

  bool CanRefresh(aws::Clock::time_point now) const {
    return !refresh_token.empty() && !client_id.empty() && !client_secret.empty() &&
           registration_expires_at.has_value() && *registration_expires_at > now;
  }
};

// Lower-case hex SHA-1 of `name`: the cache file's base name.
std::string SsoCacheKey(std::string_view name);

// ~/.aws/sso/cache/<SsoCacheKey(name)>.json
std::string SsoCachePath(const Environment& env, std::string_view name);

// Parses a cache file's contents. accessToken and expiresAt are required.
// Errors name `path` and never quote the contents.
Result<SsoCachedToken> ParseSsoCachedToken(std::string_view json, const std::string& path);

// The JSON the AWS CLI writes, keys in its order, times as
// "2026-11-27T23:49:27Z".
std::string SerializeSsoCachedToken(const SsoCachedToken& token);

// Reads the token at `path`; nullopt when there is no file.
Result<std::optional<SsoCachedToken>> ReadSsoCachedToken(const std::string& path);

// Replaces the file at `path` atomically (a temporary file in the same
// directory, flushed, then renamed), readable by its owner only (0600).
// Creates the directory (0700) when missing.
Status WriteSsoCachedToken(const std::string& path, const SsoCachedToken& token);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_SSO_TOKEN_CACHE_H_
