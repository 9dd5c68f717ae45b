// How an account of the inventory reads to people and scripts: its kind and
// axes from its foyer:* tags, and the JSON and shell forms of a list.
//
// An account without a foyer:kind tag was not made (or adopted) by foyer; it
// is shown as kind "unmanaged" rather than guessed from its name.
#ifndef FOYER_ORG_INVENTORY_H_
#define FOYER_ORG_INVENTORY_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/inventory_cache.h"

namespace foyer::org {

inline constexpr std::string_view kUnmanagedKind = "unmanaged";

// The value of tag `key`, or "" when the account does not carry it.
std::string TagValue(const store::InventoryAccount& account, std::string_view key);

// The foyer:kind tag, or kUnmanagedKind when there is none.
std::string KindOf(const store::InventoryAccount& account);

// One object per account, in the order given, with the keys id, name,
// email, status, kind, domain, environment, quality (null when the account
// has no such tag) and ou ("" for the root).
nlohmann::ordered_json AccountsJson(const std::vector<store::InventoryAccount>& accounts);

// FOYER_ACCOUNT_<NAME>: the name upper-cased, every character other than a
// letter or digit replaced by '_' ("payments-production" gives
// FOYER_ACCOUNT_PAYMENTS_PRODUCTION).
std::string ShellVariableName(std::string_view account_name);

// "export FOYER_ACCOUNT_<NAME>=<id>" lines, one per account, in the order
// given. Ids are digits, so no quoting is needed.
std::string AccountsShellExports(const std::vector<store::InventoryAccount>& accounts);

}  // namespace foyer::org

#endif  // FOYER_ORG_INVENTORY_H_
