#include "aws/identity_store.h"

#include <utility>

#include "aws/json_protocol.h"
#include "aws/service_call.h"

namespace foyer::aws {
namespace {

const ServiceDescription kIdentityStore = {
    .name = "Identity Store",
    .endpoint_prefix = "identitystore",
    .signing_name = "identitystore",
    .protocol = Protocol::kJson,
    .json_target_prefix = "AWSIdentityStore",
    .json_version = "1.1",
};

}  // namespace

IdentityStoreClient::IdentityStoreClient(ClientConfig config)
    : caller_(std::make_unique<ServiceCaller>(std::move(config), kIdentityStore)) {}
IdentityStoreClient::~IdentityStoreClient() = default;
IdentityStoreClient::IdentityStoreClient(IdentityStoreClient&&) noexcept = default;

Result<std::optional<std::string>> IdentityStoreClient::FindGroupId(const std::string& identity_store_id,
                                                                    const std::string& display_name) {
  nlohmann::json input = {
      {"IdentityStoreId", identity_store_id},
      {"AlternateIdentifier",
       {{"UniqueAttribute", {{"AttributePath", "displayName"}, {"AttributeValue", display_name}}}}}};
  Result<nlohmann::json> result = caller_->CallJson("GetGroupId", input);
  if (!result.ok() && result.error().code == "ResourceNotFoundException") return std::optional<std::string>();
  if (!result.ok()) return result.error();
  std::string id = JsonString(*result, "GroupId");
  if (id.empty()) return MakeError("ParseError", "Identity Store GetGroupId returned no GroupId");
  return std::optional<std::string>(id);
}

}  // namespace foyer::aws
