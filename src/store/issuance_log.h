// The local audit log of credential issuance: one row per session foyer
// obtained, saying when, for whom, into which account and role, until when,
// by which exchange, and under which AWS request id (to find the same event
// in CloudTrail).
//
// It never holds a secret: an Issuance has no field for a secret access key
// or a session token, so none can be written. The access key id is kept; it
// is an identifier, the one CloudTrail records for every call made with the
// session.
#ifndef FOYER_STORE_ISSUANCE_LOG_H_
#define FOYER_STORE_ISSUANCE_LOG_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time_format.h"
#include "store/sqlite_db.h"
#include "store/state_dir.h"

namespace foyer::store {

// How the credentials were obtained.
enum class IssuanceMethod {
  kAssumeRole,       // sts:AssumeRole
  kWebIdentity,      // sts:AssumeRoleWithWebIdentity (OIDC)
  kSaml,             // sts:AssumeRoleWithSAML
  kGetSessionToken,  // sts:GetSessionToken (IAM user + MFA)
  kSso,              // sso:GetRoleCredentials (IAM Identity Center)
};

// "assume-role", "web-identity", "saml", "get-session-token", "sso".
std::string_view IssuanceMethodName(IssuanceMethod method);
std::optional<IssuanceMethod> ParseIssuanceMethod(std::string_view name);

struct Issuance {
  SystemTime issued_at;
  // Who: the SourceIdentity carried by the session, and the principal that
  // asked (e.g. the landing role session ARN or the IAM user ARN).
  std::string source_identity;
  std::string principal;
  std::string target_account;  // 12 digits
  std::string role_arn;        // empty for GetSessionToken
  std::string access_key_id;
  std::optional<SystemTime> expires_at;
  IssuanceMethod method = IssuanceMethod::kAssumeRole;
  std::string request_id;
};

class IssuanceLog {
 public:
  // The log in `<state>/issuance.db`, created or migrated as needed.
  static Result<IssuanceLog> Open(const StateDir& state);

  Status Record(const Issuance& issuance);

  // Issuances with from <= issued_at < to, oldest first (ties in the order
  // they were recorded).
  Result<std::vector<Issuance>> Between(SystemTime from, SystemTime to) const;

 private:
  explicit IssuanceLog(Database db) : db_(std::move(db)) {}

  Database db_;
};

}  // namespace foyer::store

#endif  // FOYER_STORE_ISSUANCE_LOG_H_
