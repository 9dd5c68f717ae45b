// Feeds arbitrary bytes to the foyer.toml parser and, when they parse, to
// every check and derivation that runs on a parsed spec: none of it may
// crash, hang or read out of bounds, whatever the file says.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "org/naming.h"
#include "org/org_validation.h"
#include "org/role_placement.h"
#include "spec/spec_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  foyer::spec::ParsedSpec parsed = foyer::spec::ParseSpec(text, "fuzz.toml");
  for (const foyer::spec::Diagnostic& diagnostic : parsed.diagnostics) {
    (void)diagnostic.ToString();
  }
  if (!parsed.ok()) return 0;
  std::vector<foyer::spec::Diagnostic> problems = foyer::org::ValidateOrganization(parsed.spec);
  for (const foyer::spec::Diagnostic& diagnostic : problems) (void)diagnostic.ToString();
  std::vector<foyer::org::DesiredAccount> accounts = foyer::org::DesiredAccounts(parsed.spec);
  (void)foyer::org::PlaceRoles(parsed.spec, accounts);
  return 0;
}
