#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "aws/organizations.h"
#include "base/error.h"
#include "cli/commands.h"
#include "cli/organization_session.h"
#include "org/inventory.h"
#include "org/naming.h"

namespace foyer::cli {
namespace {

struct CloseOptions {
  std::string target;
  std::string spec_path = "foyer.toml";
  std::string profile;
  std::string confirm;
};

Error CloseError(const std::string& code, const std::string& message, ExitCode exit_code) {
  Error error = MakeError(code, message);
  error.exit_code = exit_code;
  return error;
}

// The live account TARGET names: an id, a name, or <domain>/<environment>[/<quality>]
// matched by tags.
Result<store::InventoryAccount> FindTarget(const std::vector<store::InventoryAccount>& accounts,
                                           const std::string& target) {
  for (const auto& account : accounts) {
    if (account.id == target || account.name == target) return account;
  }
  auto first = target.find('/');
  if (first != std::string::npos) {
    std::string domain = target.substr(0, first);
    std::string rest = target.substr(first + 1);
    auto second = rest.find('/');
    std::string environment = rest.substr(0, second);
    std::string quality = second == std::string::npos ? "" : rest.substr(second + 1);
    for (const auto& account : accounts) {
      if (org::TagValue(account, org::kDomainTag) == domain &&
          org::TagValue(account, org::kEnvironmentTag) == environment &&
          (quality.empty() || org::TagValue(account, org::kQualityTag) == quality)) {
        return account;
      }
    }
  }
  return CloseError("UnknownTarget", "no account of the organization is " + target +
                                         "; `foyer accounts --refresh` lists them", ExitCode::kUsage);
}

// The account's name typed back, on the terminal or with --confirm.
Status Confirm(const store::InventoryAccount& account, const std::string& confirm) {
  std::string typed = confirm;
  if (typed.empty()) {
    if (::isatty(STDIN_FILENO) != 1) {
      return CloseError("ConfirmationNeeded",
                        "closing an account cannot be undone after 90 days; stdin is not a terminal, "
                        "so pass --confirm " + account.name,
                        ExitCode::kUsage);
    }
    std::fprintf(stderr,
                 "Closing %s (%s) suspends it now and deletes it for good after 90 days.\n"
                 "Type the account's name to confirm: ",
                 account.name.c_str(), account.id.c_str());
    std::getline(std::cin, typed);
  }
  if (typed != account.name) {
    return CloseError("Cancelled", "the confirmation '" + typed + "' is not the account's name " +
                                       account.name + "; nothing was closed", ExitCode::kUsage);
  }
  return OkStatus();
}

int RunClose(const CloseOptions& options) {
  auto session = OpenOrganization(options.spec_path, options.profile);
  if (!session.ok()) return ReportError(session.error());
  const std::string& management_id = (*session)->ManagementId();
  auto management = (*session)->access->ConfigIn(management_id, (*session)->Region());
  if (!management.ok()) return ReportError(management.error());
  aws::OrganizationsClient organizations(std::move(*management));
  auto account = FindTarget((*session)->live.accounts, options.target);
  if (!account.ok()) return ReportError(account.error());
  std::string kind = org::KindOf(*account);
  if (account->id == management_id || kind == "admin") {
    return ReportError(CloseError("Refused", "foyer does not close the " +
                                                 std::string(account->id == management_id ? "management" : "admin") +
                                                 " account: everyone's access goes through it",
                                  ExitCode::kUsage));
  }
  if (account->status != "ACTIVE") {
    std::printf("%s (%s) is already %s.\n", account->name.c_str(), account->id.c_str(), account->status.c_str());
    return 0;
  }
  Status confirmed = Confirm(*account, options.confirm);
  if (!confirmed.ok()) return ReportError(confirmed.error());
  Status closed = organizations.CloseAccount(account->id);
  if (!closed.ok()) return ReportError(closed.error());
  std::printf("Closed %s (%s). Remove it from foyer.toml, or the next plan reports it as suspended.\n",
              account->name.c_str(), account->id.c_str());
  return 0;
}

}  // namespace

void AddAccountCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<CloseOptions>();
  auto* account = root.add_subcommand("account", "Act on one account of the organization");
  account->require_subcommand(1);
  auto* close = account->add_subcommand("close", "Close an account, after a typed confirmation");
  close->add_option("TARGET", options->target, "Account id, name, or <domain>/<environment>[/<quality>]")
      ->required();
  close->add_option("--spec", options->spec_path, "The organization spec (default: foyer.toml)");
  close->add_option("--profile", options->profile, "AWS profile to use");
  close->add_option("--confirm", options->confirm,
                    "The account's name, typed back (needed when stdin is not a terminal)");
  close->callback([&selected, options] { selected = [options] { return RunClose(*options); }; });
}

}  // namespace foyer::cli
