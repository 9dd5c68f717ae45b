// S7: IAM users only in the admin account, with MFA, without immortal keys.
#include <chrono>

#include "audit/rules.h"
#include "base/time_format.h"

namespace foyer::audit {
namespace {

constexpr std::chrono::hours kMaxKeyAge{24 * 90};

void CheckKeyAges(const AuditContext& context, const access_graph::SnapshotAccount& account,
                  const access_graph::SnapshotUser& user, std::vector<Finding>& findings) {
  for (const access_graph::SnapshotAccessKey& key : user.access_keys) {
    if (key.status != "Active" || !key.created || context.now - *key.created <= kMaxKeyAge) continue;
    auto days = std::chrono::duration_cast<std::chrono::hours>(context.now - *key.created).count() / 24;
    findings.push_back({"S7-old-access-key", Severity::kMedium, account.id, user.arn,
                        "access key " + key.id + " of " + user.arn + " is " + std::to_string(days) +
                            " days old (more than 90)",
                        {"created " + FormatRfc3339(*key.created) + ", status Active"},
                        "create a new key, store it with foyer login --method iam-user, then delete " + key.id});
  }
}

}  // namespace

void CheckUsers(const AuditContext& context, std::vector<Finding>& findings) {
  for (const access_graph::SnapshotAccount& account : context.snapshot.accounts) {
    bool in_admin = context.admin != nullptr && account.id == context.admin->id;
    bool in_management = context.management != nullptr && account.id == context.management->id;
    for (const access_graph::SnapshotUser& user : account.users) {
      if (!in_admin && !in_management) {
        findings.push_back({"S7-iam-user-outside-admin", Severity::kHigh, account.id, user.arn,
                            "IAM user " + user.arn + " lives outside the admin account",
                            {"account " + account.id + (account.name.empty() ? "" : " (" + account.name + ")") +
                             " has IAM user " + user.arn},
                            "give the person an entry into the admin account and delete the user; the "
                            "deny_iam_users_outside_admin guardrail keeps new ones out"});
      }
      if (!user.mfa) {
        findings.push_back({"S7-user-without-mfa", Severity::kMedium, account.id, user.arn,
                            "IAM user " + user.arn + " has no MFA device",
                            {"iam:ListMFADevices for " + user.arn + " is empty"},
                            "enroll a device with foyer mfa enroll"});
      }
      CheckKeyAges(context, account, user, findings);
    }
  }
}

}  // namespace foyer::audit
