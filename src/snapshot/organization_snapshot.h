// The organization part of a snapshot (access_graph/snapshot.h): the
// accounts with their OU path as ids, their tags, and every SCP by target.
#ifndef FOYER_SNAPSHOT_ORGANIZATION_SNAPSHOT_H_
#define FOYER_SNAPSHOT_ORGANIZATION_SNAPSHOT_H_

#include <nlohmann/json.hpp>

#include "aws/organizations.h"
#include "base/result.h"
#include "org/live_organization.h"

namespace foyer::snapshot {

// The "organization" object of a snapshot, from discovery and the SCPs.
// "scps" is present only when SCPs are enabled on the root, so that an
// organization without them is analysed as one (nothing denies).
Result<nlohmann::json> OrganizationSnapshot(const org::LiveOrganization& live, aws::OrganizationsClient& client);

// The OU ids from the root down to the account's parent, root first.
std::vector<std::string> OuIdPath(const org::LiveOrganization& live, const std::string& ou_path);

}  // namespace foyer::snapshot

#endif  // FOYER_SNAPSHOT_ORGANIZATION_SNAPSHOT_H_
