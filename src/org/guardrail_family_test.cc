#include "org/guardrail_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "org/family_testing.h"
#include "org/audit_trail_family.h"
#include "org/guardrail_policies.h"
#include "org/state_bucket_family.h"
#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::org {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;

constexpr char kManagement[] = "123456789012";
constexpr char kAdmin[] = "111111111111";
constexpr char kAudit[] = "333333333333";
constexpr char kRoot[] = "r-root";

std::vector<std::string> Addresses(const Plan& plan) {
  std::vector<std::string> lines;
  for (const Change& change : plan.changes) {
    lines.push_back(std::string(ChangeActionName(change.action)) + " " + change.address);
  }
  return lines;
}

std::vector<std::string> FieldNamesOf(const Change& change) {
  std::vector<std::string> names;
  for (const FieldChange& field : change.fields) names.push_back(field.name);
  return names;
}

class GuardrailFamilyTest : public ::testing::Test {
 protected:
  GuardrailFamilyTest() : access_(transport_) { UseSpec(std::string(spec::testing::kSmallSpec)); }

  void UseSpec(const std::string& text) {
    spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
    ASSERT_TRUE(parsed.ok());
    spec_ = parsed.spec;
    accounts_ = DesiredAccounts(spec_);
  }

  // An organization whose special accounts exist.
  void LiveOrganization() {
    live_.organization = aws::Organization{};
    live_.organization->id = "o-abc";
    live_.root_id = kRoot;
    live_.enabled_policy_types = {"SERVICE_CONTROL_POLICY"};
    ids_ = {{"management", kManagement}, {"admin", kAdmin}, {"audit", kAudit}};
  }

  GuardrailTargets LiveTargets() { return {"aws", kManagement, kAdmin, "foyer-audit-333333333333"}; }

  // Organizations' answers for `keys` existing as SCPs with `content`
  // attached to the root.
  void ReplyWithLiveScps(const std::vector<std::pair<std::string, json>>& scps) {
    json summaries = json::array({{{"Id", "p-FullAWSAccess"}, {"Name", "FullAWSAccess"}, {"AwsManaged", true}}});
    for (const auto& [key, content] : scps) {
      summaries.push_back({{"Id", "p-" + key}, {"Name", GuardrailPolicyName(key)}, {"AwsManaged", false}});
    }
    transport_->Reply(200, json({{"Policies", summaries}}).dump());
    for (const auto& [key, content] : scps) {
      transport_->Reply(200, json({{"Policy", {{"PolicySummary", {{"Id", "p-" + key}}}, {"Content", content.dump()}}}}).dump());
      transport_->Reply(200, json({{"Targets", {{{"TargetId", kRoot}, {"Type", "ROOT"}, {"Name", "Root"}}}}}).dump());
    }
  }

  Result<Plan> PlanWith(Plan plan = {}, bool allow_delete = false) {
    PlanContext context{spec_, accounts_, live_, ids_, "aws", 1, access_, allow_delete};
    GuardrailFamily family;
    Status status = family.AddChanges(context, plan);
    if (!status.ok()) return status.error();
    return plan;
  }

  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  org::testing::FakeAccountAccess access_;
  spec::Spec spec_;
  std::vector<DesiredAccount> accounts_;
  org::LiveOrganization live_;
  std::map<std::string, std::string> ids_{{"management", kManagement}};
};

TEST_F(GuardrailFamilyTest, NewOrganizationPlansRootGuardrailsUnreadAndHoldsTheNeuteringBack) {
  auto plan = PlanWith();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(transport_->requests.empty()) << "nothing to read before the organization exists";
  EXPECT_THAT(Addresses(*plan), ElementsAre("create service_control_policy.foyer-deny-leave-organization",
                                            "create service_control_policy.foyer-protect-audit-trail",
                                            "create service_control_policy.foyer-deny-iam-users-outside-admin",
                                            "create service_control_policy.foyer-deny-root-user"));
  const Change& leave = plan->changes[0];
  EXPECT_EQ(leave.type, "service_control_policy");
  EXPECT_THAT(FieldNamesOf(leave), ElementsAre("content", "attached_to"));
  EXPECT_EQ(leave.fields[1].after, json::parse(R"(["root"])"));
  EXPECT_THAT(leave.depends_on, ElementsAre("organization", "policy_type.SERVICE_CONTROL_POLICY"));
  EXPECT_THAT(plan->changes[1].depends_on,
              ElementsAre("organization", "policy_type.SERVICE_CONTROL_POLICY", "account.audit",
                          AuditBucketAddress("audit"), OrganizationTrailAddress()));
  EXPECT_THAT(plan->changes[2].depends_on,
              ElementsAre("organization", "policy_type.SERVICE_CONTROL_POLICY", "account.admin"));
  // Ids not known yet are named for the reader of the plan.
  EXPECT_EQ(plan->changes[2].fields[0].after["Statement"][0]["Condition"]["StringNotEquals"]["aws:PrincipalAccount"],
            "<id of account admin>");
  ASSERT_FALSE(plan->notes.empty());
  EXPECT_EQ(plan->notes[0],
            "guardrail neuter-organization-account-access-role is not attached to account admin yet: "
            "foyer/Administrator does not exist there, and denying OrganizationAccountAccessRole would leave "
            "no way in");
}

TEST_F(GuardrailFamilyTest, NeuteringWaitsForEveryRoleOfTheAccountsItIsAttachedTo) {
  Plan earlier;
  for (const char* role : {"Administrator", "Auditor"}) {
    Change change;
    change.type = "iam_role";
    change.account = "payments-development";
    change.address = std::string("iam_role.payments-development/foyer/") + role;
    earlier.changes.push_back(change);
  }
  auto plan = PlanWith(earlier);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  const Change* neuter = plan->Find("service_control_policy.foyer-neuter-organization-account-access-role");
  ASSERT_NE(neuter, nullptr);
  EXPECT_EQ(neuter->fields[1].after, json::parse(R"(["payments-development"])"));
  EXPECT_THAT(neuter->depends_on,
              ElementsAre("organization", "policy_type.SERVICE_CONTROL_POLICY", "account.payments-development",
                          "iam_role.payments-development/foyer/Administrator",
                          "iam_role.payments-development/foyer/Auditor"));
}

TEST_F(GuardrailFamilyTest, ConvergedGuardrailsPlanNothing) {
  LiveOrganization();
  UseSpec(spec::testing::ReplaceOnce(spec::testing::kSmallSpec, "[identity.iam_users]",
                                     "[guardrails]\nneuter_organization_account_access_role = false\n\n"
                                     "[identity.iam_users]"));
  std::vector<std::pair<std::string, json>> live;
  for (const Guardrail& guardrail : AllGuardrails(spec_.guardrails)) {
    if (guardrail.enabled) live.emplace_back(guardrail.key, GuardrailDocument(guardrail.key, LiveTargets()));
  }
  // As Organizations may hand it back: one statement without its list.
  live[0].second["Statement"] = live[0].second["Statement"][0];
  ReplyWithLiveScps(live);
  auto plan = PlanWith();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->changes.empty()) << Addresses(*plan).front();
  EXPECT_TRUE(plan->notes.empty());
  EXPECT_EQ(transport_->requests.size(), 9u) << "one list, then a describe and a target list per foyer SCP";
}

TEST_F(GuardrailFamilyTest, ChangedContentIsUpdatedAndATurnedOffGuardrailIsOnlyANoteWithoutAllowDelete) {
  LiveOrganization();
  UseSpec(spec::testing::ReplaceOnce(spec::testing::kSmallSpec, "[identity.iam_users]",
                                     "[guardrails]\ndeny_root_user = false\n"
                                     "neuter_organization_account_access_role = false\n\n[identity.iam_users]"));
  json weakened = GuardrailDocument("deny-leave-organization", LiveTargets());
  weakened["Statement"][0]["Effect"] = "Allow";
  ReplyWithLiveScps({{"deny-leave-organization", weakened},
                     {"protect-audit-trail", GuardrailDocument("protect-audit-trail", LiveTargets())},
                     {"deny-iam-users-outside-admin", GuardrailDocument("deny-iam-users-outside-admin", LiveTargets())},
                     {"deny-root-user", GuardrailDocument("deny-root-user", LiveTargets())}});
  auto plan = PlanWith();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("update service_control_policy.foyer-deny-leave-organization"));
  EXPECT_THAT(FieldNamesOf(plan->changes[0]), ElementsAre("content"));
  EXPECT_EQ(plan->changes[0].fields[0].before, weakened);
  EXPECT_THAT(plan->notes,
              ElementsAre("guardrail deny-root-user is turned off in foyer.toml, but SCP foyer-deny-root-user is "
                          "still in place (attached to root). Turning a guardrail off is a security decision: "
                          "pass --allow-delete to detach and delete it."));
}

TEST_F(GuardrailFamilyTest, TurnedOffGuardrailIsDeletedWithAllowDelete) {
  LiveOrganization();
  UseSpec(spec::testing::ReplaceOnce(spec::testing::kSmallSpec, "[identity.iam_users]",
                                     "[guardrails]\ndeny_leave_organization = false\nprotect_audit_trail = false\n"
                                     "deny_iam_users_outside_admin = false\ndeny_root_user = false\n"
                                     "neuter_organization_account_access_role = false\n\n[identity.iam_users]"));
  ReplyWithLiveScps({{"deny-root-user", GuardrailDocument("deny-root-user", LiveTargets())}});
  auto plan = PlanWith({}, /*allow_delete=*/true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("delete service_control_policy.foyer-deny-root-user"));
  EXPECT_EQ(plan->changes[0].fields[1].before, json::parse(R"(["root"])"));
  EXPECT_TRUE(plan->notes.empty());
}

}  // namespace
}  // namespace foyer::org
