// Shell completion: the scripts `foyer completion bash|zsh|fish` prints, and
// the words they offer, read from the client configuration and the cached
// account inventory only (completion must be instant and never call AWS).
#ifndef FOYER_ACCESS_COMPLETION_H_
#define FOYER_ACCESS_COMPLETION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "login/client_config.h"
#include "store/inventory_cache.h"

namespace foyer::access {

// The commands whose first argument is a TARGET and that take --role.
inline constexpr const char* kTargetCommands = "assume exec credential-process console serve-credentials";

// Every TARGET a person may type: admin, management (when configured), the
// account names of `inventory`, and <domain>/<environment>[/<quality>] of its
// service accounts; sorted, without duplicates.
std::vector<std::string> TargetCandidates(const login::OrgAccess& org, const std::optional<store::Inventory>& inventory);

// The roles `group` is granted in the account named `account` (every role it
// holds anywhere when the account is unknown); Administrator and Auditor
// when no grants are recorded.
std::vector<std::string> RoleCandidates(const login::OrgAccess& org, const std::string& group,
                                        const std::string& account);

// The completion script for `shell` ("bash", "zsh", "fish"), completing
// `commands` as the subcommands; nullopt for another shell. The scripts ask
// the same foyer binary for candidates with the hidden
// `foyer __complete targets|roles [TARGET]`.
std::optional<std::string> CompletionScript(std::string_view shell, const std::vector<std::string>& commands);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_COMPLETION_H_
