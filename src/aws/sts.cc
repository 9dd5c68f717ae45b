#include "aws/sts.h"

#include "aws/service_call.h"

namespace foyer::aws {
namespace {

const ServiceDescription& Sts() {
  static const ServiceDescription kSts = {.name = "STS",
                                          .endpoint_prefix = "sts",
                                          .protocol = Protocol::kQuery,
                                          .api_version = "2011-06-15"};
  return kSts;
}

Credentials CredentialsFrom(pugi::xml_node result, std::string source) {
  pugi::xml_node node = Child(result, "Credentials");
  Credentials credentials;
  credentials.access_key_id = ChildText(node, "AccessKeyId");
  credentials.secret_access_key = ChildText(node, "SecretAccessKey");
  credentials.session_token = ChildText(node, "SessionToken");
  credentials.expiration = ChildTime(node, "Expiration");
  credentials.source = std::move(source);
  return credentials;
}

// Every STS call that returns credentials must return all of them; a
// response without them is a broken server, not an empty success.
Status CheckCredentials(const Credentials& credentials, std::string_view action) {
  if (credentials.access_key_id.empty() || credentials.secret_access_key.empty() ||
      !credentials.expiration.has_value()) {
    return MakeError("ParseError", "STS " + std::string(action) +
                                       " returned no usable credentials (missing key or expiration)");
  }
  return OkStatus();
}

Result<AssumedRole> AssumedRoleFrom(const Result<XmlResult>& result, std::string_view action,
                                    std::string source) {
  if (!result.ok()) return result.error();
  AssumedRole role;
  role.credentials = CredentialsFrom(result->node, std::move(source));
  FOYER_RETURN_IF_ERROR(CheckCredentials(role.credentials, action));
  pugi::xml_node user = Child(result->node, "AssumedRoleUser");
  role.assumed_role_arn = ChildText(user, "Arn");
  role.assumed_role_id = ChildText(user, "AssumedRoleId");
  role.source_identity = ChildText(result->node, "SourceIdentity");
  return role;
}

}  // namespace

struct StsClient::Impl {
  ServiceCaller caller;
};

StsClient::StsClient(ClientConfig config)
    : impl_(std::make_unique<Impl>(Impl{ServiceCaller(std::move(config), Sts())})) {}
StsClient::~StsClient() = default;
StsClient::StsClient(StsClient&&) noexcept = default;
StsClient& StsClient::operator=(StsClient&&) noexcept = default;

Result<CallerIdentity> StsClient::GetCallerIdentity() {
  Result<XmlResult> result = impl_->caller.CallQuery("GetCallerIdentity", QueryParams());
  if (!result.ok()) return result.error();
  return CallerIdentity{ChildText(result->node, "Account"), ChildText(result->node, "Arn"),
                        ChildText(result->node, "UserId")};
}

Result<AssumedRole> StsClient::AssumeRole(const AssumeRoleRequest& request) {
  QueryParams params;
  params.Add("RoleArn", request.role_arn);
  params.Add("RoleSessionName", request.role_session_name);
  params.AddIfNotEmpty("Policy", request.policy);
  params.AddIfSet("DurationSeconds", request.duration_seconds);
  params.AddPairList("Tags", request.tags);
  params.AddList("TransitiveTagKeys", request.transitive_tag_keys);
  params.AddIfNotEmpty("ExternalId", request.external_id);
  params.AddIfNotEmpty("SerialNumber", request.serial_number);
  params.AddIfNotEmpty("TokenCode", request.token_code);
  params.AddIfNotEmpty("SourceIdentity", request.source_identity);
  return AssumedRoleFrom(impl_->caller.CallQuery("AssumeRole", params), "AssumeRole",
                         "assume-role " + request.role_arn);
}

Result<AssumedRole> StsClient::AssumeRoleWithWebIdentity(
    const AssumeRoleWithWebIdentityRequest& request) {
  QueryParams params;
  params.Add("RoleArn", request.role_arn);
  params.Add("RoleSessionName", request.role_session_name);
  params.Add("WebIdentityToken", request.web_identity_token);
  params.AddIfNotEmpty("ProviderId", request.provider_id);
  params.AddIfNotEmpty("Policy", request.policy);
  params.AddIfSet("DurationSeconds", request.duration_seconds);
  return AssumedRoleFrom(
      impl_->caller.CallQuery("AssumeRoleWithWebIdentity", params, {.unsigned_request = true}),
      "AssumeRoleWithWebIdentity", "web-identity " + request.role_arn);
}

Result<AssumedRole> StsClient::AssumeRoleWithSaml(const AssumeRoleWithSamlRequest& request) {
  QueryParams params;
  params.Add("RoleArn", request.role_arn);
  params.Add("PrincipalArn", request.principal_arn);
  params.Add("SAMLAssertion", request.saml_assertion);
  params.AddIfNotEmpty("Policy", request.policy);
  params.AddIfSet("DurationSeconds", request.duration_seconds);
  return AssumedRoleFrom(
      impl_->caller.CallQuery("AssumeRoleWithSAML", params, {.unsigned_request = true}),
      "AssumeRoleWithSAML", "saml " + request.role_arn);
}

Result<Credentials> StsClient::GetSessionToken(std::optional<int> duration_seconds,
                                               const std::string& serial_number,
                                               const std::string& token_code) {
  QueryParams params;
  params.AddIfSet("DurationSeconds", duration_seconds);
  params.AddIfNotEmpty("SerialNumber", serial_number);
  params.AddIfNotEmpty("TokenCode", token_code);
  Result<XmlResult> result = impl_->caller.CallQuery("GetSessionToken", params);
  if (!result.ok()) return result.error();
  Credentials credentials = CredentialsFrom(result->node, "session-token");
  FOYER_RETURN_IF_ERROR(CheckCredentials(credentials, "GetSessionToken"));
  return credentials;
}

}  // namespace foyer::aws
