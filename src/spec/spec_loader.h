// Reading a foyer.toml and the files it refers to from disk. The whole
// sequence (read, parse, load referenced files, validate) is
// org::CheckSpecFile in org/org_validation.h, which commands use.
#ifndef FOYER_SPEC_SPEC_LOADER_H_
#define FOYER_SPEC_SPEC_LOADER_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/result.h"
#include "spec/diagnostic.h"
#include "spec/spec.h"

namespace foyer::spec {

// The whole text of a file; the error says which file and why.
Result<std::string> ReadTextFile(const std::filesystem::path& path);

// Reads each role's policy_file (which must hold a JSON policy document
// that fits IAM's inline policy size) and the SAML metadata_file, both
// relative to `spec_folder`, into the spec. Returns a diagnostic at the
// file's name in the spec for each file that cannot be read or is not acceptable.
std::vector<Diagnostic> LoadReferencedFiles(Spec& spec, const std::filesystem::path& spec_folder);

}  // namespace foyer::spec

#endif  // FOYER_SPEC_SPEC_LOADER_H_
