#include "cli/snapshot_source.h"

#include <cstdio>
#include <mutex>

#include "creds/default_chain.h"
#include "snapshot/live_snapshot.h"
#include "spec/spec_validation.h"
#include "ui/progress_board.h"

namespace foyer::cli {

void AddSnapshotSourceOptions(CLI::App& command, SnapshotSource& source, bool with_file) {
  if (with_file) {
    command.add_option("--snapshot", source.file,
                       "Analyse this snapshot file (foyer snapshot -o FILE) instead of the live organization");
  }
  command.add_option("--profile", source.profile, "AWS profile to start from (default: the usual chain)");
  command.add_option("--via", source.via,
                     "How member accounts are read: auditor (foyer/Auditor, from an admin landing session) or "
                     "organization-account-access-role (with management credentials, before foyer's roles exist)")
      ->check(CLI::IsMember({"auditor", "organization-account-access-role"}));
  command.add_option("--concurrency", source.concurrency, "Accounts read at once")->check(CLI::Range(1, 64));
  command.add_option("--regions", source.regions,
                     "Regions whose KMS keys and CloudTrail trails are read, comma-separated (default: the "
                     "caller's region)")
      ->delimiter(',')
      ->check(CLI::Validator(
          [](const std::string& region) {
            return spec::IsRegionName(region) ? "" : "'" + region + "' is not an AWS region name like 'us-east-1'";
          },
          "REGION"));
}

Result<nlohmann::json> CollectLive(const SnapshotSource& source) {
  auto session = creds::ResolveSession(source.profile);
  if (!session.ok()) return session.error();
  snapshot::CollectionOptions options;
  options.via = source.via == "auditor" ? snapshot::MemberRole::kAuditor
                                        : snapshot::MemberRole::kOrganizationAccountAccessRole;
  options.concurrency = source.concurrency;
  options.regions = source.regions;
  if (ui::StderrIsLiveTerminal()) {
    auto lock = std::make_shared<std::mutex>();
    options.on_account = [lock](const std::string&, size_t done, size_t total) {
      std::lock_guard<std::mutex> guard(*lock);
      std::fprintf(stderr, "\rsnapshot: %zu/%zu accounts read%s", done, total, done == total ? "\n" : "");
    };
  }
  return snapshot::CollectLiveSnapshot(creds::ClientConfigFor(*session), options);
}

Result<access_graph::Snapshot> LoadSnapshot(const SnapshotSource& source) {
  if (!source.file.empty()) return access_graph::ReadSnapshotFile(source.file);
  auto collected = CollectLive(source);
  if (!collected.ok()) return collected.error();
  return access_graph::ParseSnapshot(*collected);
}

}  // namespace foyer::cli
