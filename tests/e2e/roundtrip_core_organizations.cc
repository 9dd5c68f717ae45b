// The Organizations scenario of foyer_roundtrip_core: builds a small
// organization with every OrganizationsClient operation, listing with one
// item per page so that every paginated list crosses pages.
#include <string>
#include <vector>

#include "aws/organizations.h"
#include "roundtrip_core.h"

namespace foyer::aws {
namespace {

constexpr char kDenyLeave[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]})";

json AccountJson(const Account& account) {
  return {{"id", account.id},         {"arn", account.arn},
          {"email", account.email},   {"name", account.name},
          {"status", account.status}, {"joined_method", account.joined_method}};
}

json AccountList(const std::vector<Account>& accounts) {
  json list = json::array();
  for (const Account& account : accounts) list.push_back(AccountJson(account));
  return list;
}

json NodeList(const std::vector<OrgNode>& nodes) {
  json list = json::array();
  for (const OrgNode& node : nodes) list.push_back({{"id", node.id}, {"type", node.type}});
  return list;
}

json PolicySummaries(const std::vector<OrgPolicySummary>& policies) {
  json list = json::array();
  for (const OrgPolicySummary& policy : policies) {
    list.push_back({{"id", policy.id}, {"name", policy.name}, {"aws_managed", policy.aws_managed}});
  }
  return list;
}

std::string CreateAccount(OrganizationsClient& organizations, const std::string& name,
                          const std::string& kind) {
  CreateAccountRequest request;
  request.email = "aws+" + name + "@example.com";
  request.account_name = name;
  request.iam_user_access_to_billing = "DENY";
  request.tags = {{"foyer:kind", kind}, {"foyer:managed", "true"}};
  CreateAccountStatus status = Must(organizations.CreateAccount(request), "CreateAccount " + name);
  for (int poll = 0; status.state == "IN_PROGRESS" && poll < 50; ++poll) {
    status = Must(organizations.DescribeCreateAccountStatus(status.id), "DescribeCreateAccountStatus");
  }
  if (status.state != "SUCCEEDED") {
    Fail(MakeError("CreateAccountFailed", status.state + " " + status.failure_reason), "CreateAccount");
  }
  return status.account_id;
}

json Tree(OrganizationsClient& organizations, json& ids) {
  json out;
  Organization organization = Must(organizations.CreateOrganization(), "CreateOrganization");
  Organization described = Must(organizations.DescribeOrganization(), "DescribeOrganization");
  out["organization"] = {{"id", described.id}, {"feature_set", described.feature_set},
                         {"master_account_id", described.master_account_id},
                         {"created_id", organization.id}};
  std::vector<Root> roots = Must(organizations.ListRoots(), "ListRoots");
  std::string root = roots.at(0).id;
  out["root"] = root;
  Result<Root> enabled = organizations.EnablePolicyType(root, "SERVICE_CONTROL_POLICY");
  out["enable_policy_type"] = enabled.ok() ? json("ENABLED") : json(enabled.error().code);
  OrganizationalUnit security =
      Must(organizations.CreateOrganizationalUnit(root, "Security", {{"foyer:managed", "true"}}), "CreateOU Security");
  OrganizationalUnit workloads = Must(organizations.CreateOrganizationalUnit(root, "Workloads"), "CreateOU Workloads");
  OrganizationalUnit development =
      Must(organizations.CreateOrganizationalUnit(workloads.id, "development"), "CreateOU development");
  ids = {{"root", root}, {"security", security.id}, {"workloads", workloads.id}, {"development", development.id}};
  json ous = json::array();
  for (const OrganizationalUnit& ou : Must(organizations.ListOrganizationalUnitsForParent(root), "ListOUsForParent")) {
    ous.push_back({{"id", ou.id}, {"name", ou.name}, {"arn", ou.arn}});
  }
  out["root_ous"] = ous;
  out["root_children_ous"] = NodeList(Must(organizations.ListChildren(root, "ORGANIZATIONAL_UNIT"), "ListChildren"));
  out["development_parents"] = NodeList(Must(organizations.ListParents(development.id), "ListParents"));
  return out;
}

json Accounts(OrganizationsClient& organizations, json& ids) {
  std::string admin = CreateAccount(organizations, "admin", "admin");
  std::string audit = CreateAccount(organizations, "audit", "audit");
  std::string payments = CreateAccount(organizations, "payments-development", "service");
  std::string doomed = CreateAccount(organizations, "to-close", "service");
  ids["admin"] = admin;
  ids["audit"] = audit;
  ids["payments"] = payments;
  ids["to_close"] = doomed;
  std::string root = ids["root"];
  Must(organizations.MoveAccount(admin, root, ids["security"]), "MoveAccount admin");
  Must(organizations.MoveAccount(audit, root, ids["security"]), "MoveAccount audit");
  Must(organizations.MoveAccount(payments, root, ids["development"]), "MoveAccount payments");
  Must(organizations.CloseAccount(doomed), "CloseAccount");
  json out;
  out["all"] = AccountList(Must(organizations.ListAccounts(), "ListAccounts"));
  out["security"] = AccountList(Must(organizations.ListAccountsForParent(ids["security"]), "ListAccountsForParent"));
  out["admin"] = AccountJson(Must(organizations.DescribeAccount(admin), "DescribeAccount"));
  out["admin_parents"] = NodeList(Must(organizations.ListParents(admin), "ListParents admin"));
  out["security_children"] = NodeList(Must(organizations.ListChildren(ids["security"], "ACCOUNT"), "ListChildren"));
  Must(organizations.TagResource(admin, {{"foyer:extra", "1"}, {"foyer:gone", "x"}}), "TagResource");
  Must(organizations.UntagResource(admin, {"foyer:gone"}), "UntagResource");
  out["admin_tags"] = Tags(Must(organizations.ListTagsForResource(admin), "ListTagsForResource"));
  return out;
}

json Policies(OrganizationsClient& organizations, const json& ids) {
  CreateOrgPolicyRequest request;
  request.name = "deny-leave";
  request.description = "first";
  request.content = kDenyLeave;
  request.tags = {{"foyer:managed", "true"}};
  OrgPolicy policy = Must(organizations.CreatePolicy(request), "CreatePolicy");
  request.name = "second";
  request.description = "second";
  OrgPolicy second = Must(organizations.CreatePolicy(request), "CreatePolicy second");
  UpdateOrgPolicyRequest update;
  update.policy_id = policy.summary.id;
  update.description = "updated";
  Must(organizations.UpdatePolicy(update), "UpdatePolicy");
  OrgPolicy described = Must(organizations.DescribePolicy(policy.summary.id), "DescribePolicy");
  Must(organizations.AttachPolicy(policy.summary.id, ids["workloads"]), "AttachPolicy workloads");
  Must(organizations.AttachPolicy(policy.summary.id, ids["admin"]), "AttachPolicy admin");
  Must(organizations.AttachPolicy(second.summary.id, ids["workloads"]), "AttachPolicy second");
  Must(organizations.DetachPolicy(policy.summary.id, ids["admin"]), "DetachPolicy");
  json targets = json::array();
  for (const PolicyTarget& target : Must(organizations.ListTargetsForPolicy(policy.summary.id), "ListTargetsForPolicy")) {
    targets.push_back({{"target_id", target.target_id}, {"type", target.type}, {"name", target.name}});
  }
  return {{"id", policy.summary.id},
          {"second_id", second.summary.id},
          {"described", {{"name", described.summary.name}, {"description", described.summary.description},
                         {"type", described.summary.type}, {"content", described.content}}},
          {"all", PolicySummaries(Must(organizations.ListPolicies("SERVICE_CONTROL_POLICY"), "ListPolicies"))},
          {"workloads", PolicySummaries(Must(organizations.ListPoliciesForTarget(ids["workloads"], "SERVICE_CONTROL_POLICY"),
                                             "ListPoliciesForTarget"))},
          {"targets", targets}};
}

json Delegation(OrganizationsClient& organizations, const json& ids) {
  Must(organizations.RegisterDelegatedAdministrator(ids["audit"], "access-analyzer.amazonaws.com"),
       "RegisterDelegatedAdministrator");
  json list = json::array();
  for (const DelegatedAdministrator& admin :
       Must(organizations.ListDelegatedAdministrators(), "ListDelegatedAdministrators")) {
    list.push_back({{"id", admin.account.id}, {"name", admin.account.name},
                    {"has_delegation_date", admin.delegation_enabled_date.has_value()}});
  }
  return list;
}

}  // namespace

json OrganizationsScenario(const json& input) {
  OrganizationsClient organizations(EnvironmentConfig(), input.value("page_size", 1));
  json ids;
  json out;
  out["tree"] = Tree(organizations, ids);
  out["accounts"] = Accounts(organizations, ids);
  out["policies"] = Policies(organizations, ids);
  out["delegated_administrators"] = Delegation(organizations, ids);
  out["ids"] = ids;
  return out;
}

}  // namespace foyer::aws
