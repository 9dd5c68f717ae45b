// Logging in with SAML: from the IdP's signed response to a session of the
// group's landing role, through sts:AssumeRoleWithSAML.
//
// The response arrives at the loopback ACS after the person signs in at the
// IdP's sign-in URL, or is read from a file or stdin (--assertion-file). It
// is checked against the configured IdP metadata (saml_response.h) before
// anything is sent to AWS.
#ifndef FOYER_LOGIN_SAML_LOGIN_H_
#define FOYER_LOGIN_SAML_LOGIN_H_

#include <string>
#include <vector>

#include "base/result.h"
#include "login/client_config.h"
#include "login/landing_login.h"
#include "login/saml_response.h"
#include "store/credential_cache.h"

namespace foyer::login {

// Checks the IdP metadata at `source` and copies it beside the client
// configuration at `config_path` as saml/<org>-idp-metadata.xml (mode
// 0600); returns that relative path, for SamlSettings::metadata_file.
Result<std::string> InstallSamlMetadata(const std::string& source, const std::string& config_path,
                                        const std::string& org_name);

// The configured metadata (a relative metadata_file is relative to the
// folder of `config_path`). The file must be private to this user: it is
// the trust anchor of every SAML login.
Result<SamlIdpMetadata> LoadSamlMetadata(const SamlSettings& settings, const std::string& config_path);

// The Recipient / Destination values a response may carry: the AWS sign-in
// endpoints of the partition (global and per region) and `acs_url`.
std::vector<std::string> AcceptedSamlRecipients(const OrgAccess& org, const std::string& acs_url);

// The role of `assertion` for `landing_role_arn`. Errors list the roles the
// assertion offers. When it offers that role through several SAML
// providers, `interactive` asks which one on the terminal; otherwise it is
// an error listing them.
Result<SamlRole> ChooseLandingRole(const SamlAssertion& assertion, const std::string& landing_role_arn,
                                   bool interactive);

// The SAML login of LogIn (landing_login.h).
// REQUIRES: org.saml
Result<store::CachedCredentials> LogInWithSaml(const OrgAccess& org, const LoginOptions& options);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_SAML_LOGIN_H_
