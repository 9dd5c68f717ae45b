// Building the access graph of a generated organization and answering
// who-can for every account: N accounts x 20 roles, 200 groups whose landing
// roles each role trusts ten of. Peak memory (VmHWM) is reported as a counter.
#include <fstream>
#include <string>

#include <benchmark/benchmark.h>

#include "access_graph/graph.h"
#include "iam/policy_parser.h"

namespace foyer::access_graph {
namespace {

constexpr int kRolesPerAccount = 20;
constexpr int kGroups = 200;
constexpr int kTrustedGroupsPerRole = 10;

std::string AccountId(int index) { return std::to_string(100000000000LL + index); }

iam::Policy Parse(const nlohmann::json& document, const std::string& name) {
  return *iam::ParsePolicyJson(document, name);
}

std::string LandingArn(const std::string& admin, int group) {
  return "arn:aws:iam::" + admin + ":role/foyer/group-" + std::to_string(group);
}

SnapshotAccount AdminAccount(const std::string& admin) {
  SnapshotAccount account;
  account.id = admin;
  account.name = "admin";
  account.ou_path = {"r-root"};
  std::string provider = "arn:aws:iam::" + admin + ":oidc-provider/idp.example.com";
  account.oidc_providers.push_back(provider);
  iam::Policy hop = Parse({{"Version", "2012-10-17"},
                           {"Statement", {{{"Effect", "Allow"}, {"Action", "sts:AssumeRole"},
                                           {"Resource", "arn:aws:iam::*:role/foyer/*"}}}}},
                          "landing");
  for (int group = 0; group < kGroups; ++group) {
    nlohmann::json trust = {
        {"Version", "2012-10-17"},
        {"Statement",
         {{{"Effect", "Allow"}, {"Principal", {{"Federated", provider}}}, {"Action", "sts:AssumeRoleWithWebIdentity"},
           {"Condition", {{"StringLike", {{"aws:RequestTag/FoyerGroups", "*:g" + std::to_string(group) + ":*"}}}}}}}}};
    account.roles.push_back({LandingArn(admin, group), Parse(trust, "trust"), {hop}, std::nullopt});
  }
  return account;
}

SnapshotAccount WorkloadAccount(int index, const std::string& admin) {
  SnapshotAccount account;
  account.id = AccountId(index);
  account.name = "w" + std::to_string(index);
  account.ou_path = {"r-root", "ou-work"};
  for (int role = 0; role < kRolesPerAccount; ++role) {
    nlohmann::json landing = nlohmann::json::array();
    for (int m = 0; m < kTrustedGroupsPerRole; ++m) {
      landing.push_back(LandingArn(admin, (index * 7 + role * 13 + m) % kGroups));
    }
    nlohmann::json trust = {{"Version", "2012-10-17"},
                            {"Statement", {{{"Effect", "Allow"}, {"Principal", {{"AWS", landing}}},
                                            {"Action", "sts:AssumeRole"}}}}};
    std::string arn = "arn:aws:iam::" + account.id + ":role/foyer/R" + std::to_string(role);
    account.roles.push_back({arn, Parse(trust, "trust"), {}, std::nullopt});
  }
  return account;
}

Snapshot Organization(int accounts) {
  Snapshot snapshot;
  snapshot.organization_id = "o-bench";
  snapshot.management_account = AccountId(0);
  std::string admin = AccountId(1);
  snapshot.accounts.push_back(AdminAccount(admin));
  for (int i = 2; i < accounts + 2; ++i) snapshot.accounts.push_back(WorkloadAccount(i, admin));
  iam::Policy full = Parse({{"Version", "2012-10-17"},
                            {"Statement", {{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}}},
                           "FullAWSAccess");
  snapshot.has_scps = true;
  snapshot.scps["r-root"] = {full};
  snapshot.scps["ou-work"] = {full};
  for (const SnapshotAccount& account : snapshot.accounts) snapshot.scps[account.id] = {full};
  return snapshot;
}

double PeakResidentMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

void BM_BuildAndWhoCanEveryAccount(benchmark::State& state) {
  Snapshot snapshot = Organization(static_cast<int>(state.range(0)));
  size_t reached = 0;
  size_t edges = 0;
  for (auto _ : state) {
    AccessGraph graph = AccessGraph::Build(snapshot);
    edges = graph.edges().size();
    for (const SnapshotAccount& account : snapshot.accounts) {
      reached += graph.WhoCan(graph.RolesIn(account.id, "")).size();
    }
  }
  benchmark::DoNotOptimize(reached);
  state.counters["edges"] = static_cast<double>(edges);
  state.counters["peak_MiB"] = PeakResidentMiB();
}
BENCHMARK(BM_BuildAndWhoCanEveryAccount)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace foyer::access_graph
