// Writing a Layout to disk without ever losing what the user wrote.
//
// Files foyer owns (providers.tf, backend.tf, versions.tf) are rewritten
// only when their contents change, so that a regeneration that changes
// nothing touches nothing (no new mtime, no git noise). Files that belong
// to the user (main.tf of root and shared modules) are written when
// missing and otherwise left alone. Nothing is ever deleted: a root module
// whose account left the spec stays until the user removes it.
#ifndef FOYER_TERRAFORM_SCAFFOLD_H_
#define FOYER_TERRAFORM_SCAFFOLD_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/result.h"
#include "spec/spec.h"
#include "terraform/layout.h"

namespace foyer::terraform {

struct ScaffoldReport {
  // Paths relative to the generated tree, in the order they were handled.
  std::vector<std::string> created;
  std::vector<std::string> updated;
  std::vector<std::string> unchanged;
};

// One file to write: its path relative to the tree, its contents, and
// whether the user owns it once written.
struct ScaffoldFile {
  std::string path;
  std::string contents;
  bool user_owned = false;
};

// Every file of `layout`, in a stable order.
std::vector<ScaffoldFile> ScaffoldFiles(const Layout& layout, const spec::TerraformSettings& settings);

// Writes `files` under `root`, creating folders as needed. Each write goes
// to a temporary file renamed over the old one, so an interrupted run
// leaves every file either old or new, never half-written.
Result<ScaffoldReport> WriteScaffold(const std::filesystem::path& root, const std::vector<ScaffoldFile>& files);

}  // namespace foyer::terraform

#endif  // FOYER_TERRAFORM_SCAFFOLD_H_
