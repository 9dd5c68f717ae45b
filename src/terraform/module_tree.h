// The root modules of a generated tree, found again from the files alone,
// and the ones a command line's targets pick.
//
// `foyer terraform run` reads the tree rather than the organization, so it
// runs exactly what is on disk and needs no Organizations access: each
// generated providers.tf names its account on its second line.
#ifndef FOYER_TERRAFORM_MODULE_TREE_H_
#define FOYER_TERRAFORM_MODULE_TREE_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/result.h"

namespace foyer::terraform {

struct FoundModule {
  std::string label;         // "payments/production/default/us-east-1"
  std::filesystem::path directory;
  std::string account_name;
  std::string account_id;
  std::string role;  // the role Terraform works as there
};

// Every folder under `<tree>/root-modules` holding a providers.tf that foyer
// generated, ordered by label. Fails when there is no root-modules folder
// (nothing was generated there) or a generated providers.tf lost its
// account line.
Result<std::vector<FoundModule>> FindRootModules(const std::filesystem::path& tree);

// The modules `targets` pick, in the order of `modules`: a target picks a
// module when it is the module's label or a folder prefix of it
// ("payments/production", "special/audit"), its account's name or its
// account's id. `all` picks every module. Fails (usage, exit 2) when a
// target picks nothing, naming it, or when neither targets nor `all` are
// given.
Result<std::vector<FoundModule>> SelectModules(const std::vector<FoundModule>& modules,
                                               const std::vector<std::string>& targets, bool all);

}  // namespace foyer::terraform

#endif  // FOYER_TERRAFORM_MODULE_TREE_H_
