// IamClient: OpenID Connect and SAML identity providers.
#include "aws/iam.h"
#include "aws/iam_wire.h"

namespace foyer::aws {

using iam_wire::Call;

namespace {

// The provider list operations are not paginated.
Result<std::vector<pugi::xml_node>> ListMembers(ServiceCaller& caller, std::string_view action,
                                                std::string_view list, XmlResult& holder) {
  Result<XmlResult> result = caller.CallQuery(action, QueryParams());
  if (!result.ok()) return result.error();
  holder = std::move(*result);
  return Members(Child(holder.node, list));
}

}  // namespace

Result<std::string> IamClient::CreateOpenIdConnectProvider(const CreateOidcProviderRequest& request) {
  QueryParams params;
  params.Add("Url", request.url);
  params.AddList("ClientIDList", request.client_ids);
  params.AddList("ThumbprintList", request.thumbprints);
  params.AddPairList("Tags", request.tags);
  Result<XmlResult> result = caller_->CallQuery("CreateOpenIDConnectProvider", params);
  if (!result.ok()) return result.error();
  return ChildText(result->node, "OpenIDConnectProviderArn");
}

Result<OidcProvider> IamClient::GetOpenIdConnectProvider(const std::string& arn) {
  QueryParams params;
  params.Add("OpenIDConnectProviderArn", arn);
  Result<XmlResult> result = caller_->CallQuery("GetOpenIDConnectProvider", params);
  if (!result.ok()) return result.error();
  pugi::xml_node node = result->node;
  return OidcProvider{arn,
                      ChildText(node, "Url"),
                      MemberTexts(node, "ClientIDList"),
                      MemberTexts(node, "ThumbprintList"),
                      ChildTime(node, "CreateDate"),
                      iam_wire::ReadTags(node)};
}

Result<std::vector<std::string>> IamClient::ListOpenIdConnectProviders() {
  XmlResult holder;
  Result<std::vector<pugi::xml_node>> members =
      ListMembers(*caller_, "ListOpenIDConnectProviders", "OpenIDConnectProviderList", holder);
  if (!members.ok()) return members.error();
  std::vector<std::string> arns;
  for (pugi::xml_node member : *members) arns.push_back(ChildText(member, "Arn"));
  return arns;
}

Status IamClient::DeleteOpenIdConnectProvider(const std::string& arn) {
  QueryParams params;
  params.Add("OpenIDConnectProviderArn", arn);
  return Call(*caller_, "DeleteOpenIDConnectProvider", params);
}

Status IamClient::UpdateOpenIdConnectProviderThumbprint(const std::string& arn,
                                                        const std::vector<std::string>& thumbprints) {
  QueryParams params;
  params.Add("OpenIDConnectProviderArn", arn);
  params.AddList("ThumbprintList", thumbprints);
  return Call(*caller_, "UpdateOpenIDConnectProviderThumbprint", params);
}

Status IamClient::AddClientIdToOpenIdConnectProvider(const std::string& arn,
                                                     const std::string& client_id) {
  QueryParams params;
  params.Add("OpenIDConnectProviderArn", arn);
  params.Add("ClientID", client_id);
  return Call(*caller_, "AddClientIDToOpenIDConnectProvider", params);
}

Status IamClient::RemoveClientIdFromOpenIdConnectProvider(const std::string& arn,
                                                          const std::string& client_id) {
  QueryParams params;
  params.Add("OpenIDConnectProviderArn", arn);
  params.Add("ClientID", client_id);
  return Call(*caller_, "RemoveClientIDFromOpenIDConnectProvider", params);
}

Result<std::string> IamClient::CreateSamlProvider(const std::string& name,
                                                  const std::string& metadata_document,
                                                  const TagList& tags) {
  QueryParams params;
  params.Add("SAMLMetadataDocument", metadata_document);
  params.Add("Name", name);
  params.AddPairList("Tags", tags);
  Result<XmlResult> result = caller_->CallQuery("CreateSAMLProvider", params);
  if (!result.ok()) return result.error();
  return ChildText(result->node, "SAMLProviderArn");
}

Result<std::string> IamClient::UpdateSamlProvider(const std::string& arn,
                                                  const std::string& metadata_document) {
  QueryParams params;
  params.Add("SAMLMetadataDocument", metadata_document);
  params.Add("SAMLProviderArn", arn);
  Result<XmlResult> result = caller_->CallQuery("UpdateSAMLProvider", params);
  if (!result.ok()) return result.error();
  return ChildText(result->node, "SAMLProviderArn");
}

Result<SamlProvider> IamClient::GetSamlProvider(const std::string& arn) {
  QueryParams params;
  params.Add("SAMLProviderArn", arn);
  Result<XmlResult> result = caller_->CallQuery("GetSAMLProvider", params);
  if (!result.ok()) return result.error();
  pugi::xml_node node = result->node;
  return SamlProvider{arn, ChildText(node, "SAMLMetadataDocument"), ChildTime(node, "CreateDate"),
                      ChildTime(node, "ValidUntil"), iam_wire::ReadTags(node)};
}

Result<std::vector<SamlProvider>> IamClient::ListSamlProviders() {
  XmlResult holder;
  Result<std::vector<pugi::xml_node>> members =
      ListMembers(*caller_, "ListSAMLProviders", "SAMLProviderList", holder);
  if (!members.ok()) return members.error();
  std::vector<SamlProvider> providers;
  for (pugi::xml_node member : *members) {
    providers.push_back({ChildText(member, "Arn"), "", ChildTime(member, "CreateDate"),
                         ChildTime(member, "ValidUntil"), {}});
  }
  return providers;
}

Status IamClient::DeleteSamlProvider(const std::string& arn) {
  QueryParams params;
  params.Add("SAMLProviderArn", arn);
  return Call(*caller_, "DeleteSAMLProvider", params);
}

}  // namespace foyer::aws
