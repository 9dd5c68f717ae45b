// S10: cross-account access by resource policy names exact principals.
#include <algorithm>

#include "audit/rules.h"
#include "audit/statements.h"

namespace foyer::audit {
namespace {

bool AdmitsEveryone(const iam::Statement& statement) {
  if (statement.effect != iam::Effect::kAllow || statement.principal_kind != iam::PrincipalKind::kPrincipal) {
    return false;
  }
  return statement.principals.everyone ||
         std::find(statement.principals.aws.begin(), statement.principals.aws.end(), "*") !=
             statement.principals.aws.end();
}

}  // namespace

void CheckResourcePolicies(const AuditContext& context, std::vector<Finding>& findings) {
  for (const access_graph::SnapshotAccount& account : context.snapshot.accounts) {
    for (const access_graph::SnapshotBucket& bucket : account.buckets) {
      if (!bucket.policy) continue;
      for (size_t i = 0; i < bucket.policy->statements.size(); ++i) {
        const iam::Statement& statement = bucket.policy->statements[i];
        if (!AdmitsEveryone(statement) || !statement.conditions.empty()) continue;
        findings.push_back({"S10-resource-policy-open", Severity::kHigh, account.id, "s3://" + bucket.name,
                            "the policy of bucket " + bucket.name + " allows every principal, without condition",
                            {DescribeStatement(*bucket.policy, i)},
                            "name the exact principals, as foyer grant writes them"});
      }
    }
  }
}

}  // namespace foyer::audit
