#include "roles/live_roles.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "base/concurrently.h"
#include "roles/desired_roles.h"
#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

LiveRole FromDetail(const aws::RoleDetail& detail) {
  LiveRole role;
  role.name = detail.role.role_name;
  role.arn = detail.role.arn;
  role.trust_policy = detail.role.assume_role_policy_document;
  for (const aws::AttachedPolicy& policy : detail.attached_policies) {
    role.managed_policies.push_back(policy.policy_arn);
  }
  std::sort(role.managed_policies.begin(), role.managed_policies.end());
  for (const aws::InlinePolicy& policy : detail.inline_policies) {
    role.inline_policies[policy.policy_name] = policy.policy_document;
  }
  role.tags = detail.role.tags;
  return role;
}

LiveUser FromDetail(const aws::UserDetail& detail) {
  LiveUser user;
  user.name = detail.user.user_name;
  user.arn = detail.user.arn;
  for (const aws::InlinePolicy& policy : detail.inline_policies) {
    user.inline_policies[policy.policy_name] = policy.policy_document;
  }
  user.tags = detail.user.tags;
  return user;
}

}  // namespace

std::optional<std::string> TagValue(const aws::TagList& tags, const std::string& key) {
  for (const auto& [tag_key, value] : tags) {
    if (tag_key == key) return value;
  }
  return std::nullopt;
}

bool ManagedByFoyer(const aws::TagList& tags) { return TagValue(tags, kManagedTagKey) == kManagedTagValue; }

Result<LiveAccountIam> ReadAccountIam(aws::IamClient& iam, bool with_users) {
  std::vector<std::string> filter = {"Role"};
  if (with_users) filter.push_back("User");
  auto details = iam.GetAccountAuthorizationDetails(filter);
  if (!details.ok()) return details.error();
  LiveAccountIam live;
  for (const aws::RoleDetail& detail : details->roles) {
    if (detail.role.path == kRolePath) live.roles.emplace(detail.role.role_name, FromDetail(detail));
  }
  for (const aws::UserDetail& detail : details->users) {
    if (ManagedByFoyer(detail.user.tags)) {
      live.users.emplace(detail.user.user_name, FromDetail(detail));
    }
  }
  bool all_tagged = true;
  for (auto& [name, role] : live.roles) {
    auto tagged = TagValue(role.tags, kMaxSessionTagKey);
    int seconds = 0;
    if (tagged && std::sscanf(tagged->c_str(), "%d", &seconds) == 1) {
      role.max_session_seconds = seconds;
    } else {
      all_tagged = false;
    }
  }
  if (all_tagged) return live;
  // Roles made before foyer kept the duration in a tag: ask ListRoles.
  auto listed = iam.ListRoles(std::string(kRolePath));
  if (!listed.ok()) return listed.error();
  for (const aws::IamRole& role : *listed) {
    auto found = live.roles.find(role.role_name);
    if (found != live.roles.end()) found->second.max_session_seconds = role.max_session_duration;
  }
  return live;
}

Result<std::map<std::string, LiveAccountIam>> ReadAccounts(
    org::AccountAccess& access, const std::map<std::string, std::string>& account_ids,
    const std::vector<std::string>& accounts, const std::string& admin, const std::string& region,
    int concurrency) {
  std::map<std::string, LiveAccountIam> live;
  std::mutex mutex;
  std::optional<Error> failure;
  auto read_one = [&](const std::string& account, const std::string& id) -> Result<LiveAccountIam> {
    auto config = access.ConfigIn(id, region);
    if (!config.ok()) return config.error();
    aws::IamClient iam(std::move(*config));
    return ReadAccountIam(iam, account == admin);
  };
  ForEachConcurrently(accounts.size(), concurrency, [&](size_t i) {
    auto id = account_ids.find(accounts[i]);
    if (id == account_ids.end()) return;
    Result<LiveAccountIam> read = read_one(accounts[i], id->second);
    std::lock_guard lock(mutex);
    if (read.ok()) {
      live.emplace(accounts[i], std::move(*read));
    } else if (!failure) {
      failure = read.error();
      failure->message = "reading the IAM roles of account " + accounts[i] + ": " + failure->message;
    }
  });
  if (failure) return *failure;
  return live;
}

}  // namespace foyer::roles
