#include "cli/resource_families.h"

namespace foyer::cli {

std::vector<std::unique_ptr<org::ResourceFamily>> AllResourceFamilies() {
  std::vector<std::unique_ptr<org::ResourceFamily>> families;
  return families;
}

}  // namespace foyer::cli
