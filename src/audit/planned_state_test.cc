#include "audit/planned_state.h"

#include <gtest/gtest.h>

#include <set>

#include "access_graph/snapshot.h"
#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::audit {
namespace {

using nlohmann::json;

constexpr char kReadOnly[] = "arn:aws:iam::aws:policy/ReadOnlyAccess";

json Trust(const std::string& principal) {
  return {{"Version", "2012-10-17"},
          {"Statement", {{{"Effect", "Allow"}, {"Principal", {{"AWS", principal}}}, {"Action", "sts:AssumeRole"}}}}};
}

json Role(const std::string& arn, const std::string& trusted, json policies = json::array()) {
  return {{"arn", arn}, {"trust_policy", Trust(trusted)}, {"policies", std::move(policies)}};
}

// A deploy role as the CI family makes it: trusted by the pipeline's OIDC provider.
json CiRole(const std::string& arn) {
  json trust = {{"Version", "2012-10-17"},
                {"Statement", {{{"Effect", "Allow"},
                                {"Principal", {{"Federated", "arn:aws:iam::333333333333:oidc-provider/"
                                                              "token.actions.githubusercontent.com"}}},
                                {"Action", "sts:AssumeRoleWithWebIdentity"}}}}};
  return {{"arn", arn}, {"trust_policy", trust}, {"policies", json::array()}};
}

// management, admin and payments-production exist; audit and deploy do not.
json Live() {
  json read_only = {{"name", kReadOnly},
                    {"document", {{"Version", "2012-10-17"},
                                  {"Statement", {{{"Effect", "Allow"}, {"Action", "s3:Get*"}, {"Resource", "*"}}}}}}};
  return {{"organization",
           {{"id", "o-live"},
            {"management_account", "123456789012"},
            {"accounts",
             {{{"id", "123456789012"}, {"name", "management"}, {"ou_path", {"r-1"}}},
              {{"id", "000000000001"}, {"name", "sandbox"}, {"ou_path", {"r-1"}}},
              {{"id", "222222222222"}, {"name", "admin"}, {"ou_path", {"r-1", "ou-security"}}},
              {{"id", "333333333333"}, {"name", "payments-production"}, {"ou_path", {"r-1", "ou-workloads"}}}}},
            {"scps", {{"r-1", json::array({{{"Version", "2012-10-17"},
                                            {"Statement", {{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}}},
                                           {{"name", "foyer-deny-root-user"}, {"document", "stale"}}})},
                      {"333333333333", json::array({{{"name", "foyer-old-guardrail"}, {"document", "stale"}}})}}}}},
          {"accounts",
           {{"222222222222",
             {{"roles", {Role("arn:aws:iam::222222222222:role/legacy", "arn:aws:iam::222222222222:role/foyer/sre",
                              json::array({read_only})),
                         Role("arn:aws:iam::222222222222:role/foyer/ops", "arn:aws:iam::222222222222:root")}}}},
            {"333333333333",
             {{"roles", {Role("arn:aws:iam::333333333333:role/foyer/Administrator", "arn:aws:iam::222222222222:root"),
                         CiRole("arn:aws:iam::333333333333:role/foyer/ci-web")}}}}}}};
}

class PlannedStateTest : public ::testing::Test {
 protected:
  PlannedStateTest() {
    spec::ParsedSpec parsed = spec::ParseSpec(spec::testing::kSmallSpec, "foyer.toml");
    EXPECT_TRUE(parsed.ok());
    spec_ = parsed.spec;
    accounts_ = org::DesiredAccounts(spec_);
  }

  std::set<std::string> RoleArns(const json& snapshot, const std::string& id) const {
    std::set<std::string> arns;
    for (const json& role : snapshot["accounts"][id]["roles"]) arns.insert(role["arn"]);
    return arns;
  }

  spec::Spec spec_;
  std::vector<org::DesiredAccount> accounts_;
  const std::map<std::string, std::string> ids_ = {
      {"management", "123456789012"}, {"admin", "222222222222"}, {"payments-production", "333333333333"}};
};

TEST_F(PlannedStateTest, FoyersRolesAreReplacedAndEverythingElseKept) {
  PlannedState planned = PlannedOverLive(Live(), spec_, accounts_, ids_, "o-live", "aws");
  EXPECT_EQ(RoleArns(planned.snapshot, "222222222222"),
            (std::set<std::string>{"arn:aws:iam::222222222222:role/legacy",
                                   "arn:aws:iam::222222222222:role/foyer/Administrator",
                                   "arn:aws:iam::222222222222:role/foyer/Auditor",
                                   "arn:aws:iam::222222222222:role/foyer/sre",
                                   "arn:aws:iam::222222222222:role/foyer/engineers"}));
  EXPECT_EQ(RoleArns(planned.snapshot, "333333333333"),
            (std::set<std::string>{"arn:aws:iam::333333333333:role/foyer/ci-web",
                                   "arn:aws:iam::333333333333:role/foyer/Administrator",
                                   "arn:aws:iam::333333333333:role/foyer/Auditor",
                                   "arn:aws:iam::333333333333:role/foyer/Deployer"}));
  for (const json& role : planned.snapshot["accounts"]["333333333333"]["roles"]) {
    if (role["arn"] != "arn:aws:iam::333333333333:role/foyer/Administrator") continue;
    EXPECT_EQ(role["trust_policy"].dump().find(":root"), std::string::npos) << role["trust_policy"].dump();
  }
  auto parsed = access_graph::ParseSnapshot(planned.snapshot);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  std::vector<Finding> findings = ProveInvariants(*parsed);
  EXPECT_TRUE(findings.empty()) << findings.front().rule << " " << findings.front().resource;
}

TEST_F(PlannedStateTest, AccountsNotCreatedYetGetStandInsPastLiveIds) {
  PlannedState planned = PlannedOverLive(Live(), spec_, accounts_, ids_, "o-live", "aws");
  // 000000000001 is a live account outside the spec: the first stand-in is 2.
  EXPECT_EQ(planned.ids.stand_ins.size(), 4u);  // payments-development, web-production, audit, deploy
  EXPECT_EQ(planned.ids.stand_ins.count("000000000001"), 0u);
  EXPECT_EQ(planned.ids.stand_ins.begin()->first, "000000000002");
  const std::string audit_id = planned.ids.ids.at("audit");
  EXPECT_EQ(planned.ids.stand_ins.at(audit_id), "audit");
  EXPECT_EQ(PlannedOverLive(Live(), spec_, accounts_, ids_, "o-live", "aws").ids.ids, planned.ids.ids);
  const json& organization = planned.snapshot["organization"];
  json audit;
  for (const json& account : organization["accounts"]) {
    if (account["name"] == "audit") audit = account;
  }
  EXPECT_EQ(audit["id"], audit_id);
  EXPECT_EQ(audit["ou_path"], json::array({"r-1"}));
  EXPECT_EQ(audit["tags"]["foyer:kind"], "audit");
  EXPECT_EQ(organization["scps"][audit_id][0]["name"], "FullAWSAccess");
  EXPECT_EQ(planned.snapshot["planned"]["stand_ins"][audit_id], "audit");
  EXPECT_TRUE(planned.snapshot["accounts"].contains(audit_id));
}

TEST_F(PlannedStateTest, ManagedPolicyDocumentsComeFromTheLiveSnapshotWhenKnown) {
  PlannedState planned = PlannedOverLive(Live(), spec_, accounts_, ids_, "o-live", "aws");
  std::map<std::string, json> documents;
  for (const json& role : planned.snapshot["accounts"]["333333333333"]["roles"]) {
    for (const json& policy : role["policies"]) documents[role["arn"].get<std::string>() + " " + policy["name"].get<std::string>()] = policy["document"];
  }
  EXPECT_EQ(documents.at("arn:aws:iam::333333333333:role/foyer/Auditor " + std::string(kReadOnly))["Statement"][0]["Action"],
            "s3:Get*");
  EXPECT_EQ(documents.at("arn:aws:iam::333333333333:role/foyer/Administrator arn:aws:iam::aws:policy/AdministratorAccess")
                ["Statement"][0]["Action"],
            "*");
}

TEST_F(PlannedStateTest, WithoutAnOrganizationEverythingIsPlanned) {
  PlannedState planned = PlannedOverLive(json(), spec_, accounts_, {{"management", "123456789012"}}, "", "aws");
  EXPECT_EQ(planned.snapshot["organization"]["id"], kOrganizationStandIn);
  EXPECT_EQ(planned.ids.stand_ins.size(), accounts_.size());
  auto parsed = access_graph::ParseSnapshot(planned.snapshot);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->accounts.size(), accounts_.size() + 1);
  EXPECT_TRUE(ProveInvariants(*parsed).empty());
}

std::vector<std::string> ScpNames(const json& snapshot, const std::string& target) {
  std::vector<std::string> names;
  const json& scps = snapshot["organization"]["scps"];
  if (!scps.contains(target)) return names;
  for (const json& policy : scps[target]) {
    names.push_back(policy.is_object() && policy.contains("name") ? policy["name"].get<std::string>() : "(unnamed)");
  }
  return names;
}

TEST_F(PlannedStateTest, FoyersGuardrailsAreReplacedByTheSpecs) {
  spec_.guardrails.deny_root_user = false;
  PlannedState planned = PlannedOverLive(Live(), spec_, accounts_, ids_, "o-live", "aws");
  EXPECT_EQ(ScpNames(planned.snapshot, "r-1"),
            (std::vector<std::string>{"(unnamed)", "foyer-deny-leave-organization", "foyer-protect-audit-trail",
                                      "foyer-deny-iam-users-outside-admin"}));
  // Accounts that get foyer's Administrator role get the neutering SCP.
  EXPECT_EQ(ScpNames(planned.snapshot, "333333333333"),
            (std::vector<std::string>{"foyer-neuter-organization-account-access-role"}));
  const std::string audit_id = planned.ids.ids.at("audit");
  EXPECT_EQ(ScpNames(planned.snapshot, audit_id),
            (std::vector<std::string>{"FullAWSAccess", "foyer-neuter-organization-account-access-role"}));
  EXPECT_EQ(ScpNames(planned.snapshot, "123456789012"), std::vector<std::string>{});
  auto parsed = access_graph::ParseSnapshot(planned.snapshot);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
}

TEST_F(PlannedStateTest, AnOrganizationWithoutScpsGetsThemEnabled) {
  json live = Live();
  live["organization"].erase("scps");
  PlannedState planned = PlannedOverLive(live, spec_, accounts_, ids_, "o-live", "aws");
  EXPECT_EQ(ScpNames(planned.snapshot, "ou-workloads"), std::vector<std::string>{"FullAWSAccess"});
  EXPECT_EQ(ScpNames(planned.snapshot, "r-1").front(), "FullAWSAccess");
  EXPECT_EQ(ScpNames(planned.snapshot, "r-1").size(), 5u);
}

}  // namespace
}  // namespace foyer::audit
