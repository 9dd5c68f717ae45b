#include "roles/identity_center_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "org/family_testing.h"
#include "roles/identity_center_changes.h"
#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::roles {
namespace {

using ::testing::ElementsAre;
using nlohmann::json;

constexpr char kManagement[] = "123456789012";
constexpr char kAdmin[] = "111111111111";
constexpr char kOther[] = "333333333333";
constexpr char kInstance[] = "arn:aws:sso:::instance/ssoins-1";

std::string SetArn(const std::string& id) { return std::string(kInstance) + "/ps-" + id; }

std::string Described(const std::string& id, const std::string& name, const std::string& duration = "PT1H") {
  return json({{"PermissionSet", {{"PermissionSetArn", SetArn(id)}, {"Name", name},
                                  {"Description", kPermissionSetDescription}, {"SessionDuration", duration}}}})
      .dump();
}

struct Assigned {
  std::string account;
  std::string principal;
  std::string type = "GROUP";
};

std::string Assignments(const std::vector<Assigned>& assigned) {
  json list = json::array();
  for (const Assigned& one : assigned) {
    list.push_back({{"AccountId", one.account}, {"PrincipalType", one.type}, {"PrincipalId", one.principal}});
  }
  return json({{"AccountAssignments", list}}).dump();
}

std::string Policy(const json& document) { return json({{"InlinePolicy", document.dump()}}).dump(); }

std::string NotFound() { return R"({"__type":"ResourceNotFoundException","message":"not found"})"; }

class IdentityCenterFamilyTest : public ::testing::Test {
 protected:
  IdentityCenterFamilyTest() : access_(transport_) {
    std::string text = std::string(spec::testing::kSmallSpec) + "\n[identity.identity_center]\nregion = \"eu-west-1\"\n";
    spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
    EXPECT_TRUE(parsed.ok());
    spec_ = parsed.spec;
    accounts_ = org::DesiredAccounts(spec_);
  }

  Result<org::Plan> PlanWith(bool allow_delete) {
    org::PlanContext context{spec_, accounts_, live_, {{"management", kManagement}, {"admin", kAdmin}},
                             "aws", 1, access_, allow_delete};
    org::Plan plan;
    IdentityCenterFamily family;
    Status status = family.AddChanges(context, plan);
    if (!status.ok()) return status.error();
    return plan;
  }

  std::string TargetOf(size_t index) const { return transport_->requests.at(index).Header("X-Amz-Target"); }

  // Delegated, one instance, and the permission sets of a drifted organization.
  void ReplyDriftedIdentityCenter() {
    transport_->Reply(200, json({{"DelegatedAdministrators", {{{"Id", kAdmin}}}}}).dump());
    transport_->Reply(200, json({{"Instances", {{{"InstanceArn", kInstance}, {"IdentityStoreId", "d-1"}}}}}).dump());
    transport_->Reply(200, json({{"PermissionSets", {SetArn("sre"), SetArn("eng"), SetArn("old"), SetArn("x")}}}).dump());
    transport_->Reply(200, Described("sre", "foyer-sre"));
    transport_->Reply(200, Described("eng", "foyer-engineers"));
    transport_->Reply(200, Described("old", "foyer-old"));
    transport_->Reply(200, Described("x", "AdministratorAccess"));
    // foyer-engineers: a policy someone widened, and assigned elsewhere too.
    transport_->Reply(200, Policy(json::parse(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
        "Action":"sts:AssumeRole","Resource":"*"}]})")));
    transport_->Reply(200, Assignments({}));
    transport_->Reply(200, json({{"AccountIds", {kAdmin, kOther}}}).dump());
    transport_->Reply(200, Assignments({{kOther, "g-eng"}}));
    // foyer-old: nothing.
    transport_->Reply(200, "{}");
    transport_->Reply(200, Assignments({}));
    transport_->Reply(200, R"({"AccountIds":[]})");
    // foyer-sre: converged, but also assigned to a user in the admin account.
    transport_->Reply(200, Policy(PermissionSetPolicy("aws", kAdmin, "sre")));
    transport_->Reply(200, Assignments({{kAdmin, "g-sre"}, {kAdmin, "u-1", "USER"}}));
    transport_->Reply(200, json({{"AccountIds", {kAdmin}}}).dump());
    // The identity store knows sre only.
    transport_->Reply(200, R"({"GroupId":"g-sre","IdentityStoreId":"d-1"})");
    transport_->Reply(400, NotFound());
  }

  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  org::testing::FakeAccountAccess access_;
  spec::Spec spec_;
  std::vector<org::DesiredAccount> accounts_;
  org::LiveOrganization live_;
};

std::vector<std::string> Addresses(const org::Plan& plan) {
  std::vector<std::string> lines;
  for (const org::Change& change : plan.changes) {
    lines.push_back(std::string(org::ChangeActionName(change.action)) + " " + change.address);
  }
  return lines;
}

TEST(PermissionSetPolicyTest, AssumesOnlyTheGroupsLandingRole) {
  EXPECT_EQ(PermissionSetPolicy("aws", kAdmin, "sre"), json::parse(R"({"Version":"2012-10-17","Statement":[{
      "Sid":"AssumeLandingRole","Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],
      "Resource":"arn:aws:iam::111111111111:role/foyer/sre"}]})"));
}

TEST_F(IdentityCenterFamilyTest, WithoutIdentityCenterOnlyTheDelegationIsAsked) {
  spec_.identity.identity_center.reset();
  transport_->Reply(200, R"({"DelegatedAdministrators":[{"Id":"999999999999"}]})");
  Result<org::Plan> plan = PlanWith(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->changes.empty());
  EXPECT_TRUE(plan->notes.empty());
  ASSERT_EQ(transport_->requests.size(), 1u);
  EXPECT_EQ(TargetOf(0), "AWSOrganizationsV20161128.ListDelegatedAdministrators");
}

TEST_F(IdentityCenterFamilyTest, WithoutIdentityCenterAnUnknownServicePrincipalMeansNothingToFind) {
  spec_.identity.identity_center.reset();
  transport_->Reply(400, R"({"__type":"InvalidInputException","Reason":"INVALID_SERVICE_PRINCIPAL",
                            "Message":"You specified an unrecognized service principal."})");
  Result<org::Plan> plan = PlanWith(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->changes.empty());

  transport_->Reply(400, R"({"__type":"AccessDeniedException","Message":"no"})");
  EXPECT_FALSE(PlanWith(true).ok());
}

TEST_F(IdentityCenterFamilyTest, RemovedSectionLeavesNoPermissionSetOfFoyers) {
  spec_.identity.identity_center.reset();
  transport_->Reply(200, json({{"DelegatedAdministrators", {{{"Id", kAdmin}}}}}).dump());
  transport_->Reply(200, R"({"Instances":[]})");  // us-east-1
  transport_->Reply(200, json({{"Instances", {{{"InstanceArn", kInstance}, {"IdentityStoreId", "d-1"}}}}}).dump());
  transport_->Reply(200, json({{"PermissionSets", {SetArn("sre"), SetArn("x")}}}).dump());
  transport_->Reply(200, Described("sre", "foyer-sre"));
  transport_->Reply(200, Described("x", "AdministratorAccess"));
  Result<org::Plan> plan = PlanWith(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("delete permission_set.sre"));
  EXPECT_THAT(access_.places, ElementsAre(std::string(kManagement) + " us-east-1", std::string(kAdmin) + " us-east-1",
                                          std::string(kAdmin) + " us-west-2"));
  EXPECT_TRUE(transport_->responses.empty());

  // Applying it works in the region the instance was found in.
  access_.places.clear();
  transport_->Reply(200, json({{"Instances", {{{"InstanceArn", kInstance}, {"IdentityStoreId", "d-1"}}}}}).dump());
  transport_->Reply(200, json({{"PermissionSets", {SetArn("sre")}}}).dump());
  transport_->Reply(200, Described("sre", "foyer-sre"));
  transport_->Reply(200, Assignments({{kAdmin, "g-sre"}}));
  transport_->Reply(200, json({{"AccountIds", {kAdmin}}}).dump());
  transport_->Reply(200, "{}");
  transport_->Reply(200, "{}");
  org::testing::RecordingApplyContext context(&access_, kAdmin);
  Status status = plan->changes[0].apply(context);
  ASSERT_TRUE(status.ok()) << status.error().Describe();
  EXPECT_THAT(context.operations, ElementsAre("sso:DeleteAccountAssignment foyer-sre in 111111111111",
                                              "sso:DeletePermissionSet permission set foyer-sre"));
  EXPECT_THAT(access_.places, ElementsAre(std::string(kAdmin) + " us-west-2"));
}

TEST_F(IdentityCenterFamilyTest, RemovedSectionWithoutAllowDeleteNamesTheSets) {
  spec_.identity.identity_center.reset();
  transport_->Reply(200, json({{"DelegatedAdministrators", {{{"Id", kAdmin}}}}}).dump());
  transport_->Reply(200, json({{"Instances", {{{"InstanceArn", kInstance}, {"IdentityStoreId", "d-1"}}}}}).dump());
  transport_->Reply(200, json({{"PermissionSets", {SetArn("sre")}}}).dump());
  transport_->Reply(200, Described("sre", "foyer-sre"));
  Result<org::Plan> plan = PlanWith(false);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->changes.empty());
  EXPECT_THAT(plan->notes, ElementsAre("permission set foyer-sre was made for [identity.identity_center], which the "
                                       "spec no longer has; pass --allow-delete to delete it and its assignments"));
}

TEST_F(IdentityCenterFamilyTest, RemovedSectionWithTheInstanceInAnotherRegionSaysSo) {
  spec_.identity.identity_center.reset();
  transport_->Reply(200, json({{"DelegatedAdministrators", {{{"Id", kAdmin}}}}}).dump());
  transport_->Reply(200, R"({"Instances":[]})");
  transport_->Reply(200, R"({"Instances":[]})");
  Result<org::Plan> plan = PlanWith(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->changes.empty());
  ASSERT_EQ(plan->notes.size(), 1u);
  EXPECT_THAT(plan->notes[0], ::testing::HasSubstr("no instance in the spec's regions (us-east-1, us-west-2)"));
}

TEST_F(IdentityCenterFamilyTest, BeforeDelegationEverythingIsPlannedAndOnlyManagementIsRead) {
  transport_->Reply(200, R"({"DelegatedAdministrators":[{"Id":"999999999999"}]})");
  Result<org::Plan> plan = PlanWith(false);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("create identity_center.delegated_admin", "create permission_set.sre",
                                            "create assignment.sre", "create permission_set.engineers",
                                            "create assignment.engineers"));
  ASSERT_EQ(transport_->requests.size(), 1u);
  EXPECT_EQ(TargetOf(0), "AWSOrganizationsV20161128.ListDelegatedAdministrators");
  EXPECT_EQ(json::parse(transport_->requests[0].body)["ServicePrincipal"], "sso.amazonaws.com");
  EXPECT_THAT(access_.places, ElementsAre(std::string(kManagement) + " us-east-1"));
  const org::Change* sre = plan->Find("permission_set.sre");
  EXPECT_THAT(sre->depends_on, ElementsAre("identity_center.delegated_admin", "iam_role.admin/foyer/sre"));
  EXPECT_EQ(sre->fields.back().after, PermissionSetPolicy("aws", kAdmin, "sre"));
  EXPECT_THAT(plan->Find("assignment.sre")->depends_on,
              ElementsAre("identity_center.delegated_admin", "permission_set.sre"));
  EXPECT_EQ(plan->notes.size(), 1u);
}

TEST_F(IdentityCenterFamilyTest, DriftIsRepairedInTheAdminAccountOnly) {
  ReplyDriftedIdentityCenter();
  Result<org::Plan> plan = PlanWith(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("delete assignment.sre/111111111111/USER/u-1",
                                            "update permission_set.engineers",
                                            "delete assignment.engineers/333333333333/GROUP/g-eng",
                                            "delete permission_set.old"));
  const org::Change* user = plan->Find("assignment.sre/111111111111/USER/u-1");
  EXPECT_EQ(user->fields.at(1).before, "USER u-1");
  const org::Change* engineers = plan->Find("permission_set.engineers");
  ASSERT_EQ(engineers->fields.size(), 1u);
  EXPECT_EQ(engineers->fields[0].name, "inline_policy");
  EXPECT_THAT(plan->notes,
              ElementsAre("Identity Center's identity store has no group named 'engineers': permission set "
                          "foyer-engineers is not assigned to anyone; create the group (or sync it from your IdP) "
                          "and plan again"));
  // Identity Center is read with the admin account's credentials, in its region.
  EXPECT_THAT(access_.places,
              ElementsAre(std::string(kManagement) + " us-east-1", std::string(kAdmin) + " eu-west-1"));
  EXPECT_TRUE(transport_->responses.empty());
}

TEST_F(IdentityCenterFamilyTest, WithoutAllowDeleteDeletionsAreNotes) {
  ReplyDriftedIdentityCenter();
  Result<org::Plan> plan = PlanWith(false);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("update permission_set.engineers"));
  EXPECT_THAT(plan->notes,
              ElementsAre("permission set foyer-sre is assigned to USER u-1 in account 111111111111, but foyer "
                          "assigns it only to group 'sre' in the admin account; pass --allow-delete to remove that "
                          "assignment",
                          ::testing::HasSubstr("no group named 'engineers'"),
                          "permission set foyer-engineers is assigned to GROUP g-eng in account 333333333333, but "
                          "foyer assigns it only to group 'engineers' in the admin account; pass --allow-delete to "
                          "remove that assignment",
                          "permission set foyer-old belongs to no [[group]] any more; pass --allow-delete to delete "
                          "it and its assignments"));
}

TEST_F(IdentityCenterFamilyTest, ApplyAfterACrashFindsTheSetItMadeAndFinishesIt) {
  auto inputs = std::make_shared<IdentityCenterInputs>();
  inputs->admin = "admin";
  inputs->management_id = kManagement;
  inputs->region = "eu-west-1";
  org::Change change = PermissionSetChange("sre", nullptr, PermissionSetPolicy("aws", kAdmin, "sre"), inputs);
  transport_->Reply(200, json({{"Instances", {{{"InstanceArn", kInstance}, {"IdentityStoreId", "d-1"}}}}}).dump());
  transport_->Reply(200, R"({"PermissionSets":[]})");
  transport_->Reply(400, R"({"__type":"ConflictException","message":"exists"})");
  transport_->Reply(200, json({{"PermissionSets", {SetArn("sre")}}}).dump());
  transport_->Reply(200, Described("sre", "foyer-sre"));
  transport_->Reply(200, "{}");  // no inline policy yet
  transport_->Reply(200, "{}");
  transport_->Reply(200, R"({"PermissionSetProvisioningStatus":{"Status":"IN_PROGRESS"}})");
  org::testing::RecordingApplyContext context(&access_, kAdmin);
  Status status = change.apply(context);
  ASSERT_TRUE(status.ok()) << status.error().Describe();
  EXPECT_THAT(context.operations, ElementsAre("sso:CreatePermissionSet permission set foyer-sre",
                                              "sso:PutInlinePolicyToPermissionSet permission set foyer-sre",
                                              "sso:ProvisionPermissionSet permission set foyer-sre"));
  json put = json::parse(transport_->requests.at(6).body);
  EXPECT_EQ(put["PermissionSetArn"], SetArn("sre"));
  EXPECT_EQ(json::parse(put["InlinePolicy"].get<std::string>()), PermissionSetPolicy("aws", kAdmin, "sre"));
  EXPECT_TRUE(transport_->responses.empty());
}

TEST_F(IdentityCenterFamilyTest, RemovingASetRemovesItsAssignmentsFirst) {
  auto inputs = std::make_shared<IdentityCenterInputs>();
  inputs->admin = "admin";
  inputs->region = "eu-west-1";
  org::Change change = PermissionSetRemoval("foyer-old", inputs);
  transport_->Reply(200, json({{"Instances", {{{"InstanceArn", kInstance}, {"IdentityStoreId", "d-1"}}}}}).dump());
  transport_->Reply(200, json({{"PermissionSets", {SetArn("old")}}}).dump());
  transport_->Reply(200, Described("old", "foyer-old"));
  transport_->Reply(200, Assignments({{kAdmin, "g-1"}}));
  transport_->Reply(200, json({{"AccountIds", {kOther}}}).dump());
  transport_->Reply(200, Assignments({{kOther, "g-1"}}));
  transport_->Reply(200, "{}");
  transport_->Reply(400, NotFound());  // already gone: a rerun
  transport_->Reply(200, "{}");
  org::testing::RecordingApplyContext context(&access_, kAdmin);
  Status status = change.apply(context);
  ASSERT_TRUE(status.ok()) << status.error().Describe();
  EXPECT_THAT(context.operations, ElementsAre("sso:DeleteAccountAssignment foyer-old in 333333333333",
                                              "sso:DeleteAccountAssignment foyer-old in 111111111111",
                                              "sso:DeletePermissionSet permission set foyer-old"));
}

}  // namespace
}  // namespace foyer::roles
