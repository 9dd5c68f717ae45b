#include "access/role_session_request.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

namespace foyer::access {

bool IsRoleName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("+=,.@_-", c) != nullptr;
  });
}

std::string RoleSessionCacheKey(const login::OrgAccess& org, const RoleSessionRequest& request) {
  return "target/" + org.name + "/" + request.account_id + "/" + request.role + "/from/" + request.group;
}

std::string TargetRoleArn(const login::OrgAccess& org, const RoleSessionRequest& request) {
  return "arn:" + org.Partition() + ":iam::" + request.account_id + ":role/foyer/" + request.role;
}

Result<std::chrono::seconds> RefreshWindowFromEnvironment(const creds::Environment& env) {
  std::string text = env.GetOrEmpty("FOYER_REFRESH_WINDOW_SECONDS");
  if (text.empty()) return std::chrono::seconds(std::chrono::minutes(15));
  long long seconds = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() || seconds < 0) {
    Error usage = MakeError("ConfigError", "FOYER_REFRESH_WINDOW_SECONDS must be a whole number of seconds, not '" +
                                               text + "'");
    usage.exit_code = ExitCode::kUsage;
    return usage;
  }
  return std::chrono::seconds(seconds);
}

Status CheckRoleSessionRequest(const RoleSessionRequest& request) {
  if (request.group.empty()) {
    Error error = MakeError("ConfigError", "no group to move from: pass --group, or set default_group with "
                                           "`foyer configure --group G`");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  if (!IsRoleName(request.role)) {
    Error error = MakeError("ConfigError", "'" + request.role + "' is not a role name (letters, digits and +=,.@_-, "
                                           "at most 64)");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  return OkStatus();
}

}  // namespace foyer::access
