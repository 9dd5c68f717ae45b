// The account inventory of each organization, cached so that `foyer
// accounts`, target resolution and shell completion need no AWS call while
// it is fresh.
//
// The caller supplies the fetch (discovery through Organizations, in
// src/org); this file only keeps its result with the time it was fetched.
#ifndef FOYER_STORE_INVENTORY_CACHE_H_
#define FOYER_STORE_INVENTORY_CACHE_H_

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time_format.h"
#include "store/sqlite_db.h"
#include "store/state_dir.h"

namespace foyer::store {

struct InventoryAccount {
  std::string id;      // 12 digits
  std::string name;
  std::string email;
  std::string status;  // ACTIVE, SUSPENDED, PENDING_CLOSURE
  std::map<std::string, std::string> tags;
  std::string ou_path;  // "Workloads/production"; "" for the root

  bool operator==(const InventoryAccount&) const = default;
};

struct Inventory {
  std::string organization;  // management account id
  SystemTime fetched_at;
  std::vector<InventoryAccount> accounts;  // ordered by id
};

class InventoryCache {
 public:
  using Fetch = std::function<Result<std::vector<InventoryAccount>>()>;

  // The cache in `<state>/inventory.db`, created or migrated as needed.
  static Result<InventoryCache> Open(const StateDir& state);

  // The inventory last saved for `organization`, however old; nullopt when
  // there is none.
  Result<std::optional<Inventory>> Load(std::string_view organization) const;

  // Replaces the whole inventory of inventory.organization at once.
  Status Save(const Inventory& inventory);

  // The cached inventory when it was fetched less than `ttl` before `now`
  // and `refresh` is false (`--refresh` sets it); otherwise calls `fetch`,
  // saves its result as fetched at `now` and returns it. A fetch error is
  // returned as is and the cached inventory stays.
  Result<Inventory> GetOrFetch(std::string_view organization, std::chrono::seconds ttl, bool refresh,
                               SystemTime now, const Fetch& fetch);

 private:
  explicit InventoryCache(Database db) : db_(std::move(db)) {}

  Database db_;
};

}  // namespace foyer::store

#endif  // FOYER_STORE_INVENTORY_CACHE_H_
