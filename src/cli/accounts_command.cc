#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "aws/organizations.h"
#include "cli/commands.h"
#include "creds/default_chain.h"
#include "login/client_config.h"
#include "org/discovery.h"
#include "org/inventory.h"
#include "org/naming.h"
#include "store/inventory_cache.h"
#include "store/state_dir.h"
#include "ui/table.h"

namespace foyer::cli {
namespace {

// How long a discovered inventory answers without asking AWS again.
constexpr std::chrono::hours kInventoryTtl{1};

struct AccountsOptions {
  std::string profile;
  std::string org;
  std::string format = "table";
  bool refresh = false;
};

// The management account id the client config expects for `org_name`; ""
// when there is no client config, so that `foyer accounts` also works with
// plain AWS CLI credentials before anyone ran `foyer configure`.
Result<std::string> ExpectedManagementAccount(const std::string& org_name) {
  std::string path = login::ClientConfigPath();
  if (org_name.empty() && !std::filesystem::exists(path)) return std::string();
  auto config = login::LoadClientConfig(path);
  if (!config.ok()) return config.error();
  auto org = config->Select(org_name);
  if (!org.ok()) return org.error();
  return (*org)->management_account_id;
}

// Connects to Organizations on first use only, so that a fresh cache with a
// known management account answers without credentials or network.
class LazyOrganizations {
 public:
  explicit LazyOrganizations(std::string profile) : profile_(std::move(profile)) {}

  Result<org::OrganizationSource*> Get() {
    if (!reader_) {
      auto session = creds::ResolveSession(profile_);
      if (!session.ok()) return session.error();
      client_ = std::make_unique<aws::OrganizationsClient>(creds::ClientConfigFor(*session));
      reader_ = std::make_unique<org::OrganizationsReader>(*client_);
    }
    return reader_.get();
  }

 private:
  std::string profile_;
  std::unique_ptr<aws::OrganizationsClient> client_;
  std::unique_ptr<org::OrganizationsReader> reader_;
};

// The inventory from the cache while it is fresh, else from AWS. With no
// expected management account the organization is described first, since
// the cache is kept per management account.
Result<store::Inventory> LoadInventory(const AccountsOptions& options,
                                       const std::string& expected_management_id) {
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return state.error();
  auto cache = store::InventoryCache::Open(*state);
  if (!cache.ok()) return cache.error();

  LazyOrganizations organizations(options.profile);
  std::string management_id = expected_management_id;
  if (management_id.empty()) {
    auto source = organizations.Get();
    if (!source.ok()) return source.error();
    auto described = org::DescribeExpectedOrganization(**source, "");
    if (!described.ok()) return described.error();
    management_id = described->master_account_id;
  }
  auto fetch = [&]() -> Result<std::vector<store::InventoryAccount>> {
    auto source = organizations.Get();
    if (!source.ok()) return source.error();
    if (!expected_management_id.empty()) {
      FOYER_RETURN_IF_ERROR(org::DescribeExpectedOrganization(**source, expected_management_id));
    }
    return org::DiscoverAccounts(**source);
  };
  return cache->GetOrFetch(management_id, kInventoryTtl, options.refresh,
                           std::chrono::system_clock::now(), fetch);
}

std::string OrDash(std::string value) { return value.empty() ? "-" : value; }

// People read the table, so it is ordered by name; JSON and shell keep the
// inventory's order by id, which never changes when an account is renamed.
ui::Table AccountsTable(std::vector<store::InventoryAccount> accounts) {
  std::stable_sort(accounts.begin(), accounts.end(),
                   [](const auto& a, const auto& b) { return a.name < b.name; });
  ui::Table table({"NAME", "ID", "KIND", "DOMAIN", "ENVIRONMENT", "QUALITY", "OU", "STATUS"});
  for (const store::InventoryAccount& account : accounts) {
    table.AddRow({account.name, account.id, org::KindOf(account),
                  OrDash(org::TagValue(account, org::kDomainTag)),
                  OrDash(org::TagValue(account, org::kEnvironmentTag)),
                  OrDash(org::TagValue(account, org::kQualityTag)),
                  account.ou_path.empty() ? "(root)" : account.ou_path, account.status});
  }
  return table;
}

int RunAccounts(const AccountsOptions& options) {
  auto expected = ExpectedManagementAccount(options.org);
  if (!expected.ok()) return ReportError(expected.error());
  auto inventory = LoadInventory(options, *expected);
  if (!inventory.ok()) return ReportError(inventory.error());
  if (options.format == "json") {
    std::printf("%s\n", org::AccountsJson(inventory->accounts).dump(2).c_str());
  } else if (options.format == "shell") {
    std::fputs(org::AccountsShellExports(inventory->accounts).c_str(), stdout);
  } else {
    std::fputs(AccountsTable(inventory->accounts).Render().c_str(), stdout);
  }
  return 0;
}

}  // namespace

void AddAccountsCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<AccountsOptions>();
  auto* command = root.add_subcommand(
      "accounts", "List the organization's accounts with kind, domain, environment, quality, OU, status");
  command->add_option("--format", options->format, "Output format: table, json or shell")
      ->check(CLI::IsMember({"table", "json", "shell"}));
  command->add_flag("--refresh", options->refresh, "Ask AWS even when the cached inventory is fresh");
  command->add_option("--profile", options->profile,
                      "AWS profile to use (default: AWS_DEFAULT_PROFILE, AWS_PROFILE, then 'default')");
  command->add_option("--org", options->org,
                      "Organization of the client config whose management account to expect");
  command->callback([&selected, options] { selected = [options] { return RunAccounts(*options); }; });
}

}  // namespace foyer::cli
