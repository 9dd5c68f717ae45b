#include "login/client_config.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "aws/endpoints.h"
#include "base/account_id.h"
#include "spec/table_reader.h"
#include "store/private_file.h"

namespace foyer::login {
namespace {

constexpr const char* kMethodNames[] = {"oidc", "saml", "iam-user", "identity-center"};

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void ReadMethodSettings(spec::TableReader& org_reader, OrgAccess& org, spec::Diagnostics& diagnostics) {
  auto section = [&](const char* key, std::vector<std::string> allowed) -> std::optional<spec::TableReader> {
    const toml::table* table = org_reader.Table(key);
    if (table == nullptr) return std::nullopt;
    return spec::TableReader(*table, "in [orgs." + org.name + "." + key + "]", std::move(allowed), diagnostics);
  };
  if (auto oidc = section("oidc", {"issuer", "client_id", "refresh_tokens"})) {
    org.oidc = OidcSettings{oidc->RequiredString("issuer").value, oidc->RequiredString("client_id").value,
                            oidc->Boolean("refresh_tokens").value_or(false)};
    oidc->ReportUnknownKeys();
  }
  if (auto saml = section("saml", {"sign_in_url", "metadata_file", "acs_port", "audience"})) {
    org.saml = SamlSettings{};
    org.saml->sign_in_url = saml->RequiredString("sign_in_url").value;
    org.saml->metadata_file = saml->RequiredString("metadata_file").value;
    if (auto port = saml->Integer("acs_port")) {
      if (port->value < 1 || port->value > 65535) {
        diagnostics.Add(port->at, "'acs_port' in [orgs." + org.name + ".saml] must be a port from 1 to 65535");
      }
      org.saml->acs_port = static_cast<int>(port->value);
    }
    org.saml->audience = saml->String("audience").value_or(spec::LocatedString{}).value;
    saml->ReportUnknownKeys();
  }
  if (auto user = section("iam_user", {"user_name", "mfa_serial", "mfa_process"})) {
    org.iam_user = IamUserSettings{user->RequiredString("user_name").value,
                                   user->String("mfa_serial").value_or(spec::LocatedString{}).value,
                                   user->String("mfa_process").value_or(spec::LocatedString{}).value};
    user->ReportUnknownKeys();
  }
  if (auto center = section("identity_center", {"start_url", "region", "session_name"})) {
    org.identity_center =
        IdentityCenterSettings{center->RequiredString("start_url").value, center->RequiredString("region").value,
                               center->String("session_name").value_or(spec::LocatedString{}).value};
    center->ReportUnknownKeys();
  }
}

void ReadGrants(spec::TableReader& org_reader, OrgAccess& org, spec::Diagnostics& diagnostics) {
  const toml::table* groups = org_reader.Table("grants");
  if (groups == nullptr) return;
  for (const auto& [group, accounts] : *groups) {
    const toml::table* table = accounts.as_table();
    if (table == nullptr) {
      diagnostics.Add(spec::PositionOf(accounts.source()),
                      "'" + std::string(group.str()) + "' in [orgs." + org.name + ".grants] must be a table");
      continue;
    }
    auto& granted = org.grants[std::string(group.str())];
    spec::TableReader reader(*table, "in [orgs." + org.name + ".grants." + std::string(group.str()) + "]", {},
                             diagnostics);
    for (const auto& [account, roles] : *table) {
      granted[std::string(account.str())] = reader.RequiredStringList(account.str()).Values();
    }
  }
}

void CheckOrg(const OrgAccess& org, spec::SourcePosition at, spec::Diagnostics& diagnostics) {
  std::string where = " in [orgs." + org.name + "]";
  if (!IsAccountId(org.admin_account_id)) diagnostics.Add(at, "'admin_account_id'" + where + " must be 12 digits");
  if (!org.management_account_id.empty() && !IsAccountId(org.management_account_id)) {
    diagnostics.Add(at, "'management_account_id'" + where + " must be 12 digits");
  }
  if (org.regions.empty()) diagnostics.Add(at, "'regions'" + where + " must list at least one region");
  bool configured = (org.method == LoginMethod::kOidc && org.oidc) || (org.method == LoginMethod::kSaml && org.saml) ||
                    (org.method == LoginMethod::kIamUser && org.iam_user) ||
                    (org.method == LoginMethod::kIdentityCenter && org.identity_center);
  if (!configured) {
    static constexpr const char* kSections[] = {"oidc", "saml", "iam_user", "identity_center"};
    diagnostics.Add(at, "method '" + std::string(LoginMethodName(org.method)) + "'" + where + " needs a [orgs." +
                            org.name + "." + kSections[static_cast<int>(org.method)] + "] table");
  }
}

Result<OrgAccess> ReadOrg(const std::string& name, const toml::table& table, spec::Diagnostics& diagnostics) {
  spec::TableReader reader(table, "in [orgs." + name + "]",
                           {"admin_account_id", "management_account_id", "regions", "method", "default_group", "oidc",
                            "saml", "iam_user", "identity_center", "grants"},
                           diagnostics);
  OrgAccess org;
  org.name = name;
  org.admin_account_id = reader.RequiredString("admin_account_id").value;
  org.management_account_id = reader.String("management_account_id").value_or(spec::LocatedString{}).value;
  org.regions = reader.RequiredStringList("regions").Values();
  auto method = reader.RequiredString("method");
  if (auto parsed = ParseLoginMethod(method.value)) {
    org.method = *parsed;
  } else if (!method.value.empty()) {
    diagnostics.Add(method.at, "'method' in [orgs." + name + "] must be one of oidc, saml, iam-user, identity-center, not '" +
                                   method.value + "'");
  }
  org.default_group = reader.String("default_group").value_or(spec::LocatedString{}).value;
  ReadMethodSettings(reader, org, diagnostics);
  ReadGrants(reader, org, diagnostics);
  reader.ReportUnknownKeys();
  CheckOrg(org, reader.at(), diagnostics);
  return org;
}

std::string JoinDiagnostics(const spec::Diagnostics& diagnostics) {
  std::string text;
  for (const auto& diagnostic : diagnostics.list) text += (text.empty() ? "" : "\n") + diagnostic.ToString();
  return text;
}

}  // namespace

const char* LoginMethodName(LoginMethod method) { return kMethodNames[static_cast<int>(method)]; }

std::optional<LoginMethod> ParseLoginMethod(std::string_view name) {
  for (int i = 0; i < 4; ++i) {
    if (name == kMethodNames[i]) return static_cast<LoginMethod>(i);
  }
  return std::nullopt;
}

std::string OrgAccess::Partition() const { return aws::PartitionOf(regions.empty() ? "us-east-1" : regions[0]); }

std::string OrgAccess::LandingRoleArn(const std::string& group) const {
  return "arn:" + Partition() + ":iam::" + admin_account_id + ":role/foyer/" + group;
}

Result<const OrgAccess*> ClientConfigFile::Select(const std::string& requested) const {
  std::string wanted = !requested.empty() ? requested : !default_org.empty() ? default_org : "";
  if (wanted.empty() && orgs.size() == 1) return &orgs[0];
  for (const auto& org : orgs) {
    if (org.name == wanted) return &org;
  }
  std::string names;
  for (const auto& org : orgs) names += (names.empty() ? "" : ", ") + org.name;
  Error error = MakeError("ConfigError", wanted.empty() ? "several organizations are configured (" + names +
                                                              "); choose one with --org"
                                                        : "no organization '" + wanted + "' is configured (there " +
                                                              (orgs.empty() ? "are none" : "are: " + names) +
                                                              "); run `foyer configure --org " + wanted + "`");
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

void ClientConfigFile::Upsert(OrgAccess org) {
  for (auto& existing : orgs) {
    if (existing.name == org.name) {
      existing = std::move(org);
      return;
    }
  }
  orgs.push_back(std::move(org));
}

std::string ClientConfigPath() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::filesystem::path base = xdg && *xdg ? xdg : std::filesystem::path(home ? home : ".") / ".config";
  return (base / "foyer" / "config.toml").string();
}

Result<ClientConfigFile> LoadClientConfig(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    Error error = MakeError("ConfigError", "foyer is not configured yet (no " + path +
                                               "); run `foyer configure` first");
    error.exit_code = ExitCode::kLoginNeeded;
    return error;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) return MakeError("ConfigError", "could not read " + path);
  std::stringstream text;
  text << file.rdbuf();
  return ParseClientConfig(text.str(), path);
}

Result<ClientConfigFile> ParseClientConfig(std::string_view text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& failure) {
    return MakeError("ConfigError", source + ":" + std::to_string(failure.source().begin.line) + ":" +
                                        std::to_string(failure.source().begin.column) +
                                        ": error: " + std::string(failure.description()));
  }
  spec::Diagnostics diagnostics;
  diagnostics.file = source;
  spec::TableReader top(root, "at the top level", {"default_org", "orgs"}, diagnostics);
  ClientConfigFile config;
  config.default_org = top.String("default_org").value_or(spec::LocatedString{}).value;
  if (const toml::table* orgs = top.Table("orgs")) {
    for (const auto& [name, node] : *orgs) {
      if (const auto* table = node.as_table()) {
        auto org = ReadOrg(std::string(name.str()), *table, diagnostics);
        if (org.ok()) config.orgs.push_back(std::move(*org));
      } else {
        diagnostics.Add(spec::PositionOf(node.source()), "'orgs." + std::string(name.str()) + "' must be a table");
      }
    }
  }
  top.ReportUnknownKeys();
  if (!diagnostics.empty()) return MakeError("ConfigError", JoinDiagnostics(diagnostics));
  return config;
}

std::string RenderClientConfig(const ClientConfigFile& config) {
  std::string out = "# foyer client configuration, written by `foyer configure`.\n";
  if (!config.default_org.empty()) out += "default_org = " + Quoted(config.default_org) + "\n";
  for (const auto& org : config.orgs) {
    out += "\n[orgs." + org.name + "]\n";
    out += "admin_account_id = " + Quoted(org.admin_account_id) + "\n";
    if (!org.management_account_id.empty()) out += "management_account_id = " + Quoted(org.management_account_id) + "\n";
    out += "regions = [";
    for (size_t i = 0; i < org.regions.size(); ++i) out += (i ? ", " : "") + Quoted(org.regions[i]);
    out += "]\n";
    out += "method = " + Quoted(LoginMethodName(org.method)) + "\n";
    if (!org.default_group.empty()) out += "default_group = " + Quoted(org.default_group) + "\n";
    if (org.oidc) {
      out += "\n[orgs." + org.name + ".oidc]\nissuer = " + Quoted(org.oidc->issuer) +
             "\nclient_id = " + Quoted(org.oidc->client_id) + "\n";
      if (org.oidc->refresh_tokens) out += "refresh_tokens = true\n";
    }
    if (org.saml) {
      out += "\n[orgs." + org.name + ".saml]\nsign_in_url = " + Quoted(org.saml->sign_in_url) +
             "\nmetadata_file = " + Quoted(org.saml->metadata_file) +
             "\nacs_port = " + std::to_string(org.saml->acs_port) + "\n";
      if (!org.saml->audience.empty()) out += "audience = " + Quoted(org.saml->audience) + "\n";
    }
    if (org.iam_user) {
      out += "\n[orgs." + org.name + ".iam_user]\nuser_name = " + Quoted(org.iam_user->user_name) + "\n";
      if (!org.iam_user->mfa_serial.empty()) out += "mfa_serial = " + Quoted(org.iam_user->mfa_serial) + "\n";
      if (!org.iam_user->mfa_process.empty()) out += "mfa_process = " + Quoted(org.iam_user->mfa_process) + "\n";
    }
    if (org.identity_center) {
      out += "\n[orgs." + org.name + ".identity_center]\nstart_url = " + Quoted(org.identity_center->start_url) +
             "\nregion = " + Quoted(org.identity_center->region) + "\n";
      if (!org.identity_center->session_name.empty()) {
        out += "session_name = " + Quoted(org.identity_center->session_name) + "\n";
      }
    }
    for (const auto& [group, accounts] : org.grants) {
      out += "\n[orgs." + org.name + ".grants." + Quoted(group) + "]\n";
      for (const auto& [account, roles] : accounts) {
        out += Quoted(account) + " = [";
        for (size_t i = 0; i < roles.size(); ++i) out += (i ? ", " : "") + Quoted(roles[i]);
        out += "]\n";
      }
    }
  }
  return out;
}

Status SaveClientConfig(const std::string& path, const ClientConfigFile& config) {
  std::filesystem::path target(path);
  std::error_code error;
  std::filesystem::create_directories(target.parent_path(), error);
  if (error) return MakeError("ConfigError", "could not create " + target.parent_path().string() + ": " + error.message());
  ::chmod(target.parent_path().c_str(), 0700);
  return store::ReplacePrivateFile(target, RenderClientConfig(config), target.string() + ".tmp");
}

}  // namespace foyer::login
