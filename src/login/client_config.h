// The client configuration: how this person gets into each organization.
//
// Kept in $XDG_CONFIG_HOME/foyer/config.toml (default ~/.config/foyer),
// written by `foyer configure`. It holds no secret: only where to go and how.
//
//   default_org = "acme"
//
//   [orgs.acme]
//   admin_account_id = "111111111111"
//   management_account_id = "222222222222"
//   regions = ["us-east-1", "us-west-2"]
//   method = "oidc"                 # oidc | saml | iam-user | identity-center
//   default_group = "engineers"
//
//   [orgs.acme.oidc]
//   issuer = "https://idp.example.com"
//   client_id = "foyer"
//
//   [orgs.acme.grants.engineers]     # written by `foyer configure --from`
//   "payments-production" = ["Auditor"]
//   "payments-development" = ["Administrator", "Auditor"]
#ifndef FOYER_LOGIN_CLIENT_CONFIG_H_
#define FOYER_LOGIN_CLIENT_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace foyer::login {

enum class LoginMethod { kOidc, kSaml, kIamUser, kIdentityCenter };

// "oidc", "saml", "iam-user", "identity-center"
const char* LoginMethodName(LoginMethod method);
std::optional<LoginMethod> ParseLoginMethod(std::string_view name);

struct OidcSettings {
  std::string issuer;
  std::string client_id;
  // Ask for offline_access and keep the refresh token in the secret store,
  // so that new sessions need no browser until the provider says so.
  bool refresh_tokens = false;
};

// The loopback ACS port when none is configured.
inline constexpr int kDefaultSamlAcsPort = 8913;

struct SamlSettings {
  std::string sign_in_url;  // the IdP's IdP-initiated sign-in URL for AWS
  // The IdP metadata that responses are checked against: the copy that
  // `foyer configure --saml-metadata FILE` keeps beside config.toml (a
  // relative path is relative to that folder).
  std::string metadata_file;
  // The ACS registered at the IdP is http://127.0.0.1:<acs_port>/saml.
  int acs_port = kDefaultSamlAcsPort;
  // The audience assertions must name; empty: urn:amazon:webservices.
  std::string audience;
};

struct IamUserSettings {
  std::string user_name;
  std::string mfa_serial;  // ARN of the virtual MFA device
  // A command (split like a shell would, run without one) whose first line
  // of output is the current MFA code, e.g. a password manager's TOTP.
  std::string mfa_process;
};

struct IdentityCenterSettings {
  std::string start_url;
  std::string region;
  // The AWS CLI's [sso-session] name whose token cache foyer shares; empty:
  // the organization's name.
  std::string session_name;
};

// One organization, as this person reaches it.
struct OrgAccess {
  std::string name;
  std::string admin_account_id;
  std::string management_account_id;
  std::vector<std::string> regions;  // at least one; the first is the default
  LoginMethod method = LoginMethod::kOidc;
  std::string default_group;
  std::optional<OidcSettings> oidc;
  std::optional<SamlSettings> saml;
  std::optional<IamUserSettings> iam_user;
  std::optional<IdentityCenterSettings> identity_center;
  // group -> account name -> the roles the group is granted there, as
  // `foyer configure --from foyer.toml` read them from the spec (the
  // management account is "management"). It lets `--role` default and
  // `foyer config sync` list profiles without asking AWS. Empty when the
  // org was configured by hand.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> grants;

  // The partition of the first region ("aws", "aws-cn", "aws-us-gov").
  std::string Partition() const;
  // arn:<partition>:iam::<admin>:role/foyer/<group>
  std::string LandingRoleArn(const std::string& group) const;
};

struct ClientConfigFile {
  std::string default_org;
  std::vector<OrgAccess> orgs;

  // The organization named `requested`, or with none requested the default
  // one (or the only one). Errors list the organizations there are.
  Result<const OrgAccess*> Select(const std::string& requested) const;
  // Adds `org`, replacing one of the same name.
  void Upsert(OrgAccess org);
};

// $XDG_CONFIG_HOME/foyer/config.toml, or ~/.config/foyer/config.toml.
std::string ClientConfigPath();

// Reads and checks the file. A missing file is an error with exit status 3
// that says to run `foyer configure`; every mistake names file:line:col.
Result<ClientConfigFile> LoadClientConfig(const std::string& path);
// Reads and checks `text`; mistakes name `source` (a file name) with line:col.
Result<ClientConfigFile> ParseClientConfig(std::string_view text, const std::string& source);
// The TOML text of `config`, commented, in a stable order.
std::string RenderClientConfig(const ClientConfigFile& config);
// Writes atomically (temp file + rename), mode 0600, creating the folder 0700.
Status SaveClientConfig(const std::string& path, const ClientConfigFile& config);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_CLIENT_CONFIG_H_
