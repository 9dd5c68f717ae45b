#include "audit/scp_probe.h"

#include "iam/evaluator.h"
#include "iam/policy_parser.h"

namespace foyer::audit {
namespace {

// The principal's own policies allow everything, so that only the SCPs decide.
const iam::Policy& AllowEverything() {
  static const iam::Policy policy = *iam::ParsePolicy(
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})",
      "identity_policy");
  return policy;
}

}  // namespace

bool ScpsDeny(const access_graph::Snapshot& snapshot, const access_graph::SnapshotAccount& account,
              const std::string& principal, const std::string& action, const std::string& resource) {
  if (!snapshot.has_scps || account.id == snapshot.management_account) return false;
  iam::PolicySet policies;
  policies.identity.push_back(AllowEverything());
  policies.scps = snapshot.ScpLevels(account);
  iam::Request request;
  request.principal = principal;
  request.action = action;
  request.resource = resource;
  request.resource_account = account.id;
  request.context.Set("aws:PrincipalArn", principal);
  request.context.Set("aws:PrincipalAccount", account.id);
  if (!snapshot.organization_id.empty()) request.context.Set("aws:PrincipalOrgID", snapshot.organization_id);
  return iam::Evaluate(request, policies).verdict != iam::Verdict::kAllow;
}

bool IsNeutered(const access_graph::Snapshot& snapshot, const access_graph::SnapshotAccount& account,
                const std::string& role_arn) {
  return ScpsDeny(snapshot, account, role_arn, "iam:CreateRole", "arn:aws:iam::" + account.id + ":role/probe") &&
         ScpsDeny(snapshot, account, role_arn, "sts:AssumeRole", "arn:aws:iam::" + account.id + ":role/probe");
}

}  // namespace foyer::audit
