#include "snapshot/live_snapshot.h"

#include <atomic>
#include <chrono>
#include <vector>

#include "aws/organizations.h"
#include "aws/sts.h"
#include "base/concurrently.h"
#include "base/time_format.h"
#include "creds/assume_role_provider.h"
#include "creds/service_calls.h"
#include "org/discovery.h"
#include "snapshot/account_snapshot.h"
#include "snapshot/organization_snapshot.h"

namespace foyer::snapshot {
namespace {

constexpr char kSessionName[] = "foyer-snapshot";

std::string PartitionOf(const std::string& arn) {
  size_t start = arn.find(':');
  size_t end = start == std::string::npos ? start : arn.find(':', start + 1);
  return end == std::string::npos ? "aws" : arn.substr(start + 1, end - start - 1);
}

aws::ClientConfig AssumedConfig(const aws::ClientConfig& caller, const std::string& role_arn) {
  creds::AssumeRoleSettings settings;
  settings.role_arn = role_arn;
  settings.role_session_name = kSessionName;
  settings.source_step = "snapshot";
  creds::ChainContext context;
  context.calls = creds::AwsServiceCalls(caller);
  aws::ClientConfig config = caller;
  config.credentials = creds::MakeAssumeRoleProvider(caller.credentials, settings, context);
  return config;
}

// Organizations as the caller in management, else through OrganizationReader.
Result<aws::ClientConfig> OrganizationsConfig(const aws::ClientConfig& caller, const aws::CallerIdentity& identity,
                                              MemberRole via) {
  if (via == MemberRole::kOrganizationAccountAccessRole) return caller;
  aws::OrganizationsClient probe(caller);
  auto organization = probe.DescribeOrganization();
  if (!organization.ok()) return organization.error();
  if (organization->master_account_id == identity.account) return caller;
  return AssumedConfig(caller, "arn:" + PartitionOf(identity.arn) + ":iam::" + organization->master_account_id +
                                   ":role/foyer/OrganizationReader");
}

nlohmann::json ReadAccount(const aws::ClientConfig& caller, const aws::CallerIdentity& identity,
                           const std::string& account_id, const CollectionOptions& options) {
  const MemberRole via = options.via;
  if (account_id == identity.account) return AccountSnapshot(caller, options.regions);
  std::string role = MemberRoleArn(PartitionOf(identity.arn), account_id, via);
  aws::ClientConfig config = AssumedConfig(caller, role);
  auto credentials = config.credentials->Retrieve();
  if (!credentials.ok()) {
    return {{"errors", {"sts:AssumeRole " + role + ": " + credentials.error().message}}};
  }
  return AccountSnapshot(config, options.regions);
}

// Every account read by at most `concurrency` workers at once.
nlohmann::json ReadAccounts(const aws::ClientConfig& caller, const aws::CallerIdentity& identity,
                            const std::vector<std::string>& ids, const CollectionOptions& options) {
  std::vector<nlohmann::json> entries(ids.size());
  std::atomic<size_t> done{0};
  ForEachConcurrently(ids.size(), options.concurrency, [&](size_t i) {
    entries[i] = ReadAccount(caller, identity, ids[i], options);
    size_t finished = ++done;
    if (options.on_account) options.on_account(ids[i], finished, ids.size());
  });
  nlohmann::json accounts = nlohmann::json::object();
  for (size_t i = 0; i < ids.size(); ++i) accounts[ids[i]] = std::move(entries[i]);
  return accounts;
}

}  // namespace

std::string MemberRoleArn(const std::string& partition, const std::string& account_id, MemberRole via) {
  std::string role = via == MemberRole::kAuditor ? "foyer/Auditor" : "OrganizationAccountAccessRole";
  return "arn:" + partition + ":iam::" + account_id + ":role/" + role;
}

Result<nlohmann::json> CollectLiveSnapshot(const aws::ClientConfig& caller, const CollectionOptions& options) {
  aws::StsClient sts(caller);
  auto identity = sts.GetCallerIdentity();
  if (!identity.ok()) return identity.error();
  auto organizations_config = OrganizationsConfig(caller, *identity, options.via);
  if (!organizations_config.ok()) return organizations_config.error();
  aws::OrganizationsClient organizations(*organizations_config);
  org::OrganizationsReader reader(organizations);
  auto live = org::DiscoverOrganization(reader, "");
  if (!live.ok()) return live.error();
  if (!live->organization) {
    return MakeError("NotInOrganization", "account " + identity->account + " is in no organization: nothing to snapshot");
  }
  auto organization = OrganizationSnapshot(*live, organizations);
  if (!organization.ok()) return organization.error();
  std::vector<std::string> ids;
  for (const store::InventoryAccount& account : live->accounts) {
    if (account.status.empty() || account.status == "ACTIVE") ids.push_back(account.id);
  }
  return nlohmann::json{{"organization", std::move(*organization)},
                        {"accounts", ReadAccounts(caller, *identity, ids, options)},
                        {"collected_at", FormatRfc3339(std::chrono::system_clock::now())}};
}

}  // namespace foyer::snapshot
