// Which live account is which desired account.
//
// Accounts are recognised by their foyer:* tags, never by name (names are
// for people and change). An account the spec asks for that carries no
// tags yet can be adopted instead of created: one whose root email is the
// one the spec gives it, or one named with `--adopt ID`. Adoption writes the
// tags, so the next run recognises it like any other.
#ifndef FOYER_ORG_ACCOUNT_MATCHING_H_
#define FOYER_ORG_ACCOUNT_MATCHING_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "org/naming.h"
#include "store/inventory_cache.h"

namespace foyer::org {

struct AccountMatching {
  // Desired account name -> live id, for every desired account that exists
  // (by tags or adopted), plus "management" -> the management id.
  std::map<std::string, std::string> ids;
  // The desired accounts matched by email or --adopt, whose tags the plan
  // must write.
  std::set<std::string> adopted;
  // Accounts tagged as foyer's that the spec no longer asks for: reported,
  // never closed by a plan.
  std::vector<std::string> notes;
};

// The key the tags of an account make: "service/payments/production/default",
// "admin", ... Empty for an account without a foyer:kind tag.
std::string TagKey(const std::map<std::string, std::string>& tags);

// Root emails are compared as AWS does: without regard to case.
bool SameRootEmail(const std::string& a, const std::string& b);

// Matches `desired` to `live`. Fails, saying which accounts and what to do,
// when two live accounts carry the tags of one desired account, or when an
// `adopt_ids` entry is not a live account or matches no desired account by
// name or email, or already carries other foyer tags.
Result<AccountMatching> MatchAccounts(const std::vector<DesiredAccount>& desired,
                                      const std::vector<store::InventoryAccount>& live,
                                      const std::vector<std::string>& adopt_ids,
                                      const std::string& management_account_id);

}  // namespace foyer::org

#endif  // FOYER_ORG_ACCOUNT_MATCHING_H_
