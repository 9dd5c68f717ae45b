// One account's part of a snapshot: IAM (GetAccountAuthorizationDetails:
// roles, users, groups and their policies; MFA devices, access keys, identity
// providers), its buckets with their policies, its KMS keys with their key
// policies (key_snapshot.h) and its trails. What cannot be read is listed in
// "errors" and the rest is still collected: a partial snapshot is analysed,
// with its gaps reported, rather than none.
#ifndef FOYER_SNAPSHOT_ACCOUNT_SNAPSHOT_H_
#define FOYER_SNAPSHOT_ACCOUNT_SNAPSHOT_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/client_config.h"

namespace foyer::snapshot {

// The account's entry in the snapshot's "accounts" object, read with
// `config`; KMS keys and trails in each of `regions` (empty: the config's).
nlohmann::json AccountSnapshot(const aws::ClientConfig& config, const std::vector<std::string>& regions = {});

}  // namespace foyer::snapshot

#endif  // FOYER_SNAPSHOT_ACCOUNT_SNAPSHOT_H_
