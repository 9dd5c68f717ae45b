// Enrolling a virtual MFA device for an IAM user: create it, show its seed
// to the person's authenticator app (a QR code of the otpauth URI), enable it
// with two consecutive codes.
#ifndef FOYER_LOGIN_MFA_ENROLLMENT_H_
#define FOYER_LOGIN_MFA_ENROLLMENT_H_

#include <functional>
#include <string>
#include <utility>

#include "aws/client_config.h"
#include "base/result.h"
#include "login/client_config.h"
#include "login/iam_user_login.h"

namespace foyer::login {

// otpauth://totp/foyer:<org>%20<user>?secret=<seed>&issuer=foyer, the URI
// authenticator apps import (the seed is secret: only shown on a terminal).
std::string OtpauthUri(const OrgAccess& org, const std::string& base32_seed);

// `text` as a QR code drawn with Unicode half blocks, two module rows per
// line, light modules as blocks (for dark terminals) with a quiet zone of
// four modules. Fails when the text does not fit in a QR code.
Result<std::string> RenderQrCode(const std::string& text);

struct MfaEnrollment {
  // Called once with the otpauth URI of the new device.
  std::function<void(const std::string& otpauth_uri)> present;
  // Returns two consecutive codes of the app once it holds the seed.
  std::function<Result<std::pair<std::string, std::string>>()> read_codes;
  aws::ClientConfig aws;
};

// Creates a virtual MFA device named after the user with `key`, presents it,
// and enables it for the user with the two codes. A device that could not
// be enabled is deleted. Returns the device's serial number (its ARN).
// REQUIRES: org.iam_user
Result<std::string> EnrollVirtualMfa(const OrgAccess& org, const IamUserKey& key, const MfaEnrollment& enrollment);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_MFA_ENROLLMENT_H_
