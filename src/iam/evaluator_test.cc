#include "iam/evaluator.h"

#include <gtest/gtest.h>

#include "iam/simulation.h"

namespace foyer::iam {
namespace {

constexpr const char* kUser = "arn:aws:iam::111122223333:user/alice";
constexpr const char* kSession = "arn:aws:sts::111122223333:assumed-role/sre/alice";
constexpr const char* kSessionRole = "arn:aws:iam::111122223333:role/foyer/sre";

std::string Allow(const std::string& action, const std::string& resource = "*") {
  return R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":")" + action + R"(","Resource":")" +
         resource + R"("}]})";
}
std::string Deny(const std::string& action) {
  return R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":")" + action + R"(","Resource":"*"}]})";
}
// A resource policy with one Allow naming `principal` (a JSON value).
std::string Grant(const std::string& principal, const std::string& action = "*") {
  return R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":)" + principal +
         R"(,"Action":")" + action + R"(","Resource":"*"}]})";
}

std::string Request(const std::string& principal, const std::string& action, const std::string& resource,
                    const std::string& resource_account = "") {
  std::string account = resource_account.empty() ? "" : R"(","resource_account":")" + resource_account;
  return R"("request":{"principal":")" + principal + R"(","action":")" + action + R"(","resource":")" + resource +
         account + R"(","context":{"aws:username":"alice"}})";
}

// Runs `fields` (the JSON object's members after "request") and renders the
// decision as foyer simulate prints it.
std::string Decide(const std::string& request, const std::string& fields = "") {
  std::string text = "{" + request + (fields.empty() ? "" : "," + fields) + "}";
  Result<std::unique_ptr<Simulation>> simulation = ReadSimulationText(text);
  EXPECT_TRUE(simulation.ok()) << (simulation.ok() ? "" : simulation.error().message);
  if (!simulation.ok()) return "";
  return DecisionJson(Evaluate((*simulation)->request, (*simulation)->policies)).dump();
}

// The reason given for an implicit deny, as --explain words it.
std::string WhyDenied(const std::string& request, const std::string& fields = "") {
  std::string text = "{" + request + (fields.empty() ? "" : "," + fields) + "}";
  Result<std::unique_ptr<Simulation>> simulation = ReadSimulationText(text);
  EXPECT_TRUE(simulation.ok());
  if (!simulation.ok()) return "";
  return DescribeDenial(Evaluate((*simulation)->request, (*simulation)->policies));
}

const std::string kQueueA = "arn:aws:sqs:us-east-1:111122223333:jobs";
const std::string kQueueB = "arn:aws:sqs:us-east-1:444455556666:jobs";

TEST(Evaluator, IdentityAllowAndDefaultDeny) {
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA), R"("identity_policies":[)" + Allow("sqs:Send*") + "]"),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0}]})");
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA), R"("identity_policies":[)" + Allow("sqs:Receive*") + "]"),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA)), R"({"decision":"implicit_deny","deciding":[]})");
}

TEST(Evaluator, ExplicitDenyWinsAndListsEveryDeny) {
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA),
                   R"("identity_policies":[)" + Allow("*") + "," + Deny("sqs:*") + "]," +
                       R"("scps":[[)" + Deny("SQS:SendMessage") + "]]"),
            R"({"decision":"explicit_deny","deciding":[{"policy":"identity_policies[1]","statement":0},)"
            R"({"policy":"scps[0][0]","statement":0}]})");
}

TEST(Evaluator, EveryScpLevelMustAllowExceptInManagement) {
  std::string fields = R"("identity_policies":[)" + Allow("*") + R"(],"scps":[[)" + Allow("*") + "],[" +
                       Allow("s3:*") + "]]";
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA), fields),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA), fields + R"(,"management_account":true)"),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0}]})");
  std::string both = R"("identity_policies":[)" + Allow("*") + R"(],"scps":[[)" + Allow("*") + "],[" +
                     Allow("sqs:*") + "]]";
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA), both),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0},)"
            R"({"policy":"scps[0][0]","statement":0},{"policy":"scps[1][0]","statement":0}]})");
}

TEST(Evaluator, CrossAccountNeedsBothSides) {
  std::string request = Request(kUser, "sqs:SendMessage", kQueueB);
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sqs:*") + "]"),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(request, R"("resource_policy":)" + Grant(R"({"AWS":"111122223333"})")),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sqs:*") + R"(],"resource_policy":)" +
                                Grant(R"({"AWS":"arn:aws:iam::111122223333:root"})")),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0},)"
            R"({"policy":"resource_policy","statement":0}]})");
  // A grant to another account does not count.
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sqs:*") + R"(],"resource_policy":)" +
                                Grant(R"({"AWS":"999999999999"})")),
            R"({"decision":"implicit_deny","deciding":[]})");
}

TEST(Evaluator, SameAccountResourcePolicyNamingTheCallerSuffices) {
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA),
                   R"("resource_policy":)" + Grant(R"({"AWS":")" + std::string(kUser) + R"("})")),
            R"({"decision":"allow","deciding":[{"policy":"resource_policy","statement":0}]})");
  // Naming the account delegates to identity policies, which say nothing here.
  EXPECT_EQ(Decide(Request(kUser, "sqs:SendMessage", kQueueA), R"("resource_policy":)" + Grant(R"({"AWS":"111122223333"})")),
            R"({"decision":"implicit_deny","deciding":[]})");
  // A session of a role named by the policy.
  EXPECT_EQ(Decide(Request(kSession, "sqs:SendMessage", kQueueA),
                   R"("resource_policy":)" + Grant(R"({"AWS":")" + std::string(kSessionRole) + R"("})")),
            R"({"decision":"allow","deciding":[{"policy":"resource_policy","statement":0}]})");
}

TEST(Evaluator, TrustPoliciesMustTrustTheCaller) {
  std::string target = "arn:aws:iam::111122223333:role/foyer/Target";
  std::string request = Request(kSession, "sts:AssumeRole", target);
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sts:AssumeRole") + R"(],"resource_policy":)" +
                                Grant(R"({"AWS":"arn:aws:iam::444455556666:role/x"})")),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sts:AssumeRole") + R"(],"resource_policy":)" +
                                Grant(R"({"AWS":"111122223333"})")),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0},)"
            R"({"policy":"resource_policy","statement":0}]})");
  EXPECT_EQ(Decide(request, R"("resource_policy":)" + Grant(R"({"AWS":")" + std::string(kSessionRole) + R"("})")),
            R"({"decision":"allow","deciding":[{"policy":"resource_policy","statement":0}]})");
  EXPECT_EQ(Decide(request, R"("resource_policy":)" + Grant(R"({"AWS":"111122223333"})")),
            R"({"decision":"implicit_deny","deciding":[]})");
}

TEST(Evaluator, KmsKeyPoliciesMustTrustTheAccount) {
  std::string key = "arn:aws:kms:us-east-1:111122223333:key/k1";
  std::string request = Request(kUser, "kms:Decrypt", key);
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("kms:*") + "]"),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("kms:*") + R"(],"resource_policy":)" +
                                Grant(R"({"AWS":"arn:aws:iam::111122223333:root"})")),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0},)"
            R"({"policy":"resource_policy","statement":0}]})");
}

TEST(Evaluator, PermissionBoundaryIntersectsWithDocumentedExceptions) {
  std::string request = Request(kUser, "sqs:SendMessage", kQueueA);
  std::string boundary_s3 = R"(,"permission_boundary":)" + Allow("s3:*");
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sqs:*") + "]" + boundary_s3),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sqs:*") + R"(],"permission_boundary":)" +
                                Allow("sqs:*")),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0},)"
            R"({"policy":"permission_boundary","statement":0}]})");
  // A resource policy naming the user passes the boundary...
  EXPECT_EQ(Decide(request, R"("resource_policy":)" + Grant(R"({"AWS":")" + std::string(kUser) + R"("})") + boundary_s3),
            R"({"decision":"allow","deciding":[{"policy":"resource_policy","statement":0}]})");
  // ...one naming the role behind a session does not.
  EXPECT_EQ(Decide(Request(kSession, "sqs:SendMessage", kQueueA),
                   R"("resource_policy":)" + Grant(R"({"AWS":")" + std::string(kSessionRole) + R"("})") + boundary_s3),
            R"({"decision":"implicit_deny","deciding":[]})");
  // Deny with NotPrincipal always denies a principal that has a boundary.
  std::string not_principal = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":")" +
                              std::string(kUser) + R"("},"Action":"*","Resource":"*"}]})";
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("*") + R"(],"resource_policy":)" + not_principal +
                                R"(,"permission_boundary":)" + Allow("*")),
            R"({"decision":"explicit_deny","deciding":[{"policy":"resource_policy","statement":0}]})");
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("*") + R"(],"resource_policy":)" + not_principal),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0}]})");
}

TEST(Evaluator, SessionPolicyLimitsAllButGrantsToTheSession) {
  std::string request = Request(kSession, "sqs:SendMessage", kQueueA);
  std::string session_s3 = R"(,"session_policy":)" + Allow("s3:*");
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sqs:*") + "]" + session_s3),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(request, R"("resource_policy":)" + Grant(R"({"AWS":")" + std::string(kSession) + R"("})") + session_s3),
            R"({"decision":"allow","deciding":[{"policy":"resource_policy","statement":0}]})");
  EXPECT_EQ(Decide(request, R"("resource_policy":)" + Grant(R"({"AWS":")" + std::string(kSessionRole) + R"("})") + session_s3),
            R"({"decision":"implicit_deny","deciding":[]})");
  EXPECT_EQ(Decide(request, R"("identity_policies":[)" + Allow("sqs:*") + R"(],"session_policy":)" + Allow("sqs:*")),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0},)"
            R"({"policy":"session_policy","statement":0}]})");
}

TEST(Evaluator, ServicePrincipalsNeedTheResourcePolicy) {
  std::string request = Request("events.amazonaws.com", "sqs:SendMessage", kQueueA);
  EXPECT_EQ(Decide(request, R"("resource_policy":)" + Grant(R"({"Service":"events.amazonaws.com"})")),
            R"({"decision":"allow","deciding":[{"policy":"resource_policy","statement":0}]})");
  EXPECT_EQ(Decide(request, R"("resource_policy":)" + Grant(R"({"Service":"sns.amazonaws.com"})")),
            R"({"decision":"implicit_deny","deciding":[]})");
}

TEST(Evaluator, VariablesInResources) {
  std::string home = Allow("s3:GetObject", "arn:aws:s3:::bucket/home/${aws:username}/*");
  EXPECT_EQ(Decide(Request(kUser, "s3:GetObject", "arn:aws:s3:::bucket/home/alice/notes", "111122223333"),
                   R"("identity_policies":[)" + home + "]"),
            R"({"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0}]})");
  EXPECT_EQ(Decide(Request(kUser, "s3:GetObject", "arn:aws:s3:::bucket/home/bob/notes", "111122223333"),
                   R"("identity_policies":[)" + home + "]"),
            R"({"decision":"implicit_deny","deciding":[]})");
}

TEST(Evaluator, ImplicitDenialsSayWhichGateFailed) {
  std::string local = Request(kSession, "sqs:SendMessage", kQueueA);
  EXPECT_EQ(WhyDenied(local), "no identity or resource policy statement allows it");
  EXPECT_EQ(WhyDenied(local, R"("identity_policies":[)" + Allow("*") + R"(],"scps":[[)" + Allow("*") + "],[" +
                                 Allow("s3:*") + "]]"),
            "no statement of SCP level 1 (0 is the root) allows it");
  EXPECT_EQ(WhyDenied(local, R"("identity_policies":[)" + Allow("*") + R"(],"permission_boundary":)" + Allow("s3:*")),
            "the permissions boundary does not allow it");
  EXPECT_EQ(WhyDenied(local, R"("identity_policies":[)" + Allow("*") + R"(],"session_policy":)" + Allow("s3:*")),
            "the session policy does not allow it");
  EXPECT_EQ(WhyDenied(Request(kSession, "sqs:SendMessage", kQueueB), R"("identity_policies":[)" + Allow("*") + "]"),
            "it crosses accounts and the resource policy does not grant the caller or its account");
  EXPECT_EQ(WhyDenied(Request(kUser, "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k1"),
                      R"("identity_policies":[)" + Allow("*") + "]"),
            "the trust or key policy does not trust the caller's account");
  EXPECT_EQ(WhyDenied(local, R"("identity_policies":[)" + Allow("*") + "]"), "");
}

TEST(Evaluator, NamedPoliciesAndSids) {
  std::string fields = R"("identity_policies":[{"name":"ReadOnly","document":)" + Allow("sqs:*") + "}]";
  Result<std::unique_ptr<Simulation>> simulation =
      ReadSimulationText("{" + Request(kUser, "sqs:SendMessage", kQueueA) + "," + fields + "}");
  ASSERT_TRUE(simulation.ok());
  Decision decision = Evaluate((*simulation)->request, (*simulation)->policies);
  EXPECT_EQ(DecisionJson(decision).dump(),
            R"({"decision":"allow","deciding":[{"policy":"ReadOnly","statement":0}]})");
  EXPECT_EQ(ExplainDecision(decision), "ALLOWED\n  ReadOnly statement 0: Allow\n");
}

}  // namespace
}  // namespace foyer::iam
