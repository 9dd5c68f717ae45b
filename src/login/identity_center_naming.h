// The name of a group's IAM Identity Center permission set, shared by the
// planner that provisions it and the login that asks for its credentials.
//
// The "foyer-" prefix keeps foyer's permission sets apart from the ones an
// Identity Center instance already holds (an instance has one namespace for
// all of them), and says who manages them. Identity Center allows 32
// characters, so a group name may have at most 26.
#ifndef FOYER_LOGIN_IDENTITY_CENTER_NAMING_H_
#define FOYER_LOGIN_IDENTITY_CENTER_NAMING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace foyer::login {

inline constexpr std::string_view kPermissionSetPrefix = "foyer-";
inline constexpr size_t kMaxPermissionSetNameLength = 32;

// "foyer-<group>": the permission set, assigned in the admin account only,
// whose one right is to assume the group's landing role.
inline std::string PermissionSetNameFor(const std::string& group) {
  return std::string(kPermissionSetPrefix) + group;
}

}  // namespace foyer::login

#endif  // FOYER_LOGIN_IDENTITY_CENTER_NAMING_H_
