#include "terraform/scaffold.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace foyer::terraform {
namespace {

Error FileError(const std::filesystem::path& path, const std::string& what, const std::string& why) {
  return MakeError("FileError", "could not " + what + " " + path.string() + ": " + why);
}

// The file's contents, or nullopt when it does not exist.
Result<std::optional<std::string>> ReadIfPresent(const std::filesystem::path& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) return std::optional<std::string>();
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileError(path, "read", std::strerror(errno));
  std::ostringstream contents;
  contents << in.rdbuf();
  return std::optional<std::string>(contents.str());
}

Status WriteAtomically(const std::filesystem::path& path, const std::string& contents) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return FileError(path.parent_path(), "create the folder", error.message());
  std::filesystem::path temporary = path;
  temporary += ".foyer-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << contents;
    out.flush();
    if (!out) return FileError(temporary, "write", std::strerror(errno));
  }
  std::filesystem::rename(temporary, path, error);
  if (error) return FileError(path, "replace", error.message());
  return OkStatus();
}

}  // namespace

std::vector<ScaffoldFile> ScaffoldFiles(const Layout& layout, const spec::TerraformSettings& settings) {
  std::vector<ScaffoldFile> files;
  const std::string versions = VersionsTf(settings);
  for (const RootModule& module : layout.modules) {
    const std::string folder = module.Path() + "/";
    files.push_back({folder + "providers.tf", ProvidersTf(module), false});
    files.push_back({folder + "backend.tf", BackendTf(module), false});
    files.push_back({folder + "versions.tf", versions, false});
    files.push_back({folder + "main.tf", MainTf(module), true});
  }
  for (const std::string& shared : layout.shared_modules) {
    files.push_back({shared + "/main.tf", SharedModuleMainTf(shared), true});
  }
  return files;
}

Result<ScaffoldReport> WriteScaffold(const std::filesystem::path& root, const std::vector<ScaffoldFile>& files) {
  ScaffoldReport report;
  for (const ScaffoldFile& file : files) {
    const std::filesystem::path path = root / file.path;
    auto existing = ReadIfPresent(path);
    if (!existing.ok()) return existing.error();
    if (existing->has_value() && (file.user_owned || **existing == file.contents)) {
      report.unchanged.push_back(file.path);
      continue;
    }
    FOYER_RETURN_IF_ERROR(WriteAtomically(path, file.contents));
    (existing->has_value() ? report.updated : report.created).push_back(file.path);
  }
  return report;
}

}  // namespace foyer::terraform
