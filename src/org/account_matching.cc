#include "org/account_matching.h"

#include <algorithm>
#include <cctype>

#include "base/error.h"

namespace foyer::org {
namespace {

std::string TagOf(const std::map<std::string, std::string>& tags, std::string_view key) {
  auto found = tags.find(std::string(key));
  return found == tags.end() ? std::string() : found->second;
}

const store::InventoryAccount* FindById(const std::vector<store::InventoryAccount>& live,
                                        const std::string& id) {
  for (const auto& account : live) {
    if (account.id == id) return &account;
  }
  return nullptr;
}

Error AdoptError(const std::string& message) { return MakeError("InvalidAdoption", message); }

// The live account `--adopt ID` names for `want`, when it is that one.
Result<bool> AdoptsExplicitly(const store::InventoryAccount& account, const DesiredAccount& want) {
  bool same = account.name == want.name || SameRootEmail(account.email, want.email);
  if (!same) return false;
  if (!TagKey(account.tags).empty()) {
    return AdoptError("--adopt " + account.id + ": account " + account.name +
                      " already carries foyer tags of another account (" + TagKey(account.tags) +
                      "); remove its foyer:* tags first if it really is " + want.name);
  }
  return true;
}

}  // namespace

bool SameRootEmail(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

std::string TagKey(const std::map<std::string, std::string>& tags) {
  std::string kind = TagOf(tags, kKindTag);
  if (kind.empty() || kind != KindName(AccountKind::kService)) return kind;
  return kind + "/" + TagOf(tags, kDomainTag) + "/" + TagOf(tags, kEnvironmentTag) + "/" +
         TagOf(tags, kQualityTag);
}

Result<AccountMatching> MatchAccounts(const std::vector<DesiredAccount>& desired,
                                      const std::vector<store::InventoryAccount>& live,
                                      const std::vector<std::string>& adopt_ids,
                                      const std::string& management_account_id) {
  AccountMatching matching;
  matching.ids[std::string(kManagementAccountName)] = management_account_id;
  std::map<std::string, std::vector<const store::InventoryAccount*>> by_key;
  for (const auto& account : live) {
    if (account.id == management_account_id) continue;
    std::string key = TagKey(account.tags);
    if (!key.empty()) by_key[key].push_back(&account);
  }
  for (const std::string& id : adopt_ids) {
    if (FindById(live, id) == nullptr) {
      return AdoptError("--adopt " + id + ": no account of the organization has this id; " +
                        "invite the account into the organization first");
    }
  }
  std::set<std::string> wanted_keys;
  std::set<std::string> adopted_ids;
  for (const DesiredAccount& want : desired) {
    std::string key = TagKey(want.tags);
    wanted_keys.insert(key);
    const auto& holders = by_key[key];
    if (holders.size() > 1) {
      return MakeError("DuplicateAccount",
                       "accounts " + holders[0]->id + " (" + holders[0]->name + ") and " +
                           holders[1]->id + " (" + holders[1]->name + ") both carry the tags of " +
                           want.name + "; remove the foyer:* tags of the one that is not it");
    }
    if (holders.size() == 1) {
      matching.ids[want.name] = holders[0]->id;
      continue;
    }
    for (const std::string& id : adopt_ids) {
      auto adopts = AdoptsExplicitly(*FindById(live, id), want);
      if (!adopts.ok()) return adopts.error();
      if (*adopts) {
        matching.ids[want.name] = id;
        matching.adopted.insert(want.name);
        adopted_ids.insert(id);
        break;
      }
    }
    if (matching.ids.count(want.name) != 0) continue;
    for (const auto& account : live) {
      if (account.id == management_account_id || !TagKey(account.tags).empty()) continue;
      if (SameRootEmail(account.email, want.email)) {
        matching.ids[want.name] = account.id;
        matching.adopted.insert(want.name);
        adopted_ids.insert(account.id);
        break;
      }
    }
  }
  for (const std::string& id : adopt_ids) {
    if (adopted_ids.count(id) == 0) {
      const auto* account = FindById(live, id);
      return AdoptError("--adopt " + id + ": account " + account->name +
                        " matches no account of foyer.toml by name or root email");
    }
  }
  for (const auto& [key, holders] : by_key) {
    if (wanted_keys.count(key) != 0) continue;
    for (const auto* account : holders) {
      matching.notes.push_back("account " + account->name + " (" + account->id +
                               ") carries foyer tags (" + key +
                               ") but foyer.toml no longer asks for it; close it with `foyer "
                               "account close " + account->id + "` or remove its foyer:* tags");
    }
  }
  return matching;
}

}  // namespace foyer::org
