#include "access/target.h"

#include <algorithm>
#include <vector>

#include "spec/suggest.h"

namespace foyer::access {
namespace {

Error UsageError(std::string message) {
  Error error = MakeError("UnknownTarget", std::move(message));
  error.exit_code = ExitCode::kUsage;
  return error;
}

std::string TagOf(const store::InventoryAccount& account, const std::string& tag) {
  auto found = account.tags.find(tag);
  return found == account.tags.end() ? "" : found->second;
}

std::vector<std::string> SplitSlashes(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = text.find('/', start);
    parts.push_back(text.substr(start, slash - start));
    if (slash == std::string::npos) return parts;
    start = slash + 1;
  }
}

// `<domain>/<environment>[/<quality>]` by the foyer:* tags discovery reads.
// Without a quality, a single match wins, else the one of quality "default".
Result<Target> ResolveServicePath(const std::string& text, const store::Inventory& inventory) {
  std::vector<std::string> parts = SplitSlashes(text);
  if (parts.size() > 3 || std::any_of(parts.begin(), parts.end(), [](auto& p) { return p.empty(); })) {
    return UsageError("target '" + text + "' is not <domain>/<environment>[/<quality>]");
  }
  std::vector<const store::InventoryAccount*> matches;
  std::vector<std::string> known;
  for (const auto& account : inventory.accounts) {
    std::string domain = TagOf(account, "foyer:domain");
    std::string environment = TagOf(account, "foyer:environment");
    std::string quality = TagOf(account, "foyer:quality");
    if (domain.empty() || environment.empty()) continue;
    known.push_back(domain + "/" + environment + (quality.empty() ? "" : "/" + quality));
    if (domain != parts[0] || environment != parts[1]) continue;
    if (parts.size() == 3 && quality != parts[2]) continue;
    matches.push_back(&account);
  }
  if (matches.size() > 1) {
    auto preferred = std::find_if(matches.begin(), matches.end(),
                                  [](auto* a) { return TagOf(*a, "foyer:quality") == "default"; });
    if (preferred == matches.end()) {
      return UsageError("target '" + text + "' matches " + std::to_string(matches.size()) +
                        " accounts; add the quality: <domain>/<environment>/<quality>");
    }
    matches = {*preferred};
  }
  if (matches.empty()) {
    return UsageError("no account is " + text + " in organization " + inventory.organization +
                      spec::DidYouMean(text, known) +
                      " (if it was created recently, run `foyer accounts --refresh`)");
  }
  return Target{matches[0]->id, matches[0]->name};
}

Result<Target> ResolveName(const std::string& text, const store::Inventory& inventory) {
  std::vector<std::string> names;
  for (const auto& account : inventory.accounts) {
    if (account.name == text) return Target{account.id, account.name};
    names.push_back(account.name);
  }
  return UsageError("no account is named '" + text + "' in organization " + inventory.organization +
                    spec::DidYouMean(text, names) +
                    " (if it was created recently, run `foyer accounts --refresh`)");
}

}  // namespace

Result<Target> ResolveTarget(const std::string& text, const login::OrgAccess& org,
                             const std::optional<store::Inventory>& inventory) {
  if (text.empty()) return UsageError("no target: give an account id, name, or <domain>/<environment>");
  if (IsAccountId(text)) return Target{text, text};
  if (text == "admin") return Target{org.admin_account_id, "admin"};
  if (text == "management") {
    if (org.management_account_id.empty()) {
      return UsageError("organization '" + org.name + "' has no management account configured: run "
                        "`foyer configure --org " + org.name + " --management-account ID`");
    }
    return Target{org.management_account_id, "management"};
  }
  if (!inventory) {
    return UsageError("target '" + text + "' is a name, and there is no account inventory of organization '" +
                      org.name + "' to look it up in: run `foyer accounts --refresh`, or give the 12-digit "
                      "account id");
  }
  if (text.find('/') != std::string::npos) return ResolveServicePath(text, *inventory);
  return ResolveName(text, *inventory);
}

}  // namespace foyer::access
