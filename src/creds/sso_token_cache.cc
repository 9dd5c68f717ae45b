#include "creds/sso_token_cache.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/time_format.h"

namespace foyer::creds {
namespace {

Error CacheError(const std::string& path, const std::string& what) {
  return MakeError("SsoCacheError", "SSO token cache " + path + ": " + what);
}

std::string OptionalString(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status WriteAll(int fd, const std::string& data) {
  size_t written = 0;
  while (written < data.size()) {
    ssize_t n = write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return MakeError("SsoCacheError", std::strerror(errno));
    written += static_cast<size_t>(n);
  }
  return OkStatus();
}

}  // namespace

std::string SsoCacheKey(std::string_view name) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(name.data(), name.size(), digest, &length, EVP_sha1(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

std::string SsoCachePath(const Environment& env, std::string_view name) {
  return env.ExpandUser("~/.aws/sso/cache/") + SsoCacheKey(name) + ".json";
}

Result<SsoCachedToken> ParseSsoCachedToken(std::string_view json, const std::string& path) {
  nlohmann::json object = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) {
    return CacheError(path, "is not a JSON object; delete it and log in again");
  }
  SsoCachedToken token;
  token.access_token = OptionalString(object, "accessToken");
  std::string expires_at = OptionalString(object, "expiresAt");
  if (token.access_token.empty() || expires_at.empty()) {
    return CacheError(path, "has no accessToken or expiresAt; log in again");
  }
  Result<SystemTime> expiry = ParseIso8601(expires_at);
  if (!expiry.ok()) return CacheError(path, "has an expiresAt that is not a time; log in again");
  token.expires_at = *expiry;
  token.start_url = OptionalString(object, "startUrl");
  token.region = OptionalString(object, "region");
  token.refresh_token = OptionalString(object, "refreshToken");
  token.client_id = OptionalString(object, "clientId");
  token.client_secret = OptionalString(object, "clientSecret");
  std::string registration = OptionalString(object, "registrationExpiresAt");
  if (!registration.empty()) {
    Result<SystemTime> registration_expiry = ParseIso8601(registration);
    if (registration_expiry.ok()) token.registration_expires_at = *registration_expiry;
  }
  return token;
}

std::string SerializeSsoCachedToken(const SsoCachedToken& token) {
  nlohmann::ordered_json object;
  object["startUrl"] = token.start_url;
  object["region"] = token.region;
  object["accessToken"] = token.access_token;
  object["expiresAt"] = FormatRfc3339(token.expires_at);
  if (!token.client_id.empty()) object["clientId"] = token.client_id;
  if (!token.client_secret.empty()) object["clientSecret"] = token.client_secret;
  if (token.registration_expires_at) {
    object["registrationExpiresAt"] = FormatRfc3339(*token.registration_expires_at);
  }
  if (!token.refresh_token.empty()) object["refreshToken"] = token.refresh_token;
  return object.dump();
}

Result<std::optional<SsoCachedToken>> ReadSsoCachedToken(const std::string& path) {
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(path, ignored)) return std::optional<SsoCachedToken>();
  std::ifstream in(path, std::ios::binary);
  if (!in) return CacheError(path, std::string("cannot be read: ") + std::strerror(errno));
  std::ostringstream contents;
  contents << in.rdbuf();
  Result<SsoCachedToken> token = ParseSsoCachedToken(contents.str(), path);
  if (!token.ok()) return token.error();
  return std::optional<SsoCachedToken>(std::move(*token));
}

Status WriteSsoCachedToken(const std::string& path, const SsoCachedToken& token) {
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  std::error_code error;
  if (!std::filesystem::exists(directory, error)) {
    std::filesystem::create_directories(directory, error);
    if (error) return CacheError(path, "cannot create its directory: " + error.message());
    chmod(directory.c_str(), 0700);
  }
  std::string temporary = (directory / ".foyer-token-XXXXXX").string();
  int fd = mkstemp(temporary.data());  // created 0600
  if (fd < 0) return CacheError(path, std::string("cannot create a temporary file: ") + std::strerror(errno));
  Status written = WriteAll(fd, SerializeSsoCachedToken(token));
  if (written.ok() && fsync(fd) != 0) written = MakeError("SsoCacheError", std::strerror(errno));
  close(fd);
  if (written.ok() && rename(temporary.c_str(), path.c_str()) != 0) {
    written = MakeError("SsoCacheError", std::strerror(errno));
  }
  if (!written.ok()) {
    unlink(temporary.c_str());
    return CacheError(path, "cannot be written: " + written.error().message);
  }
  return OkStatus();
}

}  // namespace foyer::creds
