#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "access/target.h"
#include "access/target_session.h"
#include "aws/credentials.h"
#include "aws/endpoints.h"
#include "base/account_id.h"
#include "cli/commands.h"
#include "creds/default_chain.h"
#include "creds/environment.h"
#include "grant/policy_grant.h"
#include "grant/resource_grant.h"
#include "login/client_config.h"
#include "store/inventory_cache.h"
#include "store/state_dir.h"

namespace foyer::cli {
namespace {

struct GrantOptions {
  std::string resource;
  std::string to;
  std::string role;
  std::string actions;
  bool revoke = false;
  bool dry_run = false;
  std::string in;  // act in this account through foyer, instead of with the caller's credentials
  std::string region;
  std::string profile;
  std::string org;
  std::string group;
};

// The grantee's account id: a 12-digit id as is, anything else (an account
// name, payments/production, audit) through the client configuration and
// the inventory `foyer accounts` caches.
Result<std::string> GranteeAccount(const GrantOptions& options) {
  if (IsAccountId(options.to)) return options.to;
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return config.error();
  auto org = config->Select(options.org);
  if (!org.ok()) return org.error();
  std::optional<store::Inventory> inventory;
  if (auto state = store::StateDir::OpenDefault(); state.ok()) {
    if (auto cache = store::InventoryCache::Open(*state); cache.ok()) {
      if (auto loaded = cache->Load((*org)->management_account_id); loaded.ok()) inventory = *loaded;
    }
  }
  auto target = access::ResolveTarget(options.to, **org, inventory);
  if (!target.ok()) return target.error();
  return target->account_id;
}

// Where the policy is changed from: the caller's own credentials, or with
// --in a foyer session (Administrator) in the resource's account.
Result<aws::ClientConfig> ActingConfig(const GrantOptions& options) {
  aws::ClientConfig config;
  if (options.in.empty()) {
    auto session = creds::ResolveSession(options.profile);
    if (!session.ok()) return session.error();
    config = creds::ClientConfigFor(*session);
  } else {
    access::TargetSessionOptions target{options.in, "Administrator", options.org, options.group, true};
    auto session = access::OpenTargetSession(target, creds::Environment::Process());
    if (!session.ok()) return session.error();
    config.credentials = std::make_shared<aws::StaticCredentialsProvider>(session->session.credentials);
    config.region = session->region;
  }
  if (!options.region.empty()) config.region = options.region;
  return config;
}

int RunGrant(const GrantOptions& options) {
  auto resource = grant::ParseGrantResource(options.resource);
  if (!resource.ok()) return ReportError(resource.error());
  auto access = grant::ParseAccessLevel(options.actions);
  if (!access.ok()) return ReportError(access.error());
  auto account = GranteeAccount(options);
  if (!account.ok()) return ReportError(account.error());
  auto config = ActingConfig(options);
  if (!config.ok()) return ReportError(config.error());

  grant::Grant wanted;
  wanted.resource = *resource;
  wanted.account_id = *account;
  wanted.role = options.role;
  wanted.access = *access;
  wanted.partition = aws::PartitionOf(config->region);
  auto outcome = grant::ApplyGrant(*config, wanted, options.revoke, options.dry_run);
  if (!outcome.ok()) return ReportError(outcome.error());

  if (options.dry_run) {
    std::printf("%s\n", outcome->policy.is_null() ? "null" : outcome->policy.dump(2).c_str());
    return 0;
  }
  const std::string sid = grant::GrantSid(wanted);
  if (!outcome->changed) {
    std::printf("%s: %s already %s; nothing changed\n", options.resource.c_str(), sid.c_str(),
                options.revoke ? "absent" : "in place");
  } else {
    std::printf("%s: %s %s\n", options.resource.c_str(), options.revoke ? "removed" : "granted", sid.c_str());
  }
  return 0;
}

}  // namespace

void AddGrantCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<GrantOptions>();
  auto* command = root.add_subcommand(
      "grant", "Let a foyer role of another account use an S3 bucket or KMS key (resource policy statement)");
  command->add_option("RESOURCE", options->resource, "s3://BUCKET or kms:KEY-ID")->required();
  command->add_option("--to", options->to, "The grantee account: id, name or <domain>/<environment>[/<quality>]")
      ->required();
  command->add_option("--role", options->role, "The grantee role (foyer/<role> in that account)")->required();
  command->add_option("--actions", options->actions, "read or write")->required();
  command->add_flag("--revoke", options->revoke, "Remove the grant's statement instead");
  command->add_flag("--dry-run", options->dry_run, "Print the resulting policy; change nothing");
  command->add_option("--in", options->in, "Act in this account through foyer (as Administrator)");
  command->add_option("--region", options->region, "The key's region (default: AWS_REGION, or the org's first)");
  command->add_option("--profile", options->profile, "AWS profile to act with (without --in)");
  command->add_option("--org", options->org, "Organization of the client configuration (default: default_org)");
  command->add_option("--group", options->group, "Group whose landing session --in starts from");
  command->callback([&selected, options] { selected = [options] { return RunGrant(*options); }; });
}

}  // namespace foyer::cli
