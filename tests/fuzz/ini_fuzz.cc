// Feeds arbitrary bytes to the AWS config-file parser and to the profile
// merging on top of it: neither may crash, hang or read out of bounds, and
// an error must always name the file and line it is about.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "creds/aws_profiles.h"
#include "creds/ini_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  foyer::Result<foyer::creds::IniFile> file = foyer::creds::ParseIni(text, "fuzz");
  if (!file.ok()) {
    if (file.error().message.rfind("fuzz:", 0) != 0) std::abort();
    return 0;
  }
  foyer::creds::AwsConfigFiles files = foyer::creds::BuildAwsConfigFiles(*file, *file);
  for (const auto& [name, profile] : files.profiles) {
    if (profile.name != name) std::abort();
    for (const auto& [key, value] : profile.values) (void)profile.Where(key);
  }
  return 0;
}
