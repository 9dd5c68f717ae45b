#include "terraform/layout.h"

#include <algorithm>

#include "aws/endpoints.h"
#include "org/storage_naming.h"

namespace foyer::terraform {
namespace {

bool TagsMatch(const org::DesiredAccount& desired, const store::InventoryAccount& live) {
  for (std::string_view key : {org::kKindTag, org::kDomainTag, org::kEnvironmentTag, org::kQualityTag}) {
    auto wanted = desired.tags.find(std::string(key));
    auto found = live.tags.find(std::string(key));
    std::string wanted_value = wanted == desired.tags.end() ? "" : wanted->second;
    std::string found_value = found == live.tags.end() ? "" : found->second;
    if (wanted_value != found_value) return false;
  }
  return true;
}

// "payments/production/default" or "special/audit".
std::string AccountFolder(const org::DesiredAccount& account) {
  if (account.kind == org::AccountKind::kService) {
    return account.domain + "/" + account.environment + "/" + account.quality;
  }
  return std::string(kSpecialFolder) + "/" + account.name;
}

// "modules/payments" or "modules/special/audit".
std::string SharedModuleBase(const org::DesiredAccount& account) {
  if (account.kind == org::AccountKind::kService) return "modules/" + account.domain;
  return std::string("modules/") + kSpecialFolder + "/" + account.name;
}

bool GetsRootModules(const org::DesiredAccount& account) {
  return account.kind == org::AccountKind::kService || account.kind == org::AccountKind::kAudit ||
         account.kind == org::AccountKind::kDeploy;
}

}  // namespace

std::map<std::string, std::string> LiveAccountIds(const std::vector<org::DesiredAccount>& desired,
                                                  const std::vector<store::InventoryAccount>& live) {
  std::map<std::string, std::string> ids;
  for (const org::DesiredAccount& account : desired) {
    for (const store::InventoryAccount& candidate : live) {
      if (candidate.status != "SUSPENDED" && TagsMatch(account, candidate)) {
        ids[account.name] = candidate.id;
        break;
      }
    }
  }
  return ids;
}

Result<Layout> PlanLayout(const spec::Spec& spec, const std::vector<org::DesiredAccount>& desired,
                          const std::map<std::string, std::string>& live_ids) {
  if (!spec.accounts.deploy) {
    return MakeError("ConfigError",
                     "Terraform state lives in the deploy account, and the spec names none: add "
                     "`deploy = \"deploy\"` to [accounts] and run `foyer apply`");
  }
  for (const spec::Domain& domain : spec.domains) {
    if (domain.name.value == kSpecialFolder) {
      return MakeError("ConfigError", std::string("a domain named '") + kSpecialFolder +
                                          "' would share its Terraform folder with the special accounts; rename it");
    }
  }
  auto deploy = live_ids.find(spec.accounts.deploy->value);
  if (deploy == live_ids.end()) {
    return MakeError("ConfigError", "the deploy account '" + spec.accounts.deploy->value +
                                        "' does not exist yet, so there is no state bucket: run `foyer apply` first");
  }
  const std::vector<std::string> regions = spec.organization.regions.Values();
  const std::string partition = aws::PartitionOf(regions.front());
  Layout layout;
  for (const org::DesiredAccount& account : desired) {
    if (!GetsRootModules(account)) continue;
    auto id = live_ids.find(account.name);
    if (id == live_ids.end()) {
      layout.missing_accounts.push_back(account.name);
      continue;
    }
    std::vector<std::string> places = {"global"};
    places.insert(places.end(), regions.begin(), regions.end());
    for (const std::string& place : places) {
      RootModule module;
      module.account_name = account.name;
      module.account_id = id->second;
      module.label = AccountFolder(account) + "/" + place;
      module.global = place == "global";
      module.shared_module = SharedModuleBase(account) + (module.global ? "/global" : "/regional");
      module.region = module.global ? regions.front() : place;
      module.regions = regions;
      module.tags = account.tags;
      module.role = spec.terraform.role.value;
      module.role_arn = "arn:" + partition + ":iam::" + id->second + ":role/foyer/" + module.role;
      module.state_region = module.region;
      module.state_bucket = org::StateBucketName(deploy->second, module.state_region);
      module.state_key = org::StateKeyPrefix(id->second) + module.label + "/terraform.tfstate";
      if (std::find(layout.shared_modules.begin(), layout.shared_modules.end(), module.shared_module) ==
          layout.shared_modules.end()) {
        layout.shared_modules.push_back(module.shared_module);
      }
      layout.modules.push_back(std::move(module));
    }
  }
  return layout;
}

}  // namespace foyer::terraform
