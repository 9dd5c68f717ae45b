#include "spec/spec_parser.h"

#include <utility>

#include <toml++/toml.h>

#include "spec/table_reader.h"

namespace foyer::spec {
namespace {

// A default list: the given names, placed at the table they default in.
NameList DefaultList(const std::vector<std::string>& names, SourcePosition at) {
  NameList list;
  list.at = at;
  for (const std::string& name : names) list.items.push_back(LocatedString{name, at});
  return list;
}

std::string Quoted(const std::string& name) { return "'" + name + "'"; }

// "[[domain]] 'payments'" once the name is known, "[[domain]] #2" before.
std::string ElementName(std::string_view header, size_t index, const std::string& name) {
  std::string element(header);
  return name.empty() ? element + " #" + std::to_string(index + 1) : element + " " + Quoted(name);
}

class SpecParser {
 public:
  explicit SpecParser(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  Spec Parse(const toml::table& root) {
    Spec spec;
    TableReader reader(root, "at the top level",
                       {"organization", "accounts", "domain", "role", "group", "identity",
                        "guardrails", "terraform", "ci"},
                       diagnostics_);
    if (const toml::table* table = RequiredTable(reader, "organization")) {
      spec.organization = ReadOrganization(*table);
    }
    if (const toml::table* table = RequiredTable(reader, "accounts")) {
      spec.accounts = ReadAccounts(*table);
    }
    auto domains = reader.TableArray("domain", "an array of tables, written [[domain]]");
    for (size_t i = 0; i < domains.size(); ++i) {
      spec.domains.push_back(ReadDomain(*domains[i], i, spec.organization));
    }
    auto roles = reader.TableArray("role", "an array of tables, written [[role]]");
    for (size_t i = 0; i < roles.size(); ++i) spec.roles.push_back(ReadRole(*roles[i], i));
    auto groups = reader.TableArray("group", "an array of tables, written [[group]]");
    for (size_t i = 0; i < groups.size(); ++i) spec.groups.push_back(ReadGroup(*groups[i], i));
    if (const toml::table* table = reader.Table("identity")) spec.identity = ReadIdentity(*table);
    if (const toml::table* table = reader.Table("guardrails")) {
      spec.guardrails = ReadGuardrails(*table);
    }
    if (const toml::table* table = reader.Table("terraform")) {
      spec.terraform = ReadTerraform(*table);
    }
    auto pipelines = reader.TableArray("ci", "an array of tables, written [[ci]]");
    for (size_t i = 0; i < pipelines.size(); ++i) spec.ci.push_back(ReadCi(*pipelines[i], i));
    reader.ReportUnknownKeys();
    return spec;
  }

 private:
  const toml::table* RequiredTable(TableReader& reader, std::string_view key) {
    if (!reader.Has(key)) {
      diagnostics_.Add(SourcePosition{1, 1}, "missing table [" + std::string(key) + "]");
      return nullptr;
    }
    return reader.Table(key);
  }

  Organization ReadOrganization(const toml::table& table) {
    TableReader reader(table, "in [organization]",
                       {"management_account_id", "email", "regions", "environments", "qualities"},
                       diagnostics_);
    Organization organization;
    organization.at = reader.at();
    organization.management_account_id = reader.RequiredString("management_account_id");
    organization.email = reader.RequiredString("email");
    organization.regions = reader.RequiredStringList("regions");
    organization.environments = reader.RequiredStringList("environments");
    organization.qualities =
        reader.StringList("qualities").value_or(DefaultList({"default"}, reader.at()));
    reader.ReportUnknownKeys();
    return organization;
  }

  SpecialAccounts ReadAccounts(const toml::table& table) {
    TableReader reader(table, "in [accounts]", {"admin", "audit", "deploy"}, diagnostics_);
    SpecialAccounts accounts;
    accounts.at = reader.at();
    accounts.admin = reader.RequiredString("admin");
    accounts.audit = reader.String("audit");
    accounts.deploy = reader.String("deploy");
    reader.ReportUnknownKeys();
    return accounts;
  }

  Domain ReadDomain(const toml::table& table, size_t index, const Organization& organization) {
    TableReader reader(table, "in " + ElementName("[[domain]]", index, ""),
                       {"name", "environments", "qualities"}, diagnostics_);
    Domain domain;
    domain.name = reader.RequiredString("name");
    reader.set_where("in " + ElementName("[[domain]]", index, domain.name.value));
    domain.environments = reader.StringList("environments")
                              .value_or(DefaultList(organization.environments.Values(), reader.at()));
    domain.qualities = reader.StringList("qualities")
                           .value_or(DefaultList(organization.qualities.Values(), reader.at()));
    reader.ReportUnknownKeys();
    return domain;
  }

  std::optional<Selector> ReadSelector(TableReader& owner, const std::string& owner_name) {
    const toml::table* table = owner.Table("in");
    if (table == nullptr) return std::nullopt;
    TableReader reader(*table, "in the selector of " + owner_name,
                       {"domains", "environments", "qualities", "accounts"}, diagnostics_);
    Selector selector;
    selector.at = reader.at();
    selector.domains = reader.StringList("domains");
    selector.environments = reader.StringList("environments");
    selector.qualities = reader.StringList("qualities");
    selector.accounts = reader.StringList("accounts");
    reader.ReportUnknownKeys();
    return selector;
  }

  Role ReadRole(const toml::table& table, size_t index) {
    TableReader reader(table, "in " + ElementName("[[role]]", index, ""),
                       {"name", "in", "managed_policies", "policy_file", "max_session_duration"},
                       diagnostics_);
    Role role;
    role.name = reader.RequiredString("name");
    const std::string element = ElementName("[[role]]", index, role.name.value);
    reader.set_where("in " + element);
    role.in = ReadSelector(reader, element);
    role.managed_policies = reader.StringList("managed_policies").value_or(NameList{{}, reader.at()});
    role.policy_file = reader.String("policy_file");
    role.max_session_duration = reader.Integer("max_session_duration")
                                    .value_or(Located<int64_t>{3600, reader.at()});
    reader.ReportUnknownKeys();
    return role;
  }

  Grant ReadGrant(const toml::table& table, size_t index, const std::string& group) {
    const std::string name = "grant #" + std::to_string(index + 1) + " of " + group;
    TableReader reader(table, "in " + name, {"role", "in"}, diagnostics_);
    Grant grant;
    grant.at = reader.at();
    grant.role = reader.RequiredString("role");
    grant.in = ReadSelector(reader, name);
    reader.ReportUnknownKeys();
    return grant;
  }

  Group ReadGroup(const toml::table& table, size_t index) {
    TableReader reader(table, "in " + ElementName("[[group]]", index, ""),
                       {"name", "members", "grants"}, diagnostics_);
    Group group;
    group.name = reader.RequiredString("name");
    const std::string element = ElementName("[[group]]", index, group.name.value);
    reader.set_where("in " + element);
    group.members = reader.StringList("members").value_or(NameList{{}, reader.at()});
    auto grants = reader.TableArray("grants", "an array of tables like [{ role = \"Auditor\" }]");
    for (size_t i = 0; i < grants.size(); ++i) {
      group.grants.push_back(ReadGrant(*grants[i], i, element));
    }
    reader.ReportUnknownKeys();
    return group;
  }

  Identity ReadIdentity(const toml::table& table) {
    TableReader reader(table, "in [identity]", {"oidc", "saml", "iam_users", "identity_center"},
                       diagnostics_);
    Identity identity;
    if (const toml::table* oidc = reader.Table("oidc")) identity.oidc = ReadOidc(*oidc);
    if (const toml::table* saml = reader.Table("saml")) identity.saml = ReadSaml(*saml);
    if (const toml::table* users = reader.Table("iam_users")) {
      identity.iam_users = ReadIamUsers(*users);
    }
    if (const toml::table* center = reader.Table("identity_center")) {
      identity.identity_center = ReadIdentityCenter(*center);
    }
    reader.ReportUnknownKeys();
    return identity;
  }

  OidcIdentity ReadOidc(const toml::table& table) {
    TableReader reader(table, "in [identity.oidc]", {"issuer", "client_id", "group_match", "scopes"},
                       diagnostics_);
    OidcIdentity oidc;
    oidc.at = reader.at();
    oidc.issuer = reader.RequiredString("issuer");
    oidc.client_id = reader.RequiredString("client_id");
    oidc.group_match.at = reader.at();
    if (auto match = reader.String("group_match")) {
      oidc.group_match.at = match->at;
      if (match->value == "subject") {
        oidc.group_match.value = GroupMatch::kSubject;
      } else if (match->value != "tag") {
        diagnostics_.Add(match->at, "'group_match' in [identity.oidc] must be \"tag\" or "
                                    "\"subject\", not \"" + match->value + "\"");
      }
    }
    oidc.scopes = reader.StringList("scopes").value_or(DefaultList({"openid"}, reader.at()));
    reader.ReportUnknownKeys();
    return oidc;
  }

  SamlIdentity ReadSaml(const toml::table& table) {
    TableReader reader(table, "in [identity.saml]", {"metadata_file", "provider_name"},
                       diagnostics_);
    SamlIdentity saml;
    saml.at = reader.at();
    saml.metadata_file = reader.RequiredString("metadata_file");
    saml.provider_name = reader.String("provider_name").value_or(LocatedString{"foyer", reader.at()});
    reader.ReportUnknownKeys();
    return saml;
  }

  std::vector<IamUser> ReadIamUsers(const toml::table& table) {
    // Every key is a user name, so there is no unknown key to report here.
    TableReader users(table, "in [identity.iam_users]", {}, diagnostics_);
    std::vector<IamUser> result;
    for (const auto& [key, node] : table) {
      const toml::table* entry = users.Table(key.str());
      if (entry == nullptr) continue;
      IamUser user;
      user.name = LocatedString{std::string(key.str()), PositionOf(key.source())};
      TableReader reader(*entry, "in [identity.iam_users] " + Quoted(user.name.value), {"groups"},
                         diagnostics_);
      user.groups = reader.RequiredStringList("groups");
      reader.ReportUnknownKeys();
      result.push_back(std::move(user));
    }
    return result;
  }

  IdentityCenterIdentity ReadIdentityCenter(const toml::table& table) {
    TableReader reader(table, "in [identity.identity_center]", {"region", "start_url"},
                       diagnostics_);
    IdentityCenterIdentity center;
    center.at = reader.at();
    center.region = reader.RequiredString("region");
    center.start_url = reader.String("start_url");
    reader.ReportUnknownKeys();
    return center;
  }

  Guardrails ReadGuardrails(const toml::table& table) {
    TableReader reader(table, "in [guardrails]",
                       {"deny_leave_organization", "protect_audit_trail",
                        "deny_iam_users_outside_admin", "deny_root_user",
                        "neuter_organization_account_access_role"},
                       diagnostics_);
    Guardrails guardrails;
    auto read = [&reader](std::string_view key, bool& flag) {
      if (auto value = reader.Boolean(key)) flag = *value;
    };
    read("deny_leave_organization", guardrails.deny_leave_organization);
    read("protect_audit_trail", guardrails.protect_audit_trail);
    read("deny_iam_users_outside_admin", guardrails.deny_iam_users_outside_admin);
    read("deny_root_user", guardrails.deny_root_user);
    read("neuter_organization_account_access_role",
         guardrails.neuter_organization_account_access_role);
    reader.ReportUnknownKeys();
    return guardrails;
  }

  CiIdentity ReadCi(const toml::table& table, size_t index) {
    TableReader reader(table, "in " + ElementName("[[ci]]", index, ""),
                       {"name", "provider", "repository", "branch", "in", "managed_policies"}, diagnostics_);
    CiIdentity ci;
    ci.name = reader.RequiredString("name");
    const std::string element = ElementName("[[ci]]", index, ci.name.value);
    reader.set_where("in " + element);
    if (auto provider = reader.RequiredString("provider"); !provider.value.empty()) {
      ci.provider.at = provider.at;
      if (provider.value == "gitlab") {
        ci.provider.value = CiProvider::kGitlab;
      } else if (provider.value != "github") {
        diagnostics_.Add(provider.at, "'provider' in " + element + " must be \"github\" or \"gitlab\", not \"" +
                                          provider.value + "\"");
      }
    }
    ci.repository = reader.RequiredString("repository");
    ci.branch = reader.RequiredString("branch");
    ci.in = ReadSelector(reader, element);
    ci.managed_policies = reader.StringList("managed_policies")
                              .value_or(DefaultList({"arn:aws:iam::aws:policy/AdministratorAccess"}, reader.at()));
    reader.ReportUnknownKeys();
    return ci;
  }

  TerraformSettings ReadTerraform(const toml::table& table) {
    TableReader reader(table, "in [terraform]", {"required_version", "aws_provider_version", "role"},
                       diagnostics_);
    TerraformSettings terraform;
    if (auto value = reader.String("required_version")) terraform.required_version = *value;
    if (auto value = reader.String("aws_provider_version")) terraform.aws_provider_version = *value;
    terraform.role.at = reader.at();
    if (auto value = reader.String("role")) terraform.role = *value;
    reader.ReportUnknownKeys();
    return terraform;
  }

  Diagnostics& diagnostics_;
};

}  // namespace

ParsedSpec ParseSpec(std::string_view text, std::string file) {
  Diagnostics diagnostics{file, {}};
  ParsedSpec parsed;
  try {
    toml::table root = toml::parse(text, file);
    parsed.spec = SpecParser(diagnostics).Parse(root);
  } catch (const toml::parse_error& error) {
    diagnostics.Add(PositionOf(error.source()),
                    "invalid TOML: " + std::string(error.description()));
  }
  parsed.spec.source_file = std::move(file);
  SortByPosition(diagnostics.list);
  parsed.diagnostics = std::move(diagnostics.list);
  return parsed;
}

}  // namespace foyer::spec
