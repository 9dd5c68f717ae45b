#include "org/inventory.h"

#include "org/naming.h"

namespace foyer::org {
namespace {

nlohmann::ordered_json TagOrNull(const store::InventoryAccount& account, std::string_view key) {
  auto found = account.tags.find(std::string(key));
  if (found == account.tags.end()) return nullptr;
  return found->second;
}

}  // namespace

std::string TagValue(const store::InventoryAccount& account, std::string_view key) {
  auto found = account.tags.find(std::string(key));
  return found == account.tags.end() ? "" : found->second;
}

std::string KindOf(const store::InventoryAccount& account) {
  std::string kind = TagValue(account, kKindTag);
  return kind.empty() ? std::string(kUnmanagedKind) : kind;
}

nlohmann::ordered_json AccountsJson(const std::vector<store::InventoryAccount>& accounts) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const store::InventoryAccount& account : accounts) {
    list.push_back({{"id", account.id},
                    {"name", account.name},
                    {"email", account.email},
                    {"status", account.status},
                    {"kind", KindOf(account)},
                    {"domain", TagOrNull(account, kDomainTag)},
                    {"environment", TagOrNull(account, kEnvironmentTag)},
                    {"quality", TagOrNull(account, kQualityTag)},
                    {"ou", account.ou_path}});
  }
  return list;
}

std::string ShellVariableName(std::string_view account_name) {
  std::string name = "FOYER_ACCOUNT_";
  for (char c : account_name) {
    bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alphanumeric) {
      name += '_';
    } else if (c >= 'a' && c <= 'z') {
      name += static_cast<char>(c - 'a' + 'A');
    } else {
      name += c;
    }
  }
  return name;
}

std::string AccountsShellExports(const std::vector<store::InventoryAccount>& accounts) {
  std::string lines;
  for (const store::InventoryAccount& account : accounts) {
    lines += "export " + ShellVariableName(account.name) + "=" + account.id + "\n";
  }
  return lines;
}

}  // namespace foyer::org
