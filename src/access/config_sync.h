// `foyer config sync`: the AWS config file's managed block (see
// aws_config_block.h) made to hold one profile per account and role the
// person's group is granted, each running `foyer credential-process`.
#ifndef FOYER_ACCESS_CONFIG_SYNC_H_
#define FOYER_ACCESS_CONFIG_SYNC_H_

#include <string>
#include <vector>

#include "access/aws_config_block.h"
#include "base/result.h"
#include "creds/environment.h"

namespace foyer::access {

struct ConfigSyncOptions {
  std::string org;    // empty: the configured default
  std::string group;  // empty: the org's default_group
  bool prune = false;
  std::string foyer_path;  // absolute path of the running foyer
};

struct ConfigSyncReport {
  std::string config_path;  // the AWS config file
  std::string backup_path;  // the previous file's copy; empty when none was made
  bool changed = false;
  std::vector<std::string> profiles;  // every profile in the block now
  SyncOutcome outcome;                // what changed (its text left empty)
  // Granted accounts that the cached inventory does not hold (not created
  // yet); no profile is written for them.
  std::vector<std::string> missing_accounts;
  bool without_inventory = false;  // no inventory to check accounts against
};

// The AWS config file of `env`: AWS_CONFIG_FILE, else ~/.aws/config.
std::string AwsConfigPath(const creds::Environment& env);

// Rewrites the AWS config file's managed block from the grants recorded in
// the client configuration (`foyer configure --from`). The file is replaced
// atomically (temp file + rename) with the same permissions (0600 when
// new) after copying the previous one to `<file>.foyer-backup`; nothing is
// written when nothing changes. Fails (exit 2) when no grants are recorded.
Result<ConfigSyncReport> SyncAwsConfig(const ConfigSyncOptions& options, const creds::Environment& env);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_CONFIG_SYNC_H_
