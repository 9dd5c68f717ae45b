#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "access/org_access_from_spec.h"
#include "cli/commands.h"
#include "login/client_config.h"
#include "login/saml_login.h"

namespace foyer::cli {
namespace {

struct ConfigureOptions {
  std::string org = "default";
  std::string admin_account;
  std::string management_account;
  std::vector<std::string> regions;
  std::string method;
  std::string group;
  std::string oidc_issuer;
  std::string oidc_client_id;
  bool oidc_refresh_tokens = false;
  std::string saml_sign_in_url;
  std::string saml_metadata;  // a file, copied beside the configuration
  int saml_acs_port = 0;
  std::string saml_audience;
  std::string iam_user;
  std::string mfa_serial;
  std::string mfa_process;
  std::string sso_start_url;
  std::string sso_region;
  std::string sso_session;
  std::string from;  // a foyer.toml
  bool make_default = false;
};

// Starts from what is configured for the org already, so that configure can
// change one setting at a time.
login::OrgAccess Merge(login::OrgAccess org, const ConfigureOptions& options) {
  auto set = [](std::string& field, const std::string& value) {
    if (!value.empty()) field = value;
  };
  org.name = options.org;
  set(org.admin_account_id, options.admin_account);
  set(org.management_account_id, options.management_account);
  if (!options.regions.empty()) org.regions = options.regions;
  if (auto method = login::ParseLoginMethod(options.method)) org.method = *method;
  set(org.default_group, options.group);
  if (!options.oidc_issuer.empty() || !options.oidc_client_id.empty() || options.oidc_refresh_tokens) {
    login::OidcSettings oidc = org.oidc.value_or(login::OidcSettings{});
    set(oidc.issuer, options.oidc_issuer);
    set(oidc.client_id, options.oidc_client_id);
    if (options.oidc_refresh_tokens) oidc.refresh_tokens = true;
    org.oidc = oidc;
  }
  if (!options.saml_sign_in_url.empty() || !options.saml_metadata.empty() || options.saml_acs_port != 0 ||
      !options.saml_audience.empty()) {
    login::SamlSettings saml = org.saml.value_or(login::SamlSettings{});
    set(saml.sign_in_url, options.saml_sign_in_url);
    set(saml.metadata_file, options.saml_metadata);
    if (options.saml_acs_port != 0) saml.acs_port = options.saml_acs_port;
    set(saml.audience, options.saml_audience);
    org.saml = saml;
  }
  if (!options.iam_user.empty() || !options.mfa_serial.empty() || !options.mfa_process.empty()) {
    login::IamUserSettings user = org.iam_user.value_or(login::IamUserSettings{});
    set(user.user_name, options.iam_user);
    set(user.mfa_serial, options.mfa_serial);
    set(user.mfa_process, options.mfa_process);
    org.iam_user = user;
  }
  if (!options.sso_start_url.empty() || !options.sso_region.empty() || !options.sso_session.empty()) {
    login::IdentityCenterSettings center = org.identity_center.value_or(login::IdentityCenterSettings{});
    set(center.start_url, options.sso_start_url);
    set(center.region, options.sso_region);
    set(center.session_name, options.sso_session);
    org.identity_center = center;
  }
  return org;
}

// The checks' messages without their "<file>:<line>:<col>: error: " prefix:
// they describe a file that was not written, and name the setting anyway.
std::string WithoutLocations(const std::string& messages) {
  constexpr std::string_view kMarker = ": error: ";
  std::string out;
  size_t start = 0;
  while (start < messages.size()) {
    size_t end = messages.find('\n', start);
    if (end == std::string::npos) end = messages.size();
    std::string_view line(messages.data() + start, end - start);
    size_t marker = line.find(kMarker);
    if (marker != std::string_view::npos) line.remove_prefix(marker + kMarker.size());
    out.append(out.empty() ? "  " : "\n  ").append(line);
    start = end + 1;
  }
  return out;
}

int RunConfigure(const ConfigureOptions& options) {
  std::string path = login::ClientConfigPath();
  login::ClientConfigFile config;
  if (auto existing = login::LoadClientConfig(path); existing.ok()) {
    config = std::move(*existing);
  } else if (existing.error().exit_code != ExitCode::kLoginNeeded) {
    return ReportError(existing.error());  // a broken file is shown, never overwritten
  }
  login::OrgAccess base;
  for (const auto& org : config.orgs) {
    if (org.name == options.org) base = org;
  }
  if (!options.from.empty()) {
    if (Status applied = access::ApplySpecFile(options.from, base); !applied.ok()) return ReportError(applied.error());
  }
  login::OrgAccess merged = Merge(base, options);
  // Metadata named by --saml-metadata or by the spec of --from (an absolute
  // path) is copied; the copy is what logins trust.
  if (merged.saml && (!options.saml_metadata.empty() || std::filesystem::path(merged.saml->metadata_file).is_absolute())) {
    auto installed = login::InstallSamlMetadata(merged.saml->metadata_file, path, options.org);
    if (!installed.ok()) return ReportError(installed.error());
    merged.saml->metadata_file = *installed;
  }
  config.Upsert(std::move(merged));
  if (!options.from.empty() && config.Select(options.org).value()->admin_account_id.empty()) {
    Error error = MakeError("ConfigError", options.from + " names the admin account but not its id: give "
                                           "--admin-account ID (or run `foyer accounts --refresh` first)");
    error.exit_code = ExitCode::kUsage;
    return ReportError(error);
  }
  if (options.make_default || config.default_org.empty()) config.default_org = options.org;

  // Write only what would load again: the text to be saved is checked first.
  auto reloaded = login::ParseClientConfig(login::RenderClientConfig(config), path);
  if (!reloaded.ok()) {
    Error error = reloaded.error();
    error.exit_code = ExitCode::kUsage;
    error.message = "the configuration would not be usable, nothing was written:\n" + WithoutLocations(error.message);
    return ReportError(error);
  }
  if (Status saved = login::SaveClientConfig(path, config); !saved.ok()) return ReportError(saved.error());
  std::fprintf(stderr, "Wrote %s (organization '%s').\n", path.c_str(), options.org.c_str());
  return 0;
}

}  // namespace

void AddConfigureCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<ConfigureOptions>();
  auto* command = root.add_subcommand("configure", "Write the client configuration people use to log in");
  command->add_option("--org", options->org, "Name of the organization entry")->capture_default_str();
  command->add_option("--admin-account", options->admin_account, "Id of the admin (access) account");
  command->add_option("--management-account", options->management_account, "Id of the management account");
  command->add_option("--regions", options->regions, "Regions, the first the default (S5: list two)")->delimiter(',');
  command->add_option("--method", options->method, "Login method")
      ->check(CLI::IsMember({"oidc", "saml", "iam-user", "identity-center"}));
  command->add_option("--group", options->group, "Default group to log in as");
  command->add_option("--oidc-issuer", options->oidc_issuer, "OpenID provider issuer URL");
  command->add_option("--oidc-client-id", options->oidc_client_id, "OAuth client id registered for foyer");
  command->add_flag("--oidc-refresh-tokens", options->oidc_refresh_tokens,
                    "Ask for offline_access and keep the refresh token in the secret store (no browser until it "
                    "is refused)");
  command->add_option("--saml-sign-in-url", options->saml_sign_in_url, "The IdP's sign-in URL for AWS");
  command->add_option("--saml-metadata", options->saml_metadata, "The IdP's SAML metadata file (copied and kept)");
  command->add_option("--saml-acs-port", options->saml_acs_port,
                      "Port of the loopback ACS registered at the IdP (http://127.0.0.1:PORT/saml)")
      ->check(CLI::Range(1, 65535));
  command->add_option("--saml-audience", options->saml_audience,
                      "Audience the assertions name (default urn:amazon:webservices)");
  command->add_option("--iam-user", options->iam_user, "IAM user name in the admin account");
  command->add_option("--mfa-serial", options->mfa_serial, "ARN of the user's MFA device");
  command->add_option("--mfa-process", options->mfa_process,
                      "IAM user: a command printing the current MFA code (run without a shell)");
  command->add_option("--sso-start-url", options->sso_start_url, "IAM Identity Center start URL");
  command->add_option("--sso-region", options->sso_region, "IAM Identity Center region");
  command->add_option("--sso-session", options->sso_session,
                      "The AWS CLI sso-session whose token cache to share (default: the organization's name)");
  command->add_option("--from", options->from,
                      "A foyer.toml: take the management account, regions, OIDC settings and grants from it");
  command->add_flag("--default", options->make_default, "Make this organization the default");
  command->callback([&selected, options] { selected = [options] { return RunConfigure(*options); }; });
}

}  // namespace foyer::cli
