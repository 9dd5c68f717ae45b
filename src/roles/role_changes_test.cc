#include "roles/role_changes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/url_encoding.h"

namespace foyer::roles {
namespace {

using ::testing::ElementsAre;
using nlohmann::json;

const AdminAccount kAdmin{"aws", "111111111111"};
const SystemTime kNow = *ParseIso8601("2026-11-28T12:00:00Z");

DesiredRole Administrator() {
  DesiredRole role;
  role.name = "Administrator";
  role.trusted_groups = {"sre"};
  role.trust_policy = TargetTrustPolicy(kAdmin, {"sre"});
  role.managed_policies = {"arn:aws:iam::aws:policy/AdministratorAccess"};
  return role;
}

// The role as IAM would hold it after foyer made it: trust URL-encoded and
// reordered.
LiveRole AsLive(const DesiredRole& role) {
  LiveRole live;
  live.name = role.name;
  json trust = role.trust_policy;
  json& principals = trust["Statement"][0]["Principal"]["AWS"];
  if (principals.size() == 1) principals = principals[0];
  live.trust_policy = PercentEncode(trust.dump(2));
  live.managed_policies = role.managed_policies;
  for (const auto& [name, document] : role.inline_policies) live.inline_policies[name] = document.dump();
  live.max_session_seconds = role.max_session_seconds;
  live.tags = {{"foyer:managed", "true"},
               {"foyer:max-session-duration", std::to_string(role.max_session_seconds)}};
  return live;
}

std::vector<std::string> FieldNames(const RoleDiff& diff) {
  std::vector<std::string> names;
  for (const org::FieldChange& field : diff.fields) names.push_back(field.name);
  return names;
}

TEST(RoleChangesTest, MissingRoleIsCreatedWithEverything) {
  RoleDiff diff = DiffRole(Administrator(), nullptr, kNow);
  EXPECT_TRUE(diff.create);
  EXPECT_THAT(FieldNames(diff), ElementsAre("trust_policy", "max_session_duration", "managed_policies"));
  EXPECT_THAT(diff.attach, ElementsAre("arn:aws:iam::aws:policy/AdministratorAccess"));
  EXPECT_EQ(diff.fields[0].before, json());
  EXPECT_EQ(diff.fields[0].after, TargetTrustPolicy(kAdmin, {"sre"}));
}

TEST(RoleChangesTest, ConvergedRoleHasNoDiffWhateverIamDidToTheText) {
  DesiredRole role = Administrator();
  role.inline_policies["foyer-auditor-deny"] = AuditorDenyPolicy(false);
  EXPECT_TRUE(DiffRole(role, nullptr, kNow).create);
  LiveRole live = AsLive(role);
  EXPECT_TRUE(DiffRole(role, &live, kNow).empty());
}

TEST(RoleChangesTest, OnlyTheTrustChangesWhenAGrantIsRemoved) {
  DesiredRole before = Administrator();
  before.trust_policy = TargetTrustPolicy(kAdmin, {"sre", "engineers"});
  LiveRole live = AsLive(before);
  RoleDiff diff = DiffRole(Administrator(), &live, kNow);
  EXPECT_FALSE(diff.create);
  EXPECT_TRUE(diff.trust);
  EXPECT_THAT(FieldNames(diff), ElementsAre("trust_policy"));
  EXPECT_EQ(diff.fields[0].after["Statement"][0]["Principal"]["AWS"],
            json({"arn:aws:iam::111111111111:role/foyer/sre"}));
}

TEST(RoleChangesTest, PoliciesAttachedDetachedPutAndDeleted) {
  LiveRole live = AsLive(Administrator());
  live.managed_policies = {"arn:aws:iam::aws:policy/PowerUserAccess"};
  live.inline_policies["hand-made"] = R"({"Statement":[]})";
  live.max_session_seconds = 7200;
  live.tags.clear();
  DesiredRole role = Administrator();
  role.inline_policies["foyer-inline"] = json::parse(R"({"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})");
  RoleDiff diff = DiffRole(role, &live, kNow);
  EXPECT_THAT(diff.attach, ElementsAre("arn:aws:iam::aws:policy/AdministratorAccess"));
  EXPECT_THAT(diff.detach, ElementsAre("arn:aws:iam::aws:policy/PowerUserAccess"));
  EXPECT_THAT(diff.put_inline, ElementsAre("foyer-inline"));
  EXPECT_THAT(diff.delete_inline, ElementsAre("hand-made"));
  EXPECT_TRUE(diff.max_session);
  EXPECT_TRUE(diff.tags);
  EXPECT_THAT(FieldNames(diff), ElementsAre("max_session_duration", "tags", "managed_policies",
                                            "inline_policy.foyer-inline", "inline_policy.hand-made"));
}

TEST(RoleChangesTest, RevocationIsKeptUntilTheLongestSessionIssuedBeforeItExpired) {
  DesiredRole landing;
  landing.name = "sre";
  landing.landing = true;
  landing.trust_policy = TargetTrustPolicy(kAdmin, {"unused"});
  landing.max_session_seconds = kLandingMaxSessionSeconds;
  LiveRole live = AsLive(landing);
  // Issued 11 hours ago: a 12-hour session from just before may still run.
  live.inline_policies["foyer-revoke"] = RevocationPolicy(kNow - std::chrono::hours(11)).dump();
  EXPECT_TRUE(DiffRole(landing, &live, kNow).empty());
  live.inline_policies["foyer-revoke"] = RevocationPolicy(kNow - std::chrono::hours(13)).dump();
  RoleDiff expired = DiffRole(landing, &live, kNow);
  EXPECT_THAT(expired.delete_inline, ElementsAre("foyer-revoke"));
  EXPECT_THAT(FieldNames(expired), ElementsAre("inline_policy.foyer-revoke"));
  // Only landing roles carry revocations.
  DesiredRole target = Administrator();
  LiveRole revoked_target = AsLive(target);
  revoked_target.inline_policies["foyer-revoke"] = RevocationPolicy(kNow).dump();
  EXPECT_THAT(DiffRole(target, &revoked_target, kNow).delete_inline, ElementsAre("foyer-revoke"));
}

}  // namespace
}  // namespace foyer::roles
