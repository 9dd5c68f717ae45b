// Where the analysis commands (audit, who-can, paths, graph) get their
// snapshot: a file (--snapshot FILE), or the live organization, collected
// on the spot as `foyer snapshot` would.
#ifndef FOYER_CLI_SNAPSHOT_SOURCE_H_
#define FOYER_CLI_SNAPSHOT_SOURCE_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "access_graph/snapshot.h"
#include "base/result.h"

namespace foyer::cli {

struct SnapshotSource {
  std::string file;  // empty: live
  std::string profile;
  std::string via = "auditor";  // or "organization-account-access-role"
  int concurrency = 8;
  std::vector<std::string> regions;  // of KMS keys and trails; empty: the caller's
};

// --profile, --via and --concurrency (the live collection's options), and
// --snapshot FILE unless `with_file` is false.
void AddSnapshotSourceOptions(CLI::App& command, SnapshotSource& source, bool with_file = true);

// The live snapshot as JSON, progress on stderr when it is a terminal.
Result<nlohmann::json> CollectLive(const SnapshotSource& source);

// The snapshot from the file, or collected live.
Result<access_graph::Snapshot> LoadSnapshot(const SnapshotSource& source);

}  // namespace foyer::cli

#endif  // FOYER_CLI_SNAPSHOT_SOURCE_H_
