// AWS account ids: exactly twelve ASCII digits.
#ifndef FOYER_BASE_ACCOUNT_ID_H_
#define FOYER_BASE_ACCOUNT_ID_H_

#include <string_view>

namespace foyer {

inline bool IsAccountId(std::string_view text) {
  return text.size() == 12 && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace foyer

#endif  // FOYER_BASE_ACCOUNT_ID_H_
