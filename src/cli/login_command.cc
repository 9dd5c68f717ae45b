#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "aws/retry.h"
#include "base/time_format.h"
#include "cli/commands.h"
#include "login/client_config.h"
#include "login/iam_user_login.h"
#include "login/landing_login.h"
#include "store/credential_cache.h"
#include "store/state_dir.h"

namespace foyer::cli {
namespace {

struct LoginCommandOptions {
  std::string org;
  std::string group;
  bool no_browser = false;
  bool force = false;
  std::string assertion_file;  // SAML
  std::string method;  // overrides the configured one
  bool device = false;
  // IAM user
  bool secret_stdin = false;
  std::string mfa_code;
  bool rotate_key = false;
};

void PresentDeviceCode(const login::DeviceSignIn& sign_in) {
  std::fprintf(stderr, "To sign in, open this address and confirm the code %s:\n\n  %s\n\n", sign_in.user_code.c_str(),
               (sign_in.verification_uri_complete.empty() ? sign_in.verification_uri
                                                          : sign_in.verification_uri_complete)
                   .c_str());
  if (!sign_in.verification_uri_complete.empty()) {
    std::fprintf(stderr, "(or open %s and type the code)\n\n", sign_in.verification_uri.c_str());
  }
  std::fflush(stderr);
}

// --method may name a method the configuration has no settings for.
bool MethodConfigured(const login::OrgAccess& org) {
  switch (org.method) {
    case login::LoginMethod::kOidc:
      return org.oidc.has_value();
    case login::LoginMethod::kSaml:
      return org.saml.has_value();
    case login::LoginMethod::kIamUser:
      return org.iam_user.has_value();
    case login::LoginMethod::kIdentityCenter:
      return org.identity_center.has_value();
  }
  return false;
}

// Stores the key given on stdin (--secret-stdin), or asked for on the
// terminal when none is stored yet. True when a new key was stored.
Result<bool> StoreIamUserKeyIfGiven(const LoginCommandOptions& options, const login::OrgAccess& org,
                                    login::SecretStore& secrets) {
  Result<login::IamUserKey> key = MakeError("InternalError", "no key");
  if (options.secret_stdin) {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    key = login::ParseIamUserKey(text);
  } else {
    auto stored = secrets.Get(login::IamUserSecretName(org));
    if (!stored.ok()) return stored.error();
    // Without a terminal, LogIn says how to give the key.
    if (stored->has_value() || ::isatty(STDIN_FILENO) != 1) return false;
    key = login::ReadIamUserKeyFromTerminal();
  }
  if (!key.ok()) return key.error();
  FOYER_RETURN_IF_ERROR(login::StoreIamUserKey(secrets, org, *key));
  std::fprintf(stderr, "Stored the access key %s of %s (%s).\n", key->access_key_id.c_str(),
               org.iam_user->user_name.c_str(), secrets.Kind() == "file" ? "encrypted file" : "OS keyring");
  return true;
}

// --rotate-key: a new access key replaces the stored one.
int RunRotateKey(const login::OrgAccess& org, const login::LoginOptions& login_options, login::SecretStore& secrets) {
  auto rotated = login::RotateIamUserKey(org, login_options, secrets);
  if (!rotated.ok()) return ReportError(rotated.error());
  std::fprintf(stderr, "Rotated the access key of %s: %s is stored and works; the old key is deleted.\n",
               org.iam_user->user_name.c_str(), rotated->c_str());
  return 0;
}

int RunLogin(const LoginCommandOptions& options) {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return ReportError(config.error());
  auto selected = config->Select(options.org);
  if (!selected.ok()) return ReportError(selected.error());
  login::OrgAccess org = **selected;
  if (auto method = login::ParseLoginMethod(options.method)) org.method = *method;
  if (!MethodConfigured(org)) {
    Error error = MakeError("ConfigError", std::string("organization '") + org.name + "' has no settings for method '" +
                                               login::LoginMethodName(org.method) + "'; run `foyer configure --org " +
                                               org.name + " --method " + login::LoginMethodName(org.method) +
                                               " ...` first");
    error.exit_code = ExitCode::kUsage;
    return ReportError(error);
  }
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return ReportError(state.error());
  auto cache = store::CredentialCache::Open(*state);
  if (!cache.ok()) return ReportError(cache.error());

  login::LoginOptions login_options;
  login_options.group = options.group.empty() ? org.default_group : options.group;
  login_options.open_browser = !options.no_browser;
  // A response given on purpose is used even when a cached session is fresh.
  login_options.force = options.force || !options.assertion_file.empty();
  login_options.saml_assertion_file = options.assertion_file;
  login_options.device_flow = options.device;
  login_options.present_device_code = PresentDeviceCode;
  login_options.present_url = [](const std::string& url) {
    std::fprintf(stderr, "Sign in at this address (it opens in your browser unless --no-browser):\n\n  %s\n\n",
                 url.c_str());
    std::fflush(stderr);
  };
  login_options.mfa_code = options.mfa_code;
  std::unique_ptr<login::SecretStore> secrets;
  if (org.method == login::LoginMethod::kIamUser) {
    auto opened = login::OpenDefaultSecretStore();
    if (!opened.ok()) return ReportError(opened.error());
    secrets = std::move(*opened);
    login_options.secrets = secrets.get();
    auto stored = StoreIamUserKeyIfGiven(options, org, *secrets);
    if (!stored.ok()) return ReportError(stored.error());
    if (options.rotate_key) return RunRotateKey(org, login_options, *secrets);
    // A key given on purpose is used even when a cached session is fresh.
    login_options.force = login_options.force || *stored;
  } else if (options.secret_stdin || options.rotate_key || !options.mfa_code.empty()) {
    Error error = MakeError("UsageError", "--secret-stdin, --mfa-code and --rotate-key are for --method iam-user");
    error.exit_code = ExitCode::kUsage;
    return ReportError(error);
  }
  auto session = login::LogIn(org, login_options, *cache);
  if (!session.ok()) return ReportError(session.error());

  const auto& credentials = session->credentials;
  std::string until = credentials.expiration ? FormatRfc3339(*credentials.expiration) + " (" +
                                                   DescribeRemaining(*credentials.expiration, aws::Clock::now()) + ")"
                                             : "no expiry";
  std::fprintf(stderr, "Logged in to %s as group %s (%s), until %s.\n", org.name.c_str(),
               login_options.group.c_str(), session->role_arn.c_str(), until.c_str());
  return 0;
}

}  // namespace

void AddLoginCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<LoginCommandOptions>();
  auto* command = root.add_subcommand("login", "Get into the admin account with your organization's login method");
  command->add_option("--org", options->org, "Organization of the client configuration (default: default_org)");
  command->add_option("--group", options->group, "Group to log in as (default: the configured default_group)");
  command->add_flag("--no-browser", options->no_browser, "Print the sign-in URL instead of opening a browser");
  command->add_flag("--force", options->force, "Log in again even when the cached session is still fresh");
  command->add_option("--assertion-file", options->assertion_file,
                      "SAML: a SAMLResponse (base64 or XML) from this file, or - for stdin, instead of the browser");
  command->add_option("--method", options->method, "Login method (default: the configured one)")
      ->check(CLI::IsMember({"oidc", "saml", "iam-user", "identity-center"}));
  command->add_flag("--device", options->device,
                    "OIDC: sign in on another device with a code (RFC 8628), for machines without a browser");
  command->add_flag("--secret-stdin", options->secret_stdin,
                    "IAM user: read the access key from stdin (JSON, or the id then the secret on two lines) and "
                    "store it");
  command->add_option("--mfa-code", options->mfa_code, "IAM user: the current code of your MFA device");
  command->add_flag("--rotate-key", options->rotate_key,
                    "IAM user: create a new access key, store and prove it, then delete the old one");
  command->callback([&selected, options] { selected = [options] { return RunLogin(*options); }; });
}

}  // namespace foyer::cli
