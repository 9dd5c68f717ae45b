// The block of profiles `foyer config sync` keeps in the AWS config file
// (~/.aws/config): one managed, clearly delimited region of the file that
// foyer rewrites, leaving every byte outside it as the person wrote it.
//
//   # >>> foyer managed profiles: written by `foyer config sync`, edits inside are replaced >>>
//   [profile payments-production.Administrator]
//   credential_process = /usr/bin/foyer credential-process payments-production --role Administrator
//   region = us-east-1
//   # <<< foyer managed profiles <<<
#ifndef FOYER_ACCESS_AWS_CONFIG_BLOCK_H_
#define FOYER_ACCESS_AWS_CONFIG_BLOCK_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace foyer::access {

inline constexpr std::string_view kBlockBegin =
    "# >>> foyer managed profiles: written by `foyer config sync`, edits inside are replaced >>>";
inline constexpr std::string_view kBlockEnd = "# <<< foyer managed profiles <<<";

struct ManagedProfile {
  std::string name;                // "<account-name>.<role>"
  std::string credential_process;  // the whole command line, quoted
  std::string region;
};

// `credential_process` of a profile: foyer at `foyer_path` asked for `target`
// and `role`. Words with characters a shell or botocore's split would
// interpret (spaces, quotes, ...) are single-quoted.
std::string CredentialProcessCommand(const std::string& foyer_path, const std::string& target,
                                     const std::string& role);

struct SyncOutcome {
  std::string text;  // the whole new file
  std::vector<std::string> added;    // profiles that were not in the block
  std::vector<std::string> pruned;   // dropped (with prune)
  std::vector<std::string> stale;    // no longer granted, kept (without prune)
  // Wanted, but the person has a profile of that name outside the block;
  // theirs wins and foyer writes none.
  std::vector<std::string> shadowed;
};

// The file `existing` with its managed block replaced by `wanted` (appended
// at the end when there is none). Profiles of the old block that are not
// wanted are kept verbatim unless `prune`. Fails (exit 1) when the block's
// markers are broken (a begin without end, two blocks), so that a file a
// person edited by hand is never half-overwritten.
Result<SyncOutcome> SyncManagedBlock(std::string_view existing, const std::vector<ManagedProfile>& wanted,
                                     bool prune);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_AWS_CONFIG_BLOCK_H_
