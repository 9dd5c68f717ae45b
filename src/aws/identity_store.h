// The Identity Center identity store: finding a group's id by its name.
#ifndef FOYER_AWS_IDENTITY_STORE_H_
#define FOYER_AWS_IDENTITY_STORE_H_

#include <memory>
#include <optional>
#include <string>

#include "aws/client_config.h"
#include "base/result.h"

namespace foyer::aws {

class ServiceCaller;

class IdentityStoreClient {
 public:
  explicit IdentityStoreClient(ClientConfig config);
  ~IdentityStoreClient();
  IdentityStoreClient(IdentityStoreClient&&) noexcept;

  // The id of the group whose DisplayName is `display_name`; nullopt when
  // the store has no such group (ResourceNotFoundException).
  Result<std::optional<std::string>> FindGroupId(const std::string& identity_store_id,
                                                 const std::string& display_name);

 private:
  std::unique_ptr<ServiceCaller> caller_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_IDENTITY_STORE_H_
