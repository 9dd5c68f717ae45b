#include "roles/role_inventory.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace foyer::roles {
namespace {

using ::testing::ElementsAre;

const AdminAccount kAdmin{"aws", "111111111111"};

DesiredRole Target(const std::string& name, const std::vector<std::string>& groups) {
  DesiredRole role;
  role.name = name;
  role.trusted_groups = groups;
  role.trust_policy = TargetTrustPolicy(kAdmin, groups);
  return role;
}

LiveRole Live(const std::string& name, const nlohmann::json& trust) {
  LiveRole role;
  role.name = name;
  role.trust_policy = trust.dump();
  return role;
}

std::string Line(const RoleEntry& entry) {
  std::string line = entry.account + "/" + entry.role + " [" + entry.account_id + "] " +
                     std::string(RoleStatusName(entry.status)) + ":";
  for (const std::string& who : entry.assumable_by) line += " " + who;
  return line;
}

TEST(RoleInventoryTest, StatusesAndWhoMayAssume) {
  std::vector<AccountRoles> desired = {
      {"dev", org::AccountKind::kService, {Target("Administrator", {"sre", "engineers"}), Target("Auditor", {"engineers"})}},
      {"prod", org::AccountKind::kService, {Target("Administrator", {"sre"})}}};
  std::map<std::string, LiveAccountIam> live;
  live["dev"].roles["Administrator"] = Live("Administrator", TargetTrustPolicy(kAdmin, {"engineers", "sre"}));
  live["dev"].roles["Auditor"] = Live(
      "Auditor", nlohmann::json::parse(R"({"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}})"));
  live["dev"].roles["Legacy"] = Live("Legacy", TargetTrustPolicy(kAdmin, {"ops"}));
  std::vector<RoleEntry> entries =
      InventoryRoles(desired, live, {{"dev", "222222222222"}}, kAdmin);
  std::vector<std::string> lines;
  for (const RoleEntry& entry : entries) lines.push_back(Line(entry));
  EXPECT_THAT(lines, ElementsAre("dev/Administrator [222222222222] ok: engineers sre",
                                 "dev/Auditor [222222222222] drifted: arn:aws:iam::999999999999:root",
                                 "dev/Legacy [222222222222] unwanted: ops",
                                 "prod/Administrator [] missing: sre"));
}

TEST(RoleInventoryTest, LandingTrustNamesProvidersAndUsers) {
  nlohmann::json trust = nlohmann::json::parse(R"({"Statement":[
    {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/idp.example.com"},"Action":"sts:AssumeRoleWithWebIdentity"},
    {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:user/alice"]},"Action":"sts:AssumeRole"},
    {"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111111111111:user/mallory"},"Action":"sts:AssumeRole"}]})");
  EXPECT_THAT(TrustedPrincipals(trust, kAdmin), ElementsAre("oidc-provider/idp.example.com", "user/alice"));
}

}  // namespace
}  // namespace foyer::roles
