#include "login/regional_sts.h"

namespace foyer::login {

bool RegionUnavailable(const Error& error) {
  return error.code == "ConnectionError" || error.code == "Timeout" || error.http_status >= 500;
}

}  // namespace foyer::login
