#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "access/exports.h"
#include "access/target_session.h"
#include "aws/organizations.h"
#include "cli/commands.h"
#include "creds/default_chain.h"
#include "creds/environment.h"
#include "org/discovery.h"
#include "org/org_validation.h"
#include "store/inventory_cache.h"
#include "store/state_dir.h"
#include "terraform/layout.h"
#include "terraform/module_tree.h"
#include "terraform/parallel_runner.h"
#include "terraform/scaffold.h"
#include "ui/table.h"

namespace foyer::cli {
namespace {

// How long a discovered inventory answers without asking AWS again; the
// same as `foyer accounts`, whose cache this is.
constexpr std::chrono::hours kInventoryTtl{1};

struct GenerateOptions {
  std::string spec = "foyer.toml";
  std::string dir = "terraform";
  std::string profile;
  bool refresh = false;
};

struct RunOptions {
  std::string dir = "terraform";
  bool all = false;
  int parallel = 4;
  bool fail_fast = false;
  std::string role;  // empty: the role each module was generated for
  std::string org;
  std::string group;
  bool no_cache = false;
  // Every positional word; which are targets and which are Terraform's
  // arguments is decided by where `--` was (SplitRunWords).
  std::vector<std::string> words;
  std::vector<std::string> targets;
  std::vector<std::string> terraform_args;
};

Error UsageError(std::string message) {
  Error error = MakeError("UsageError", std::move(message));
  error.exit_code = ExitCode::kUsage;
  return error;
}

// The organization's accounts from the inventory cache while it is fresh,
// else from Organizations with the caller's credentials, refusing any
// organization but the spec's.
Result<std::vector<store::InventoryAccount>> LiveAccounts(const GenerateOptions& options,
                                                          const std::string& management_id) {
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return state.error();
  auto cache = store::InventoryCache::Open(*state);
  if (!cache.ok()) return cache.error();
  auto fetch = [&]() -> Result<std::vector<store::InventoryAccount>> {
    auto session = creds::ResolveSession(options.profile);
    if (!session.ok()) return session.error();
    aws::OrganizationsClient client(creds::ClientConfigFor(*session));
    org::OrganizationsReader reader(client);
    FOYER_RETURN_IF_ERROR(org::DescribeExpectedOrganization(reader, management_id));
    return org::DiscoverAccounts(reader);
  };
  auto inventory = cache->GetOrFetch(management_id, kInventoryTtl, options.refresh,
                                     std::chrono::system_clock::now(), fetch);
  if (!inventory.ok()) return inventory.error();
  return inventory->accounts;
}

int RunGenerate(const GenerateOptions& options) {
  auto checked = org::LoadValidSpec(options.spec);
  if (!checked.ok()) return ReportError(checked.error());
  auto live = LiveAccounts(options, checked->spec.organization.management_account_id.value);
  if (!live.ok()) return ReportError(live.error());
  auto layout = terraform::PlanLayout(checked->spec, checked->accounts,
                                      terraform::LiveAccountIds(checked->accounts, *live));
  if (!layout.ok()) return ReportError(layout.error());
  for (const std::string& missing : layout->missing_accounts) {
    std::fprintf(stderr, "foyer: account '%s' does not exist yet; it gets its root modules once `foyer apply` "
                         "has created it\n", missing.c_str());
  }
  auto report = terraform::WriteScaffold(options.dir, terraform::ScaffoldFiles(*layout, checked->spec.terraform));
  if (!report.ok()) return ReportError(report.error());
  for (const std::string& path : report->created) std::printf("created %s\n", path.c_str());
  for (const std::string& path : report->updated) std::printf("updated %s\n", path.c_str());
  std::printf("%s: %zu root modules; %zu files created, %zu updated, %zu unchanged\n", options.dir.c_str(),
              layout->modules.size(), report->created.size(), report->updated.size(), report->unchanged.size());
  return 0;
}

// Targets are the words before `--`, Terraform's arguments the words after
// it. The parser hands `--` over in one of two ways: as a leftover when it
// came before any positional word (`--all -- version`), or inside the words
// when targets came first (`payments -- version`).
Status SplitRunWords(RunOptions& options, const std::vector<std::string>& leftovers) {
  if (leftovers.size() == 1 && leftovers[0] == "--") {
    options.terraform_args = options.words;
    return OkStatus();
  }
  if (!leftovers.empty()) return UsageError("unknown option '" + leftovers[0] + "' (options come before TARGET)");
  auto mark = std::find(options.words.begin(), options.words.end(), "--");
  if (mark == options.words.end()) {
    return UsageError("no Terraform arguments: foyer terraform run [TARGET...|--all] -- ARGS");
  }
  options.targets.assign(options.words.begin(), mark);
  options.terraform_args.assign(mark + 1, options.words.end());
  return OkStatus();
}

// One job per module, each with a session of its account as the role it
// was generated for, opened once per account and role.
std::vector<terraform::ModuleJob> JobsFor(const RunOptions& options,
                                          const std::vector<terraform::FoundModule>& modules) {
  std::map<std::string, Result<access::TargetSession>> sessions;
  std::vector<terraform::ModuleJob> jobs;
  for (const terraform::FoundModule& module : modules) {
    const std::string role = options.role.empty() ? module.role : options.role;
    const std::string key = module.account_id + "/" + role;
    auto found = sessions.find(key);
    if (found == sessions.end()) {
      access::TargetSessionOptions target{module.account_id, role, options.org, options.group, !options.no_cache};
      found = sessions.emplace(key, access::OpenTargetSession(target, creds::Environment::Process())).first;
    }
    terraform::ModuleJob job{module.label, module.directory, {}, {"AWS_PROFILE", "AWS_SECURITY_TOKEN"}, ""};
    if (found->second.ok()) {
      const access::TargetSession& session = *found->second;
      job.environment = access::SessionVariables(session.session.credentials, session.region);
      job.environment.emplace_back("FOYER_EXEC", session.session.role_arn);
    } else {
      job.setup_error = found->second.error().Describe();
    }
    jobs.push_back(std::move(job));
  }
  return jobs;
}

std::string Summary(const std::vector<terraform::FoundModule>& modules,
                    const std::vector<terraform::JobResult>& results) {
  ui::Table table({"MODULE", "ACCOUNT", "RESULT", "EXIT"});
  for (size_t i = 0; i < results.size(); ++i) {
    const terraform::JobResult& result = results[i];
    table.AddRow({result.label, modules[i].account_name + " (" + modules[i].account_id + ")",
                  terraform::OutcomeName(result.outcome),
                  result.exit_status < 0 ? "-" : std::to_string(result.exit_status)});
  }
  return table.Render();
}

int RunTerraform(const RunOptions& options) {
  if (options.parallel < 1) return ReportError(UsageError("--parallel must be at least 1"));
  auto found = terraform::FindRootModules(options.dir);
  if (!found.ok()) return ReportError(found.error());
  auto modules = terraform::SelectModules(*found, options.targets, options.all);
  if (!modules.ok()) return ReportError(modules.error());
  terraform::RunSettings settings;
  settings.argv = {"terraform"};
  settings.argv.insert(settings.argv.end(), options.terraform_args.begin(), options.terraform_args.end());
  settings.parallel = options.parallel;
  settings.fail_fast = options.fail_fast;
  settings.detailed_exitcode = std::find(options.terraform_args.begin(), options.terraform_args.end(),
                                         "-detailed-exitcode") != options.terraform_args.end();
  auto results = terraform::RunJobs(JobsFor(options, *modules), settings, [](const std::string& line) {
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
  });
  std::printf("\n%s", Summary(*modules, results).c_str());
  bool failed = std::any_of(results.begin(), results.end(),
                            [](const auto& r) { return r.outcome == terraform::Outcome::kFailed; });
  return failed ? static_cast<int>(ExitCode::kFailure) : 0;
}

void AddGenerate(CLI::App& terraform, Runner& selected) {
  auto options = std::make_shared<GenerateOptions>();
  auto* command = terraform.add_subcommand(
      "generate", "Write Terraform root modules (providers, S3 backend, versions) for every account and region");
  command->add_option("--spec", options->spec, "The organization's foyer.toml")->capture_default_str();
  command->add_option("--dir", options->dir, "Where the Terraform tree lives")->capture_default_str();
  command->add_option("--profile", options->profile, "AWS profile that can read the organization");
  command->add_flag("--refresh", options->refresh, "Ask AWS even when the cached account inventory is fresh");
  command->callback([&selected, options] { selected = [options] { return RunGenerate(*options); }; });
}

void AddRun(CLI::App& terraform, Runner& selected) {
  auto options = std::make_shared<RunOptions>();
  auto* command = terraform.add_subcommand(
      "run", "Run terraform ARGS in root modules, in parallel, each with a session of its account");
  command->add_flag("--all", options->all, "Run in every root module");
  command->add_option("--parallel", options->parallel, "How many modules at once")->capture_default_str();
  command->add_flag("--fail-fast", options->fail_fast, "Start no other module after one fails");
  command->add_option("--dir", options->dir, "Where the Terraform tree lives")->capture_default_str();
  command->add_option("--role", options->role, "Role to work as (default: the one the modules were generated for)");
  command->add_option("--org", options->org, "Organization of the client configuration (default: default_org)");
  command->add_option("--group", options->group, "Group whose landing session to start from");
  command->add_flag("--no-cache", options->no_cache, "Ask STS for new sessions; neither read nor write the cache");
  command->add_option("TARGET", options->words,
                      "Account names, ids or module folders (payments/production), then -- and Terraform's arguments");
  // Never filled: its presence makes the parser keep a leading `--` for
  // SplitRunWords instead of handing it to the parent command.
  command->add_option("ARGS", options->terraform_args, "Terraform's arguments, after --")->expected(1);
  // After the first word every later one is positional, so that
  // Terraform's own options (-detailed-exitcode) reach it untouched.
  command->positionals_at_end();
  command->allow_extras();
  command->callback([&selected, options, command] {
    Status split = SplitRunWords(*options, command->remaining());
    selected = [options, split] { return split.ok() ? RunTerraform(*options) : ReportError(split.error()); };
  });
}

}  // namespace

void AddTerraformCommand(CLI::App& root, Runner& selected) {
  auto* terraform = root.add_subcommand("terraform", "Terraform scaffolding per account and region, and running it");
  terraform->require_subcommand(1);
  AddGenerate(*terraform, selected);
  AddRun(*terraform, selected);
}

}  // namespace foyer::cli
