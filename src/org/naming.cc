#include "org/naming.h"

#include <map>
#include <tuple>

#include "spec/spec_validation.h"

namespace foyer::org {
namespace {

DesiredAccount SpecialAccount(const spec::LocatedString& name, AccountKind kind,
                              std::string ou_path, const spec::Spec& spec) {
  DesiredAccount account;
  account.name = name.value;
  account.kind = kind;
  account.ou_path = std::move(ou_path);
  account.email = RootEmail(spec.organization.email.value, name.value);
  account.tags = {{std::string(kKindTag), std::string(KindName(kind))},
                  {std::string(kManagedTag), "true"}};
  account.declared_at = name.at;
  return account;
}

DesiredAccount ServiceAccount(const spec::Domain& domain, const std::string& environment,
                              const std::string& quality, const spec::Spec& spec) {
  const bool include_quality = spec.organization.qualities.items.size() > 1;
  DesiredAccount account;
  account.name = ServiceAccountName(domain.name.value, environment, quality, include_quality);
  account.kind = AccountKind::kService;
  account.domain = domain.name.value;
  account.environment = environment;
  account.quality = quality;
  account.ou_path = "Workloads/" + environment;
  account.email = RootEmail(spec.organization.email.value, account.name);
  account.tags = {{std::string(kKindTag), std::string(KindName(AccountKind::kService))},
                  {std::string(kDomainTag), domain.name.value},
                  {std::string(kEnvironmentTag), environment},
                  {std::string(kQualityTag), quality},
                  {std::string(kManagedTag), "true"}};
  account.declared_at = domain.name.at;
  return account;
}

// How a person finds the declaration of `account` in the spec.
std::string Describe(const DesiredAccount& account) {
  if (account.kind != AccountKind::kService) {
    return "[accounts] " + std::string(KindName(account.kind));
  }
  return "[[domain]] '" + account.domain + "' (environment '" + account.environment +
         "', quality '" + account.quality + "')";
}

bool SameServiceTuple(const DesiredAccount& a, const DesiredAccount& b) {
  return a.kind == AccountKind::kService && b.kind == AccountKind::kService &&
         std::tie(a.domain, a.environment, a.quality) ==
             std::tie(b.domain, b.environment, b.quality);
}

}  // namespace

std::string_view KindName(AccountKind kind) {
  switch (kind) {
    case AccountKind::kManagement: return "management";
    case AccountKind::kAdmin: return "admin";
    case AccountKind::kAudit: return "audit";
    case AccountKind::kDeploy: return "deploy";
    case AccountKind::kService: break;
  }
  return "service";
}

std::string ServiceAccountName(std::string_view domain, std::string_view environment,
                               std::string_view quality, bool include_quality) {
  std::string name = std::string(domain) + "-" + std::string(environment);
  if (include_quality) name += "-" + std::string(quality);
  return name;
}

std::string RootEmail(std::string_view email_template, std::string_view account_name) {
  static constexpr std::string_view kPlaceholder = "{account}";
  std::string email(email_template);
  const size_t at = email.find(kPlaceholder);
  if (at != std::string::npos) email.replace(at, kPlaceholder.size(), account_name);
  return email;
}

std::vector<DesiredAccount> DesiredAccounts(const spec::Spec& spec) {
  std::vector<DesiredAccount> accounts;
  accounts.push_back(SpecialAccount(spec.accounts.admin, AccountKind::kAdmin, "Security", spec));
  if (spec.accounts.audit) {
    accounts.push_back(SpecialAccount(*spec.accounts.audit, AccountKind::kAudit, "Security", spec));
  }
  if (spec.accounts.deploy) {
    accounts.push_back(
        SpecialAccount(*spec.accounts.deploy, AccountKind::kDeploy, "Infrastructure", spec));
  }
  for (const spec::Domain& domain : spec.domains) {
    for (const spec::LocatedString& environment : spec.organization.environments.items) {
      if (!domain.environments.Contains(environment.value)) continue;
      for (const spec::LocatedString& quality : spec.organization.qualities.items) {
        if (!domain.qualities.Contains(quality.value)) continue;
        accounts.push_back(ServiceAccount(domain, environment.value, quality.value, spec));
      }
    }
  }
  return accounts;
}

std::vector<spec::Diagnostic> CheckAccountNames(const spec::Spec& spec,
                                                const std::vector<DesiredAccount>& accounts) {
  spec::Diagnostics diagnostics{spec.source_file, {}};
  const DesiredAccount* longest_email = nullptr;
  std::map<std::string, const DesiredAccount*> first_named;
  for (const DesiredAccount& account : accounts) {
    if (account.name == kManagementAccountName) {
      diagnostics.Add(account.declared_at,
                      "account name 'management' is reserved for the management account");
    }
    if (account.name.size() > spec::kMaxAccountNameLength) {
      diagnostics.Add(account.declared_at,
                      "account name '" + account.name + "' is " +
                          std::to_string(account.name.size()) + " characters; AWS allows at most " +
                          std::to_string(spec::kMaxAccountNameLength));
    }
    if (longest_email == nullptr || account.email.size() > longest_email->email.size()) {
      longest_email = &account;
    }
    auto [earlier, first] = first_named.emplace(account.name, &account);
    if (first || SameServiceTuple(*earlier->second, account)) continue;
    diagnostics.Add(account.declared_at, "two accounts would be named '" + account.name + "': " +
                                             Describe(*earlier->second) + " and " +
                                             Describe(account));
  }
  // One error for the longest address says what to shorten; one per
  // account would repeat it.
  if (longest_email != nullptr && longest_email->email.size() > spec::kMaxAccountEmailLength) {
    diagnostics.Add(spec.organization.email.at,
                    "root email '" + longest_email->email + "' of account '" +
                        longest_email->name + "' is " +
                        std::to_string(longest_email->email.size()) +
                        " characters; AWS allows at most " +
                        std::to_string(spec::kMaxAccountEmailLength));
  }
  return std::move(diagnostics.list);
}

}  // namespace foyer::org
