// S10: cross-account access by resource policy names exact principals of the
// organization. Bucket and key policies are read by the same checks.
#include <set>
#include <string>

#include "audit/rules.h"
#include "audit/statements.h"

namespace foyer::audit {
namespace {

// A resource policy and how findings name its owner.
struct ResourcePolicy {
  const iam::Policy& policy;
  std::string resource;  // "s3://NAME" or the key ARN
  std::string subject;   // "bucket NAME", "key ID"
};

bool AllowsByPrincipal(const iam::Statement& statement) {
  return statement.effect == iam::Effect::kAllow && statement.principal_kind == iam::PrincipalKind::kPrincipal;
}

// The parser reads "*" and {"AWS": "*"} alike as everyone.
bool AdmitsEveryone(const iam::Statement& statement) {
  return AllowsByPrincipal(statement) && statement.principals.everyone;
}

// The accounts an Allow statement names that are not in the organization.
std::set<std::string> OutsideAccounts(const access_graph::Snapshot& snapshot, const iam::Statement& statement) {
  std::set<std::string> outside;
  if (!AllowsByPrincipal(statement)) return outside;
  for (const std::string& principal : statement.principals.aws) {
    std::string account = AccountOfPrincipal(principal);
    if (!account.empty() && snapshot.FindAccount(account) == nullptr) outside.insert(account);
  }
  return outside;
}

std::string Join(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

// Any condition counts as a restriction of `*` (aws:PrincipalOrgID,
// kms:CallerAccount, ...): deciding which ones really pin the caller down is
// the access graph's business, not this rule's.
void CheckResourcePolicy(const AuditContext& context, const std::string& account, const ResourcePolicy& resource,
                         std::vector<Finding>& findings) {
  for (size_t i = 0; i < resource.policy.statements.size(); ++i) {
    const iam::Statement& statement = resource.policy.statements[i];
    if (AdmitsEveryone(statement) && statement.conditions.empty()) {
      findings.push_back({"S10-resource-policy-open", Severity::kHigh, account, resource.resource,
                          "the policy of " + resource.subject + " allows every principal, without condition",
                          {DescribeStatement(resource.policy, i)},
                          "name the exact principals, as foyer grant writes them"});
    }
    std::set<std::string> outside = OutsideAccounts(context.snapshot, statement);
    if (outside.empty()) continue;
    findings.push_back({"S10-resource-policy-outside", Severity::kMedium, account, resource.resource,
                        "the policy of " + resource.subject + " allows " +
                            (outside.size() == 1 ? "account " : "accounts ") + Join(outside) +
                            ", outside the organization",
                        {DescribeStatement(resource.policy, i)},
                        "remove the statement, unless the account is a partner's that needs this access; then "
                        "keep it and document why (this finding stays, so that it is seen)"});
  }
}

}  // namespace

void CheckResourcePolicies(const AuditContext& context, std::vector<Finding>& findings) {
  for (const access_graph::SnapshotAccount& account : context.snapshot.accounts) {
    for (const access_graph::SnapshotBucket& bucket : account.buckets) {
      if (!bucket.policy) continue;
      CheckResourcePolicy(context, account.id, {*bucket.policy, "s3://" + bucket.name, "bucket " + bucket.name},
                          findings);
    }
    for (const access_graph::SnapshotKey& key : account.keys) {
      if (!key.policy) continue;
      CheckResourcePolicy(context, account.id, {*key.policy, key.arn, "key " + key.id}, findings);
    }
  }
}

}  // namespace foyer::audit
