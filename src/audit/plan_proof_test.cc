#include "audit/plan_proof.h"

#include <gtest/gtest.h>

#include <set>

#include "org/naming.h"
#include "spec/spec_parser.h"

namespace foyer::audit {
namespace {

using nlohmann::json;

constexpr char kLanding[] = "arn:aws:iam::222222222222:role/foyer/sre";

json TrustOf(json principal) {
  return {{"Version", "2012-10-17"},
          {"Statement", {{{"Effect", "Allow"}, {"Principal", std::move(principal)},
                          {"Action", {"sts:AssumeRole", "sts:SetSourceIdentity"}}}}}};
}

roles::DesiredRole Target(const std::string& name, json trust) {
  roles::DesiredRole role;
  role.name = name;
  role.trust_policy = std::move(trust);
  role.managed_policies = {"arn:aws:iam::aws:policy/AdministratorAccess"};
  return role;
}

std::vector<roles::AccountRoles> CleanPlan() {
  roles::DesiredRole landing;
  landing.name = "sre";
  landing.landing = true;
  landing.trust_policy = json::parse(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::222222222222:oidc-provider/idp.example.com"},
      "Action": ["sts:AssumeRoleWithWebIdentity", "sts:SetSourceIdentity"]}]})");
  landing.inline_policies["foyer"] = json::parse(R"({"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/foyer/*"}]})");
  return {{"management", org::AccountKind::kManagement, {Target("OrganizationAdministrator", TrustOf({{"AWS", kLanding}}))}},
          {"admin", org::AccountKind::kAdmin, {landing}},
          {"payments-production", org::AccountKind::kService, {Target("Administrator", TrustOf({{"AWS", kLanding}}))}}};
}

const std::map<std::string, std::string> kIds = {
    {"management", "111111111111"}, {"admin", "222222222222"}, {"payments-production", "333333333333"}};

std::vector<Finding> Prove(const std::vector<roles::AccountRoles>& plan) {
  auto planned = PlannedSnapshot(plan, kIds, "111111111111", "o-test");
  EXPECT_TRUE(planned.ok()) << planned.error().message;
  return planned.ok() ? ProveInvariants(*planned) : std::vector<Finding>{};
}

TEST(PlanProofTest, PlanDerivedFromGrantsProvesClean) { EXPECT_TRUE(Prove(CleanPlan()).empty()); }

TEST(PlanProofTest, PlanLettingAWorkloadRoleIntoAdminIsRefusedWithThePath) {
  std::vector<roles::AccountRoles> plan = CleanPlan();
  plan[1].roles.push_back(Target("Administrator", TrustOf({{"AWS", "arn:aws:iam::333333333333:role/foyer/Administrator"}})));
  std::vector<Finding> findings = Prove(plan);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "S4-path-into-admin");
  EXPECT_EQ(findings[0].resource, "arn:aws:iam::333333333333:role/foyer/Administrator");
  EXPECT_EQ(findings[0].evidence,
            (std::vector<std::string>{"arn:aws:iam::333333333333:role/foyer/Administrator (role)",
                                      "  -> sts:AssumeRole arn:aws:iam::222222222222:role/foyer/Administrator"}));
}

TEST(PlanProofTest, PlanTrustingAWholeAccountIsRefused) {
  std::vector<roles::AccountRoles> plan = CleanPlan();
  plan[2].roles[0].trust_policy = TrustOf({{"AWS", "arn:aws:iam::222222222222:root"}});
  std::vector<Finding> findings = Prove(plan);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "S8-trust-whole-account");
}

TEST(PlanProofTest, AccountsWithoutIdsAreAnError) {
  auto planned = PlannedSnapshot(CleanPlan(), {{"management", "111111111111"}}, "111111111111", "o-test");
  ASSERT_FALSE(planned.ok());
  EXPECT_EQ(planned.error().code, "AccountNotCreated");
}

constexpr char kSpec[] = R"(
[organization]
management_account_id = "111111111111"
email = "aws+{account}@example.com"
regions = ["us-east-1", "us-west-2"]
environments = ["production"]

[accounts]
admin = "admin"
audit = "audit"
deploy = "deploy"

[[domain]]
name = "payments"

[[group]]
name = "sre"
grants = [{ role = "Administrator" }, { role = "OrganizationAdministrator" }]

[[group]]
name = "engineers"
grants = [{ role = "Auditor" }]

[identity.oidc]
issuer = "https://idp.example.com"
client_id = "foyer"
group_match = "tag"
)";

TEST(PlanProofTest, RolesDerivedFromARealSpecProveClean) {
  spec::ParsedSpec parsed = spec::ParseSpec(kSpec, "foyer.toml");
  ASSERT_TRUE(parsed.ok());
  std::vector<org::DesiredAccount> accounts = org::DesiredAccounts(parsed.spec);
  std::map<std::string, std::string> ids = {{"management", "111111111111"}};
  long next = 222222222222;
  for (const org::DesiredAccount& account : accounts) ids[account.name] = std::to_string(next++);
  auto findings = ProvePlannedRoles(parsed.spec, accounts, ids, "o-test", "aws");
  ASSERT_TRUE(findings.ok()) << findings.error().message;
  EXPECT_EQ(findings->size(), 0u) << (findings->empty() ? "" : findings->front().rule + " " + findings->front().resource);

}

TEST(PlanProofTest, AFirstPlanIsProvenWithStandInIds) {
  spec::ParsedSpec parsed = spec::ParseSpec(kSpec, "foyer.toml");
  ASSERT_TRUE(parsed.ok());
  std::vector<org::DesiredAccount> accounts = org::DesiredAccounts(parsed.spec);
  // Nothing exists but management, whose id the spec gives; one live id
  // sits where the first stand-in would go, and must not be reused.
  auto findings = ProvePlannedRoles(parsed.spec, accounts, {{"management", "000000000001"}}, "", "aws");
  ASSERT_TRUE(findings.ok()) << findings.error().message;
  EXPECT_TRUE(findings->empty()) << findings->front().rule + " " + findings->front().resource;
}

TEST(PlanProofTest, StandInsAreStableSkipIdsInUseAndAreNamedInFindings) {
  spec::ParsedSpec parsed = spec::ParseSpec(kSpec, "foyer.toml");
  ASSERT_TRUE(parsed.ok());
  std::vector<org::DesiredAccount> accounts = org::DesiredAccounts(parsed.spec);
  ProofIds ids = IdsWithStandIns(accounts, {{"management", "000000000001"}, {"audit", "000000000003"}});
  EXPECT_EQ(ids.ids.at("management"), "000000000001");
  EXPECT_EQ(ids.ids.at("audit"), "000000000003");
  EXPECT_EQ(ids.ids.size(), accounts.size() + 1);
  EXPECT_EQ(ids.stand_ins.size(), accounts.size() - 1);
  std::set<std::string> distinct;
  for (const auto& [name, id] : ids.ids) distinct.insert(id);
  EXPECT_EQ(distinct.size(), ids.ids.size());
  EXPECT_EQ(IdsWithStandIns(accounts, {{"management", "000000000001"}, {"audit", "000000000003"}}).ids, ids.ids);

  // A workload role trusted by an admin role: refused, naming accounts by name.
  const std::string admin = ids.ids.at("admin");
  const std::string workload = ids.ids.at("payments-production");
  std::vector<roles::AccountRoles> plan = {
      {"management", org::AccountKind::kManagement, {}},
      {"admin", org::AccountKind::kAdmin,
       {Target("Administrator", TrustOf({{"AWS", "arn:aws:iam::" + workload + ":role/foyer/Administrator"}}))}},
      {"payments-production", org::AccountKind::kService,
       {Target("Administrator", TrustOf({{"AWS", "arn:aws:iam::" + admin + ":role/foyer/sre"}}))}}};
  auto planned = PlannedSnapshot(plan, ids.ids, "000000000001", kOrganizationStandIn);
  ASSERT_TRUE(planned.ok()) << planned.error().message;
  std::vector<Finding> findings = ProveInvariants(*planned);
  NameStandIns(ids, findings);
  ASSERT_FALSE(findings.empty());
  const Finding* path = nullptr;
  for (const Finding& finding : findings) {
    if (finding.rule == "S4-path-into-admin") path = &finding;
  }
  ASSERT_NE(path, nullptr);
  EXPECT_EQ(path->resource, "arn:aws:iam::<id of account payments-production>:role/foyer/Administrator");
  EXPECT_EQ(path->evidence,
            (std::vector<std::string>{
                "arn:aws:iam::<id of account payments-production>:role/foyer/Administrator (role)",
                "  -> sts:AssumeRole arn:aws:iam::<id of account admin>:role/foyer/Administrator"}));
  for (const Finding& finding : findings) {
    EXPECT_EQ(finding.resource.find(workload), std::string::npos) << finding.resource;
    EXPECT_EQ(finding.account.find(admin), std::string::npos) << finding.account;
  }
}

}  // namespace
}  // namespace foyer::audit
