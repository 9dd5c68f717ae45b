// Drives the STS, IAM and Organizations clients through scripted scenarios
// against AWS_ENDPOINT_URL (moto in the tests) with the environment's
// credentials, and prints as JSON what they sent and read, so that
// e2e/test_clients_core.py can check every object with boto3.
//
//   foyer_roundtrip_core whoami|describe-organization|sts|iam|organizations < input.json
//
// Scenario inputs (names of objects boto3 made, tokens) come as a JSON
// object on stdin. Any failure prints {"error":{...}} and exits 1.
#include <iostream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/iam.h"
#include "aws/organizations.h"
#include "aws/sts.h"
#include "base/time_format.h"
#include "roundtrip_core.h"

namespace foyer::aws {
namespace {

json CredentialsJson(const Credentials& credentials) {
  return {{"access_key_id", credentials.access_key_id},
          {"secret_access_key", credentials.secret_access_key},
          {"session_token", credentials.session_token},
          {"expiration", Time(credentials.expiration)},
          {"source", credentials.source}};
}

json AssumedJson(const AssumedRole& role) {
  return {{"credentials", CredentialsJson(role.credentials)},
          {"assumed_role_arn", role.assumed_role_arn},
          {"assumed_role_id", role.assumed_role_id},
          {"source_identity", role.source_identity}};
}

json Whoami(const json&) {
  StsClient sts(EnvironmentConfig());
  CallerIdentity identity = Must(sts.GetCallerIdentity(), "GetCallerIdentity");
  return {{"account", identity.account}, {"arn", identity.arn}, {"user_id", identity.user_id}};
}

json DescribeOrganization(const json&) {
  OrganizationsClient organizations(EnvironmentConfig());
  Organization organization = Must(organizations.DescribeOrganization(), "DescribeOrganization");
  return {{"id", organization.id}, {"master_account_id", organization.master_account_id}};
}

std::string CreateAccountAndWait(OrganizationsClient& organizations, const std::string& name,
                                 const TagList& tags) {
  CreateAccountRequest request;
  request.email = "aws+" + name + "@example.com";
  request.account_name = name;
  request.tags = tags;
  CreateAccountStatus status = Must(organizations.CreateAccount(request), "CreateAccount " + name);
  for (int poll = 0; status.state == "IN_PROGRESS" && poll < 50; ++poll) {
    status = Must(organizations.DescribeCreateAccountStatus(status.id), "DescribeCreateAccountStatus");
  }
  if (status.state != "SUCCEEDED") {
    Fail(MakeError("CreateAccountFailed", status.state + " " + status.failure_reason), "CreateAccount");
  }
  return status.account_id;
}

// AssumeRole into a second account, and prove the credentials operate there.
json StsAssumeIntoMember(StsClient& sts, const std::string& member) {
  AssumeRoleRequest request;
  request.role_arn = "arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole";
  request.role_session_name = "roundtrip";
  request.duration_seconds = 900;
  request.external_id = "roundtrip-external";
  request.source_identity = "alice";
  request.policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
  request.tags = {{"team", "sre"}, {"who", "alice"}};
  request.transitive_tag_keys = {"team"};
  AssumedRole assumed = Must(sts.AssumeRole(request), "AssumeRole");

  StsClient member_sts(ConfigWith(assumed.credentials));
  CallerIdentity inside = Must(member_sts.GetCallerIdentity(), "GetCallerIdentity as assumed role");
  IamClient member_iam(ConfigWith(assumed.credentials));
  CreateRoleRequest role;
  role.role_name = "made-by-assumed-role";
  role.assume_role_policy_document =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})";
  IamRole created = Must(member_iam.CreateRole(role), "CreateRole as assumed role");
  return {{"assumed", AssumedJson(assumed)},
          {"identity_inside", {{"account", inside.account}, {"arn", inside.arn}}},
          {"role_created_inside", created.arn}};
}

json Sts(const json& input) {
  ClientConfig config = EnvironmentConfig();
  StsClient sts(config);
  OrganizationsClient organizations(config);
  json out;
  CallerIdentity identity = Must(sts.GetCallerIdentity(), "GetCallerIdentity");
  out["identity"] = {{"account", identity.account}, {"arn", identity.arn}, {"user_id", identity.user_id}};
  Must(organizations.CreateOrganization(), "CreateOrganization");
  std::string member = CreateAccountAndWait(organizations, "member", {});
  out["member_account"] = member;
  out["assume_role"] = StsAssumeIntoMember(sts, member);

  Credentials session = Must(sts.GetSessionToken(900, "", ""), "GetSessionToken");
  out["session_token"] = CredentialsJson(session);

  ClientConfig unsigned_config = config;
  unsigned_config.credentials = nullptr;  // proves no credentials are needed
  StsClient anonymous(unsigned_config);
  AssumeRoleWithWebIdentityRequest web;
  web.role_arn = input.at("web_role_arn").get<std::string>();
  web.role_session_name = "web-session";
  web.web_identity_token = input.at("web_identity_token").get<std::string>();
  web.duration_seconds = 1800;
  out["web_identity"] = AssumedJson(Must(anonymous.AssumeRoleWithWebIdentity(web), "AssumeRoleWithWebIdentity"));
  AssumeRoleWithSamlRequest saml;
  saml.role_arn = input.at("saml_role_arn").get<std::string>();
  saml.principal_arn = input.at("saml_provider_arn").get<std::string>();
  saml.saml_assertion = input.at("saml_assertion").get<std::string>();
  out["saml"] = AssumedJson(Must(anonymous.AssumeRoleWithSaml(saml), "AssumeRoleWithSAML"));
  return out;
}

}  // namespace
}  // namespace foyer::aws

int main(int argc, char** argv) {
  using foyer::aws::json;
  if (argc != 2) {
    std::cerr << "usage: foyer_roundtrip_core whoami|describe-organization|sts|iam|organizations\n";
    return 2;
  }
  std::string scenario = argv[1];
  json input = json::object();
  if (scenario == "sts" || scenario == "iam" || scenario == "organizations") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (!text.empty()) input = json::parse(text);
  }
  json out;
  if (scenario == "whoami") out = foyer::aws::Whoami(input);
  else if (scenario == "describe-organization") out = foyer::aws::DescribeOrganization(input);
  else if (scenario == "sts") out = foyer::aws::Sts(input);
  else if (scenario == "iam") out = foyer::aws::IamScenario(input);
  else if (scenario == "organizations") out = foyer::aws::OrganizationsScenario(input);
  else {
    std::cerr << "unknown scenario " << scenario << "\n";
    return 2;
  }
  std::cout << out.dump(2) << std::endl;
  return 0;
}
