// Which account a person means: TARGET of `foyer assume`, `exec` and
// `credential-process`.
//
// A 12-digit account id and the names `admin` and `management` resolve from
// the client configuration alone. Account names and
// `<domain>/<environment>[/<quality>]` need the account inventory (cached by
// `foyer accounts`), since only the organization knows them.
#ifndef FOYER_ACCESS_TARGET_H_
#define FOYER_ACCESS_TARGET_H_

#include <optional>
#include <string>

#include "base/account_id.h"
#include "base/result.h"
#include "login/client_config.h"
#include "store/inventory_cache.h"

namespace foyer::access {

struct Target {
  std::string account_id;  // 12 digits
  // How to name it to a person: the account name when known, else the id.
  std::string label;
};

// Resolves `text` in `org`. `inventory` is the cached inventory of the org,
// nullopt when there is none. Errors (exit status 2) say what was wrong: an
// unknown name suggests the closest known one; a name that needs the
// inventory when there is none says to run `foyer accounts --refresh`.
Result<Target> ResolveTarget(const std::string& text, const login::OrgAccess& org,
                             const std::optional<store::Inventory>& inventory);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_TARGET_H_
