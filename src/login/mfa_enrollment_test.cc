#include "login/mfa_enrollment.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace foyer::login {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Each half block is three bytes of UTF-8, a space one.
size_t Columns(const std::string& line) {
  size_t columns = 0;
  for (unsigned char c : line) columns += (c & 0xC0) != 0x80;
  return columns;
}

TEST(OtpauthUriTest, NamesIssuerOrgAndUser) {
  OrgAccess org;
  org.name = "acme";
  org.iam_user = IamUserSettings{"alice", "", ""};
  EXPECT_EQ(OtpauthUri(org, "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/foyer:acme%20alice?secret=JBSWY3DPEHPK3PXP&issuer=foyer");
}

TEST(RenderQrCodeTest, DrawsAVersion1CodeWithQuietZone) {
  auto drawing = RenderQrCode("hello");
  ASSERT_TRUE(drawing.ok());
  // Version 1: 21 modules, plus 4 of quiet zone each side = 29; 15 lines.
  auto lines = Lines(*drawing);
  ASSERT_EQ(lines.size(), 15u);
  for (const auto& line : lines) EXPECT_EQ(Columns(line), 29u);
  // The first two module rows are quiet zone: all light.
  std::string all_light;
  for (int i = 0; i < 29; ++i) all_light += "\u2588";
  EXPECT_EQ(lines[0], all_light);
  // Row 4 starts the finder pattern: four light modules, then seven dark.
  // Line 2 holds rows 4 (top, dark in the finder) and 5 (bottom).
  EXPECT_EQ(lines[2].substr(0, 4 * 3), "\u2588\u2588\u2588\u2588");
  EXPECT_EQ(lines[2].substr(4 * 3, 1), " ");
}

TEST(RenderQrCodeTest, RefusesTextTooLongForAQrCode) {
  EXPECT_FALSE(RenderQrCode(std::string(8000, 'x')).ok());
}

}  // namespace
}  // namespace foyer::login
