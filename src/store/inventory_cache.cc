#include "store/inventory_cache.h"

#include <algorithm>
#include <array>

#include "store/epoch_seconds.h"

namespace foyer::store {
namespace {

constexpr std::array<std::string_view, 1> kMigrations = {
    "CREATE TABLE inventories ("
    "  organization TEXT PRIMARY KEY,"
    "  fetched_at INTEGER NOT NULL);"
    "CREATE TABLE accounts ("
    "  organization TEXT NOT NULL REFERENCES inventories(organization) ON DELETE CASCADE,"
    "  id TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  email TEXT NOT NULL,"
    "  status TEXT NOT NULL,"
    "  ou_path TEXT NOT NULL,"
    "  PRIMARY KEY (organization, id));"
    "CREATE TABLE account_tags ("
    "  organization TEXT NOT NULL,"
    "  account_id TEXT NOT NULL,"
    "  key TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (organization, account_id, key),"
    "  FOREIGN KEY (organization, account_id) REFERENCES accounts(organization, id) ON DELETE CASCADE);",
};

Status InsertAccount(const Database& db, std::string_view organization, const InventoryAccount& account) {
  auto insert = db.Prepare(
      "INSERT INTO accounts (organization, id, name, email, status, ou_path) VALUES (?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.error();
  FOYER_RETURN_IF_ERROR(insert->BindAll(organization, account.id, account.name, account.email,
                                        account.status, account.ou_path));
  FOYER_RETURN_IF_ERROR(insert->Run());
  auto tag = db.Prepare("INSERT INTO account_tags (organization, account_id, key, value) VALUES (?, ?, ?, ?)");
  if (!tag.ok()) return tag.error();
  for (const auto& [key, value] : account.tags) {
    FOYER_RETURN_IF_ERROR(tag->BindAll(organization, account.id, key, value));
    FOYER_RETURN_IF_ERROR(tag->Run());
  }
  return OkStatus();
}

Status LoadTags(const Database& db, std::string_view organization, std::vector<InventoryAccount>& accounts) {
  auto select = db.Prepare(
      "SELECT account_id, key, value FROM account_tags WHERE organization = ? ORDER BY account_id, key");
  if (!select.ok()) return select.error();
  FOYER_RETURN_IF_ERROR(select->Bind(1, organization));
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    const std::string account_id = select->ColumnText(0);
    auto account = std::lower_bound(accounts.begin(), accounts.end(), account_id,
                                    [](const InventoryAccount& a, const std::string& id) { return a.id < id; });
    if (account != accounts.end() && account->id == account_id) {
      account->tags.emplace(select->ColumnText(1), select->ColumnText(2));
    }
  }
  return OkStatus();
}

}  // namespace

Result<InventoryCache> InventoryCache::Open(const StateDir& state) {
  auto db = Database::Open(state.File("inventory.db"));
  if (!db.ok()) return db.error();
  FOYER_RETURN_IF_ERROR(db->Migrate(kMigrations));
  return InventoryCache(std::move(*db));
}

Result<std::optional<Inventory>> InventoryCache::Load(std::string_view organization) const {
  auto header = db_.Prepare("SELECT fetched_at FROM inventories WHERE organization = ?");
  if (!header.ok()) return header.error();
  FOYER_RETURN_IF_ERROR(header->Bind(1, organization));
  auto found = header->Step();
  if (!found.ok()) return found.error();
  if (!*found) return std::optional<Inventory>();
  Inventory inventory;
  inventory.organization = std::string(organization);
  inventory.fetched_at = FromEpochSeconds(header->ColumnInt(0));

  auto select = db_.Prepare(
      "SELECT id, name, email, status, ou_path FROM accounts WHERE organization = ? ORDER BY id");
  if (!select.ok()) return select.error();
  FOYER_RETURN_IF_ERROR(select->Bind(1, organization));
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    InventoryAccount account;
    account.id = select->ColumnText(0);
    account.name = select->ColumnText(1);
    account.email = select->ColumnText(2);
    account.status = select->ColumnText(3);
    account.ou_path = select->ColumnText(4);
    inventory.accounts.push_back(std::move(account));
  }
  FOYER_RETURN_IF_ERROR(LoadTags(db_, organization, inventory.accounts));
  return std::optional<Inventory>(std::move(inventory));
}

Status InventoryCache::Save(const Inventory& inventory) {
  auto transaction = db_.Begin();
  if (!transaction.ok()) return transaction.error();
  // Deleting the header cascades to the accounts and their tags.
  auto clear = db_.Prepare("DELETE FROM inventories WHERE organization = ?");
  if (!clear.ok()) return clear.error();
  FOYER_RETURN_IF_ERROR(clear->Bind(1, inventory.organization));
  FOYER_RETURN_IF_ERROR(clear->Run());
  auto header = db_.Prepare("INSERT INTO inventories (organization, fetched_at) VALUES (?, ?)");
  if (!header.ok()) return header.error();
  FOYER_RETURN_IF_ERROR(header->BindAll(inventory.organization, ToEpochSeconds(inventory.fetched_at)));
  FOYER_RETURN_IF_ERROR(header->Run());
  for (const InventoryAccount& account : inventory.accounts) {
    FOYER_RETURN_IF_ERROR(InsertAccount(db_, inventory.organization, account));
  }
  return transaction->Commit();
}

Result<Inventory> InventoryCache::GetOrFetch(std::string_view organization, std::chrono::seconds ttl,
                                             bool refresh, SystemTime now, const Fetch& fetch) {
  if (!refresh) {
    auto cached = Load(organization);
    if (!cached.ok()) return cached.error();
    if (cached->has_value() && now < (*cached)->fetched_at + ttl) return std::move(**cached);
  }
  auto accounts = fetch();
  if (!accounts.ok()) return accounts.error();
  Inventory inventory;
  inventory.organization = std::string(organization);
  inventory.fetched_at = FromEpochSeconds(ToEpochSeconds(now));
  inventory.accounts = std::move(*accounts);
  std::sort(inventory.accounts.begin(), inventory.accounts.end(),
            [](const InventoryAccount& a, const InventoryAccount& b) { return a.id < b.id; });
  FOYER_RETURN_IF_ERROR(Save(inventory));
  return inventory;
}

}  // namespace foyer::store
