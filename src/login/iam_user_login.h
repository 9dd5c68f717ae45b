// Getting into the admin account as an IAM user: the user's long-term access
// key (kept in the SecretStore, never on disk in plaintext) and the current
// code of their MFA device buy an MFA session (sts:GetSessionToken), which
// assumes the group's landing role with SourceIdentity = the user name, the
// value the landing trust compares with ${aws:username} (DESIGN.md section 2).
#ifndef FOYER_LOGIN_IAM_USER_LOGIN_H_
#define FOYER_LOGIN_IAM_USER_LOGIN_H_

#include <string>
#include <string_view>

#include "aws/credentials.h"
#include "base/result.h"
#include "login/client_config.h"
#include "login/landing_login.h"
#include "login/secret_store.h"

namespace foyer::login {

// A long-term access key of an IAM user. Both fields together are secret.
struct IamUserKey {
  std::string access_key_id;
  std::string secret_access_key;
};

// "iam-user/<org>/<user name>": where the key of `org`'s IAM user is kept.
// REQUIRES: org.iam_user
std::string IamUserSecretName(const OrgAccess& org);

// The key in `text`: JSON {"AccessKeyId":..,"SecretAccessKey":..} (as
// iam:CreateAccessKey and the console's download give it) or two lines, the
// id then the secret. Errors never quote the text.
Result<IamUserKey> ParseIamUserKey(std::string_view text);

// The stored key of `org`'s IAM user; fails with exit code 3, saying how to
// store one, when there is none.
Result<IamUserKey> LoadIamUserKey(SecretStore& secrets, const OrgAccess& org);
Status StoreIamUserKey(SecretStore& secrets, const OrgAccess& org, const IamUserKey& key);

// Asks on the terminal for the access key id and secret (the secret without
// echo). Fails with exit code 3 when stdin is not a terminal.
Result<IamUserKey> ReadIamUserKeyFromTerminal();

// The ARN of the user's MFA device: the configured one, else the only one
// iam:ListMFADevices lists for the user (called with `key`).
Result<std::string> FindMfaSerial(const OrgAccess& org, const IamUserKey& key, const aws::ClientConfig& aws);

// The current MFA code: `given` when not empty, else the first line printed
// by the configured mfa_process, else a prompt on the terminal; no terminal:
// an error with exit code 3 naming --mfa-code.
Result<std::string> ObtainMfaCode(const OrgAccess& org, const std::string& given, const std::string& serial);

// sts:GetSessionToken with `key` and the MFA code, region by region.
Result<aws::Credentials> GetMfaSession(const OrgAccess& org, const IamUserKey& key, const std::string& serial,
                                       const std::string& code, const aws::ClientConfig& aws);

// The whole login (the LogIn step for method iam-user): stored key, MFA
// session, landing role.
Result<store::CachedCredentials> LogInWithIamUser(const OrgAccess& org, const LoginOptions& options);

// Replaces the stored key with a new one: an MFA session creates the new
// key, which is stored and proven (sts:GetCallerIdentity) before the old key
// is deleted. When the new key cannot be proven, it is deleted and the old
// one kept. Returns the new access key id.
Result<std::string> RotateIamUserKey(const OrgAccess& org, const LoginOptions& options, SecretStore& secrets);

// The SecretStore of this machine: OpenSecretStore on the default state
// folder and this process's environment.
Result<std::unique_ptr<SecretStore>> OpenDefaultSecretStore();

}  // namespace foyer::login

#endif  // FOYER_LOGIN_IAM_USER_LOGIN_H_
