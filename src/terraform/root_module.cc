#include "terraform/root_module.h"

#include <algorithm>

#include "terraform/hcl.h"

namespace foyer::terraform {
namespace {

// The header of files foyer writes once and then leaves to the user.
constexpr const char* kUserOwnedHeader =
    "# Written once by `foyer terraform generate`; this file is yours and foyer never rewrites it.\n";

HclBlock AwsProvider(const RootModule& module, const std::string& region, bool aliased) {
  HclBlock provider("provider", {"aws"});
  if (aliased) provider.String("alias", ProviderAlias(region));
  provider.String("region", region);
  // Credentials of another account (a forgotten `foyer exec`, a stale
  // profile) make Terraform stop instead of changing the wrong account.
  provider.StringList("allowed_account_ids", {module.account_id});
  provider.Block(HclBlock("default_tags").StringMap("tags", module.tags));
  return provider;
}

// The provider and the backend assume no role: Terraform runs with a
// session of the module's role already in its environment. Another
// assume_role of that same role would make the role assume itself, which
// AWS refuses unless the role trusts itself, and foyer's trust policies
// name only landing roles.
std::string CredentialsComment(const RootModule& module) {
  return "#\n"
         "# No assume_role: Terraform works with the credentials in its environment,\n"
         "# a session of " + module.role_arn + " that foyer injects\n"
         "# (or, in a CI job, the pipeline's foyer/ci-<name> deploy role). From a foyer login:\n"
         "#   foyer terraform run " + module.label + " -- plan\n"
         "#   foyer exec " + module.account_name + " --role " + module.role + " -- terraform plan   (in this folder)\n\n";
}

// "../" once per folder level of `path`, to reach the generated tree's top.
std::string UpToTop(const std::string& path) {
  std::string up;
  for (size_t i = 0, levels = std::count(path.begin(), path.end(), '/') + 1; i < levels; ++i) up += "../";
  return up;
}

}  // namespace

std::string ProviderAlias(const std::string& region) {
  std::string alias = region;
  std::replace(alias.begin(), alias.end(), '-', '_');
  return alias;
}

std::string ProvidersTf(const RootModule& module) {
  std::string out = kGeneratedHeader;
  out += kAccountLinePrefix + module.account_name + " " + module.account_id + " as " + module.role + "\n";
  out += CredentialsComment(module);
  out += AwsProvider(module, module.region, false).Render();
  if (!module.global) return out;
  for (const std::string& region : module.regions) {
    if (region == module.region) continue;
    out += "\n" + AwsProvider(module, region, true).Render();
  }
  return out;
}

std::string BackendTf(const RootModule& module) {
  HclBlock backend("backend", {"s3"});
  backend.String("bucket", module.state_bucket)
      .String("key", module.state_key)
      .String("region", module.state_region)
      .Bool("encrypt", true)
      .Bool("use_lockfile", true);
  return std::string(kGeneratedHeader) + HclBlock("terraform").Block(std::move(backend)).Render();
}

std::string VersionsTf(const spec::TerraformSettings& settings) {
  HclBlock providers("required_providers");
  providers.Object("aws", {{"source", "hashicorp/aws"}, {"version", settings.aws_provider_version.value}});
  HclBlock terraform("terraform");
  terraform.String("required_version", settings.required_version.value).Block(std::move(providers));
  return std::string(kGeneratedHeader) + terraform.Render();
}

std::string MainTf(const RootModule& module) {
  HclBlock call("module", {module.global ? "global" : "regional"});
  call.String("source", UpToTop(module.Path()) + module.shared_module);
  return std::string(kUserOwnedHeader) + call.Render();
}

std::string SharedModuleMainTf(const std::string& shared_module) {
  return std::string(kUserOwnedHeader) + "# The resources of " + shared_module +
         ", for every account and region whose root module calls it.\n";
}

}  // namespace foyer::terraform
