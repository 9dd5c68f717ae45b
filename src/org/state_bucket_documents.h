// The bucket policies of the Terraform state buckets in the deploy account,
// and the statement every foyer bucket carries.
#ifndef FOYER_ORG_STATE_BUCKET_DOCUMENTS_H_
#define FOYER_ORG_STATE_BUCKET_DOCUMENTS_H_

#include <string>

#include <nlohmann/json.hpp>

namespace foyer::org {

// Denies every request to `bucket` and its objects that does not come over
// TLS.
nlohmann::json DenyInsecureTransportStatement(const std::string& partition, const std::string& bucket);

// The state bucket's policy. Principals of the organization may read, write
// and delete objects only under their own account's prefix
// (`${aws:PrincipalAccount}/`, StateKeyPrefix) and list only that prefix;
// object access outside one's own prefix is denied to everyone, the deploy
// account's own principals included; the admin account gets nothing at all
// (it holds no state: rules S3 and S4). The policy variable keeps it the
// same size however many accounts there are.
nlohmann::json StateBucketPolicy(const std::string& partition, const std::string& bucket,
                                 const std::string& organization_id, const std::string& admin_account_id);

}  // namespace foyer::org

#endif  // FOYER_ORG_STATE_BUCKET_DOCUMENTS_H_
