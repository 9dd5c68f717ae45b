// Selectors: which accounts an `in = { ... }` picks (DESIGN.md section 2).
//
// `domains`, `environments` and `qualities` pick the service accounts that
// match every axis given (any value within an axis); `accounts` adds
// accounts by name, the only way to pick a special account. No selector at
// all picks every account except management.
#ifndef FOYER_ORG_SELECTOR_H_
#define FOYER_ORG_SELECTOR_H_

#include <optional>
#include <string>
#include <vector>

#include "org/naming.h"
#include "spec/diagnostic.h"
#include "spec/spec.h"

namespace foyer::org {

bool Picks(const std::optional<spec::Selector>& selector, const DesiredAccount& account);

// The names of the accounts `selector` picks, in the order of `accounts`.
std::vector<std::string> PickedAccountNames(const std::optional<spec::Selector>& selector,
                                            const std::vector<DesiredAccount>& accounts);

// For every selector of the spec (on roles and on grants): the account
// names it lists must exist, and it must pick at least one account; a
// grant's selector must pick an account where its role exists. Selectors
// naming an unknown domain, environment or quality are left to
// spec::ValidateSpec, which reports the name itself.
std::vector<spec::Diagnostic> CheckSelectors(const spec::Spec& spec,
                                             const std::vector<DesiredAccount>& accounts);

}  // namespace foyer::org

#endif  // FOYER_ORG_SELECTOR_H_
