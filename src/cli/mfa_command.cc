#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "login/client_config.h"
#include "login/iam_user_login.h"
#include "login/mfa_enrollment.h"

namespace foyer::cli {
namespace {

struct MfaEnrollOptions {
  std::string org;
};

void PresentDevice(const std::string& otpauth_uri) {
  auto drawing = login::RenderQrCode(otpauth_uri);
  std::fprintf(stderr, "Scan this QR code with your authenticator app:\n\n%s\n",
               drawing.ok() ? drawing->c_str() : "(too long for a QR code)\n");
  std::fprintf(stderr, "or add this URI to it:\n\n  %s\n\n", otpauth_uri.c_str());
  std::fflush(stderr);
}

Result<std::string> ReadCode(const char* prompt) {
  std::fprintf(stderr, "%s", prompt);
  std::fflush(stderr);
  std::string line;
  if (!std::getline(std::cin, line)) return MakeError("MfaCodeNeeded", "no MFA code was typed");
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

Result<std::pair<std::string, std::string>> ReadTwoCodes() {
  auto first = ReadCode("First code shown by the app: ");
  if (!first.ok()) return first.error();
  auto second = ReadCode("Next code (wait until the first one changes): ");
  if (!second.ok()) return second.error();
  return std::make_pair(*first, *second);
}

Status RecordSerial(const std::string& org_name, const std::string& serial) {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return config.error();
  auto org = config->Select(org_name);
  if (!org.ok()) return org.error();
  login::OrgAccess updated = **org;
  updated.iam_user->mfa_serial = serial;
  config->Upsert(std::move(updated));
  return login::SaveClientConfig(login::ClientConfigPath(), *config);
}

int RunMfaEnroll(const MfaEnrollOptions& options) {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return ReportError(config.error());
  auto selected = config->Select(options.org);
  if (!selected.ok()) return ReportError(selected.error());
  const login::OrgAccess& org = **selected;
  if (!org.iam_user) {
    Error error = MakeError("ConfigError", "organization '" + org.name + "' has no IAM user; run `foyer configure --org " +
                                               org.name + " --method iam-user --iam-user NAME` first");
    error.exit_code = ExitCode::kUsage;
    return ReportError(error);
  }
  // The QR code carries the device's seed: it is only ever shown to a person.
  if (::isatty(STDIN_FILENO) != 1 || ::isatty(STDERR_FILENO) != 1) {
    Error error = MakeError("TerminalNeeded", "foyer mfa enroll shows the new device's secret as a QR code and reads "
                                              "codes from your app: run it in a terminal");
    error.exit_code = ExitCode::kLoginNeeded;
    return ReportError(error);
  }
  auto secrets = login::OpenDefaultSecretStore();
  if (!secrets.ok()) return ReportError(secrets.error());
  auto key = login::LoadIamUserKey(**secrets, org);
  if (!key.ok()) return ReportError(key.error());

  login::MfaEnrollment enrollment;
  enrollment.present = PresentDevice;
  enrollment.read_codes = ReadTwoCodes;
  auto serial = login::EnrollVirtualMfa(org, *key, enrollment);
  if (!serial.ok()) return ReportError(serial.error());
  Status recorded = RecordSerial(org.name, *serial);
  if (!recorded.ok()) return ReportError(recorded.error());
  std::fprintf(stderr, "MFA device %s is enabled for %s and recorded in %s.\n", serial->c_str(),
               org.iam_user->user_name.c_str(), login::ClientConfigPath().c_str());
  return 0;
}

}  // namespace

void AddMfaCommand(CLI::App& root, Runner& selected) {
  auto* command = root.add_subcommand("mfa", "Manage the MFA device of your IAM user");
  command->require_subcommand(1);
  auto options = std::make_shared<MfaEnrollOptions>();
  auto* enroll = command->add_subcommand("enroll", "Create and enable a virtual MFA device (QR code in the terminal)");
  enroll->add_option("--org", options->org, "Organization of the client configuration (default: default_org)");
  enroll->callback([&selected, options] { selected = [options] { return RunMfaEnroll(*options); }; });
}

}  // namespace foyer::cli
