#include "org/org_validation.h"

#include <utility>

#include "org/selector.h"
#include "spec/spec_loader.h"
#include "spec/spec_parser.h"
#include "spec/spec_validation.h"

namespace foyer::org {
namespace {

void Append(std::vector<spec::Diagnostic>& to, std::vector<spec::Diagnostic> more) {
  for (spec::Diagnostic& diagnostic : more) to.push_back(std::move(diagnostic));
}

}  // namespace

std::vector<spec::Diagnostic> ValidateOrganization(const spec::Spec& spec) {
  std::vector<spec::Diagnostic> diagnostics = spec::ValidateSpec(spec);
  const std::vector<DesiredAccount> accounts = DesiredAccounts(spec);
  Append(diagnostics, CheckAccountNames(spec, accounts));
  Append(diagnostics, CheckSelectors(spec, accounts));
  spec::SortByPosition(diagnostics);
  return diagnostics;
}

Result<CheckedSpec> CheckSpecFile(const std::filesystem::path& path) {
  Result<std::string> text = spec::ReadTextFile(path);
  if (!text.ok()) return text.error();
  spec::ParsedSpec parsed = spec::ParseSpec(*text, path.string());
  CheckedSpec checked;
  checked.spec = std::move(parsed.spec);
  checked.diagnostics = std::move(parsed.diagnostics);
  if (!checked.ok()) return checked;
  checked.diagnostics = spec::LoadReferencedFiles(checked.spec, path.parent_path());
  Append(checked.diagnostics, ValidateOrganization(checked.spec));
  spec::SortByPosition(checked.diagnostics);
  checked.accounts = DesiredAccounts(checked.spec);
  return checked;
}

Result<CheckedSpec> LoadValidSpec(const std::filesystem::path& path) {
  Result<CheckedSpec> checked = CheckSpecFile(path);
  if (!checked.ok() || checked->ok()) return checked;
  std::string message = path.string() + " has errors; run 'foyer validate' for details:";
  for (const spec::Diagnostic& diagnostic : checked->diagnostics) {
    message += "\n" + diagnostic.ToString();
  }
  return MakeError("SpecError", message);
}

}  // namespace foyer::org
