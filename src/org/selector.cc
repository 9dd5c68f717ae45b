#include "org/selector.h"

#include <algorithm>

#include "spec/spec_validation.h"

namespace foyer::org {
namespace {

bool AxisAllows(const std::optional<spec::NameList>& axis, const std::string& value) {
  return !axis || axis->Contains(value);
}

std::vector<std::string> DomainNames(const spec::Spec& spec) {
  std::vector<std::string> names;
  for (const spec::Domain& domain : spec.domains) names.push_back(domain.name.value);
  return names;
}

bool AllKnown(const std::optional<spec::NameList>& axis, const std::vector<std::string>& known) {
  if (!axis) return true;
  return std::all_of(axis->items.begin(), axis->items.end(), [&known](const auto& item) {
    return std::find(known.begin(), known.end(), item.value) != known.end();
  });
}

class SelectorChecker {
 public:
  SelectorChecker(const spec::Spec& spec, const std::vector<DesiredAccount>& accounts)
      : spec_(spec), accounts_(accounts), diagnostics_{spec.source_file, {}} {
    for (const DesiredAccount& account : accounts) account_names_.push_back(account.name);
  }

  std::vector<spec::Diagnostic> Run() {
    for (const spec::Role& role : spec_.roles) {
      Check(role.in, "[[role]] '" + role.name.value + "'");
    }
    for (const spec::Group& group : spec_.groups) {
      for (size_t i = 0; i < group.grants.size(); ++i) {
        CheckGrant(group.grants[i],
                   "grant #" + std::to_string(i + 1) + " of [[group]] '" + group.name.value + "'");
      }
    }
    return std::move(diagnostics_.list);
  }

 private:
  // Reports unknown account names; true when every name in `selector`
  // refers to something that exists, so that what it picks is meaningful.
  bool CheckNames(const spec::Selector& selector, const std::string& owner) {
    bool known = true;
    if (selector.accounts) {
      for (const spec::LocatedString& name : selector.accounts->items) {
        if (std::find(account_names_.begin(), account_names_.end(), name.value) !=
            account_names_.end()) {
          continue;
        }
        known = false;
        if (name.value == kManagementAccountName) {
          diagnostics_.Add(name.at, "the management account cannot be selected: it holds only "
                                    "OrganizationAdministrator and OrganizationReader");
        } else {
          diagnostics_.Add(name.at, spec::UnknownNameMessage("account", name.value,
                                                             "in the selector of " + owner,
                                                             account_names_));
        }
      }
    }
    return known && AllKnown(selector.domains, DomainNames(spec_)) &&
           AllKnown(selector.environments, spec_.organization.environments.Values()) &&
           AllKnown(selector.qualities, spec_.organization.qualities.Values());
  }

  // True when the selector is meaningful and picks something.
  bool Check(const std::optional<spec::Selector>& selector, const std::string& owner) {
    if (!selector) return true;
    if (!CheckNames(*selector, owner)) return false;
    if (PickedAccountNames(selector, accounts_).empty()) {
      diagnostics_.Add(selector->at, "the selector of " + owner + " picks no account");
      return false;
    }
    return true;
  }

  void CheckGrant(const spec::Grant& grant, const std::string& owner) {
    if (spec::IsManagementRole(grant.role.value)) return;
    if (!Check(grant.in, owner) || !grant.in) return;
    const spec::Role* role = FindRole(grant.role.value);
    std::optional<spec::Selector> role_selector;
    if (role != nullptr) {
      role_selector = role->in;
    } else if (!spec::IsBuiltinRole(grant.role.value)) {
      return;  // an unknown role, reported by spec::ValidateSpec
    }
    const bool overlap = std::any_of(accounts_.begin(), accounts_.end(), [&](const auto& account) {
      return Picks(grant.in, account) && Picks(role_selector, account);
    });
    if (overlap) return;
    diagnostics_.Add(grant.in->at, "the selector of " + owner + " picks no account where role '" +
                                       grant.role.value + "' exists");
  }

  const spec::Role* FindRole(const std::string& name) const {
    for (const spec::Role& role : spec_.roles) {
      if (role.name.value == name) return &role;
    }
    return nullptr;
  }

  const spec::Spec& spec_;
  const std::vector<DesiredAccount>& accounts_;
  std::vector<std::string> account_names_;
  spec::Diagnostics diagnostics_;
};

}  // namespace

bool Picks(const std::optional<spec::Selector>& selector, const DesiredAccount& account) {
  if (account.kind == AccountKind::kManagement) return false;
  if (!selector) return true;
  if (selector->accounts && selector->accounts->Contains(account.name)) return true;
  if (account.kind != AccountKind::kService) return false;
  if (!selector->domains && !selector->environments && !selector->qualities) return false;
  return AxisAllows(selector->domains, account.domain) &&
         AxisAllows(selector->environments, account.environment) &&
         AxisAllows(selector->qualities, account.quality);
}

std::vector<std::string> PickedAccountNames(const std::optional<spec::Selector>& selector,
                                            const std::vector<DesiredAccount>& accounts) {
  std::vector<std::string> names;
  for (const DesiredAccount& account : accounts) {
    if (Picks(selector, account)) names.push_back(account.name);
  }
  return names;
}

std::vector<spec::Diagnostic> CheckSelectors(const spec::Spec& spec,
                                             const std::vector<DesiredAccount>& accounts) {
  return SelectorChecker(spec, accounts).Run();
}

}  // namespace foyer::org
