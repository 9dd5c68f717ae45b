#include "store/credential_entry.h"

#include <charconv>
#include <chrono>
#include <cstdint>

#include "store/state_dir.h"

namespace foyer::store {
namespace {

constexpr std::string_view kHeader = "foyer-credentials 1";
constexpr std::string_view kEnd = "end";

// Reads the lines of an entry in order.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : rest_(text) {}

  // The next line, without its newline; nullopt at the end or when the last
  // line has no newline (a truncated file).
  std::optional<std::string_view> Next() {
    auto newline = rest_.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;
    std::string_view line = rest_.substr(0, newline);
    rest_.remove_prefix(newline + 1);
    return line;
  }

  // The value of the next line when it is "<name> <value>" (the value may
  // be empty).
  std::optional<std::string_view> Field(std::string_view name) {
    auto line = Next();
    if (!line || line->size() <= name.size() || !line->starts_with(name) ||
        (*line)[name.size()] != ' ') {
      return std::nullopt;
    }
    return line->substr(name.size() + 1);
  }

  bool AtEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

bool ReadField(LineReader& lines, std::string_view name, std::string& out) {
  auto value = lines.Field(name);
  if (!value) return false;
  out.assign(*value);
  return true;
}

}  // namespace

Result<std::string> SerializeCredentialEntry(std::string_view key, const CachedCredentials& entry) {
  const aws::Credentials& credentials = entry.credentials;
  if (!credentials.expiration) {
    return MakeError(kStateError, "credentials without an expiration are never cached");
  }
  std::string text;
  text.reserve(256 + credentials.session_token.size());
  bool has_newline = false;
  auto add = [&](std::string_view name, std::string_view value) {
    has_newline = has_newline || value.find('\n') != std::string_view::npos;
    text.append(name).append(" ").append(value).append("\n");
  };
  text.append(kHeader).append("\n");
  add("key", key);
  add("access_key_id", credentials.access_key_id);
  add("secret_access_key", credentials.secret_access_key);
  add("session_token", credentials.session_token);
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
      credentials.expiration->time_since_epoch());
  add("expiration", std::to_string(seconds.count()));
  add("role_arn", entry.role_arn);
  add("source_identity", entry.source_identity);
  add("source", credentials.source);
  text.append(kEnd).append("\n");
  if (has_newline) {
    return MakeError(kStateError, "cannot cache credentials: a value holds a line break");
  }
  return text;
}

std::optional<CachedCredentials> ParseCredentialEntry(std::string_view text, std::string_view key) {
  LineReader lines(text);
  if (lines.Next() != kHeader) return std::nullopt;
  if (lines.Field("key") != key) return std::nullopt;

  CachedCredentials entry;
  aws::Credentials& credentials = entry.credentials;
  if (!ReadField(lines, "access_key_id", credentials.access_key_id) ||
      !ReadField(lines, "secret_access_key", credentials.secret_access_key) ||
      !ReadField(lines, "session_token", credentials.session_token)) {
    return std::nullopt;
  }

  auto expiration = lines.Field("expiration");
  std::int64_t seconds = 0;
  if (!expiration) return std::nullopt;
  auto [end, error] = std::from_chars(expiration->data(), expiration->data() + expiration->size(), seconds);
  if (error != std::errc() || end != expiration->data() + expiration->size()) return std::nullopt;
  credentials.expiration = aws::Clock::time_point(std::chrono::seconds(seconds));

  if (!ReadField(lines, "role_arn", entry.role_arn) ||
      !ReadField(lines, "source_identity", entry.source_identity) ||
      !ReadField(lines, "source", credentials.source)) {
    return std::nullopt;
  }
  if (lines.Next() != kEnd || !lines.AtEnd()) return std::nullopt;
  if (credentials.access_key_id.empty() || credentials.secret_access_key.empty()) return std::nullopt;
  return entry;
}

}  // namespace foyer::store
