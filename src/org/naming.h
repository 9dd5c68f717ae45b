// Naming: the accounts a spec asks for, with their names, tags, OUs and
// root emails (DESIGN.md section 2).
//
// Accounts are identified by their tags, never by name: names are for
// people and may be changed; the foyer:* tags are how discovery matches a
// live account to a desired one.
#ifndef FOYER_ORG_NAMING_H_
#define FOYER_ORG_NAMING_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "spec/diagnostic.h"
#include "spec/spec.h"

namespace foyer::org {

enum class AccountKind { kManagement, kAdmin, kAudit, kDeploy, kService };

// "management", "admin", "audit", "deploy" or "service": the foyer:kind tag.
std::string_view KindName(AccountKind kind);

inline constexpr std::string_view kKindTag = "foyer:kind";
inline constexpr std::string_view kDomainTag = "foyer:domain";
inline constexpr std::string_view kEnvironmentTag = "foyer:environment";
inline constexpr std::string_view kQualityTag = "foyer:quality";
inline constexpr std::string_view kManagedTag = "foyer:managed";

// The management account is not created by foyer and has no name in the
// spec; this is how selectors, targets and role placements call it.
inline constexpr std::string_view kManagementAccountName = "management";

struct DesiredAccount {
  std::string name;
  AccountKind kind = AccountKind::kService;
  // Service accounts only; empty for special accounts.
  std::string domain;
  std::string environment;
  std::string quality;
  // "Security" (admin, audit), "Infrastructure" (deploy) or
  // "Workloads/<environment>" (service), from the root.
  std::string ou_path;
  std::string email;
  // The foyer:* tags: kind and managed always, domain, environment and
  // quality for service accounts.
  std::map<std::string, std::string> tags;
  // Where the spec asks for the account: the [accounts] value or the
  // domain's name.
  spec::SourcePosition declared_at;
};

// "<domain>-<environment>-<quality>", without the quality when
// `include_quality` is false (organizations with a single quality).
std::string ServiceAccountName(std::string_view domain, std::string_view environment,
                               std::string_view quality, bool include_quality);

// The root email of `account_name`: the template with {account} replaced.
std::string RootEmail(std::string_view email_template, std::string_view account_name);

// Every account the spec asks for, management excluded: admin, audit,
// deploy (those declared), then for each domain in spec order one service
// account per environment and quality the domain spans, in the order the
// organization lists them.
std::vector<DesiredAccount> DesiredAccounts(const spec::Spec& spec);

// Limits and collisions of the names and emails of `accounts`: names AWS
// would refuse (too long), the reserved name "management", two accounts
// with one name, root emails too long.
std::vector<spec::Diagnostic> CheckAccountNames(const spec::Spec& spec,
                                                const std::vector<DesiredAccount>& accounts);

}  // namespace foyer::org

#endif  // FOYER_ORG_NAMING_H_
