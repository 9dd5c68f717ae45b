#include "login/mfa_enrollment.h"

#include <qrencode.h>

#include <memory>

#include "aws/iam.h"
#include "base/base64.h"
#include "base/url_encoding.h"

namespace foyer::login {
namespace {

constexpr int kQuietZone = 4;

// Base32StringSeed is a blob in the IAM API, so base64 on the wire: the
// base32 text authenticator apps want is inside. Text that does not decode
// to base32 is taken as it is.
std::string Base32Seed(const std::string& from_wire) {
  auto decoded = Base64Decode(from_wire);
  bool base32 = decoded.ok() && !decoded->empty() &&
                decoded->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567=") == std::string::npos;
  return base32 ? *decoded : from_wire;
}

}  // namespace

std::string OtpauthUri(const OrgAccess& org, const std::string& base32_seed) {
  return "otpauth://totp/foyer:" + PercentEncode(org.name + " " + org.iam_user->user_name) + "?secret=" + base32_seed +
         "&issuer=foyer";
}

Result<std::string> RenderQrCode(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) return MakeError("QrCodeError", "the text is too long for a QR code");
  const int width = code->width;
  auto dark = [&code, width](int row, int column) {
    row -= kQuietZone;
    column -= kQuietZone;
    if (row < 0 || column < 0 || row >= width || column >= width) return false;
    return (code->data[row * width + column] & 1) != 0;
  };
  const int side = width + 2 * kQuietZone;
  std::string drawing;
  for (int row = 0; row < side; row += 2) {
    for (int column = 0; column < side; ++column) {
      bool top_light = !dark(row, column);
      bool bottom_light = row + 1 < side ? !dark(row + 1, column) : false;
      drawing += top_light ? (bottom_light ? "\u2588" : "\u2580") : (bottom_light ? "\u2584" : " ");
    }
    drawing += '\n';
  }
  return drawing;
}

Result<std::string> EnrollVirtualMfa(const OrgAccess& org, const IamUserKey& key, const MfaEnrollment& enrollment) {
  aws::ClientConfig config = enrollment.aws;
  config.region = org.regions.front();
  aws::Credentials credentials;
  credentials.access_key_id = key.access_key_id;
  credentials.secret_access_key = key.secret_access_key;
  credentials.source = "stored IAM user key";
  config.credentials = std::make_shared<aws::StaticCredentialsProvider>(credentials);
  aws::IamClient iam(std::move(config));

  const std::string& user = org.iam_user->user_name;
  auto device = iam.CreateVirtualMfaDevice(user);
  if (!device.ok()) {
    device.error().message = "could not create a virtual MFA device for " + user + ": " + device.error().message;
    return device.error();
  }
  enrollment.present(OtpauthUri(org, Base32Seed(device->base32_string_seed)));
  auto codes = enrollment.read_codes();
  Status enabled = codes.ok() ? iam.EnableMfaDevice(user, device->serial_number, codes->first, codes->second)
                              : Status(codes.error());
  if (!enabled.ok()) {
    // Left behind, the unenabled device would block the next enrollment.
    (void)iam.DeleteVirtualMfaDevice(device->serial_number);
    enabled.error().message = "MFA device " + device->serial_number + " was not enabled (and is deleted): " +
                              enabled.error().message;
    return enabled.error();
  }
  return device->serial_number;
}

}  // namespace foyer::login
