// The KMS part of an account's snapshot: its customer managed keys with their
// key policies, for S10 (cross-account access by resource policy).
//
// Keys are regional: these are the keys of the config's region (the
// snapshot calls it once per region it reads). AWS managed keys are left out (their
// policies are AWS's, not the organization's), and so are keys pending
// deletion, which no one can use any more.
#ifndef FOYER_SNAPSHOT_KEY_SNAPSHOT_H_
#define FOYER_SNAPSHOT_KEY_SNAPSHOT_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/client_config.h"

namespace foyer::snapshot {

// Appends to account["keys"], [{"id", "arn", "policy"}], which stays unset
// while no region's keys could be listed. Each failed read appends a line to `errors`
// ("kms:GetKeyPolicy KEY: why") and the other keys are still read: a key
// whose policy cannot be read is listed without "policy".
void CollectKeys(const aws::ClientConfig& config, nlohmann::json& account, std::vector<std::string>& errors);

}  // namespace foyer::snapshot

#endif  // FOYER_SNAPSHOT_KEY_SNAPSHOT_H_
