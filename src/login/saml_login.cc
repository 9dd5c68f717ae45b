#include "login/saml_login.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "aws/sts.h"
#include "base/base64.h"
#include "login/browser.h"
#include "login/regional_sts.h"
#include "login/saml_acs_listener.h"
#include "spec/spec_loader.h"
#include "store/private_file.h"

namespace foyer::login {
namespace {

// Real metadata and responses are kilobytes; this bounds what is read.
constexpr std::size_t kMaxDocument = 1 << 20;
constexpr std::chrono::seconds kSignInTimeout{300};

Error LoginNeeded(const std::string& code, const std::string& message) {
  Error error = MakeError(code, message);
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

Result<std::string> ReadAssertionFile(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file.is_open()) return LoginNeeded("SamlInputError", "could not read the SAML response file " + path);
    text.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  if (text.size() > kMaxDocument) return LoginNeeded("SamlInputError", "the SAML response is larger than 1 MiB");
  if (text.empty()) {
    return LoginNeeded("SamlInputError", "the SAML response " + (path == "-" ? std::string("on stdin") : path) +
                                             " is empty");
  }
  return text;
}

// The browser flow: the person signs in at the IdP, which has their browser
// POST the response to the loopback ACS.
Result<std::string> ReceiveFromIdp(const SamlSettings& settings, SamlAcsListener& listener,
                                   const LoginOptions& options) {
  if (options.present_url) options.present_url(settings.sign_in_url);
  // The URL is already shown: a browser that cannot start is no failure.
  if (options.open_browser) (void)OpenInBrowser(settings.sign_in_url);
  return listener.WaitForResponse(kSignInTimeout);
}

// sts:AssumeRoleWithSAML region by region, asking for one hour when the
// role or the assertion does not allow the longer session.
Result<aws::AssumedRole> AssumeLandingRoleWithSaml(const OrgAccess& org, const LoginOptions& options,
                                                   const SamlRole& role, const std::string& response_xml) {
  aws::AssumeRoleWithSamlRequest request;
  request.role_arn = role.role_arn;
  request.principal_arn = role.provider_arn;
  request.saml_assertion = Base64Encode(response_xml);
  auto assumed = AssumeWithHourFallback(options.aws, org.regions, options.duration_seconds,
                                        [&request](aws::StsClient& sts, int duration_seconds) {
                                          request.duration_seconds = duration_seconds;
                                          return sts.AssumeRoleWithSaml(request);
                                        });
  if (!assumed.ok()) {
    assumed.error().message = "could not assume the landing role " + request.role_arn + " of group '" +
                              options.group + "': " + assumed.error().message;
  }
  return assumed;
}

std::string ListRoles(const std::vector<SamlRole>& roles) {
  std::string out;
  for (const auto& role : roles) out += "\n  " + role.role_arn + " (through " + role.provider_arn + ")";
  return out;
}

Result<SamlRole> AskWhichProvider(const std::vector<SamlRole>& matching) {
  std::fprintf(stderr, "The IdP offers this role through several SAML providers:\n");
  for (size_t i = 0; i < matching.size(); ++i) {
    std::fprintf(stderr, "  %zu) %s\n", i + 1, matching[i].provider_arn.c_str());
  }
  std::fprintf(stderr, "Which one [1-%zu]? ", matching.size());
  std::fflush(stderr);
  std::string answer;
  std::getline(std::cin, answer);
  size_t choice = 0;
  std::istringstream(answer) >> choice;
  if (choice < 1 || choice > matching.size()) return LoginNeeded("SamlRoleChoice", "no SAML provider was chosen");
  return matching[choice - 1];
}

}  // namespace

Result<std::string> InstallSamlMetadata(const std::string& source, const std::string& config_path,
                                        const std::string& org_name) {
  auto text = spec::ReadTextFile(source);
  if (!text.ok()) return text.error();
  auto metadata = ParseSamlMetadata(*text);
  if (!metadata.ok()) {
    metadata.error().message = source + ": " + metadata.error().message;
    return metadata.error();
  }
  std::filesystem::path folder = std::filesystem::path(config_path).parent_path() / "saml";
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return MakeError("ConfigError", "could not create " + folder.string() + ": " + error.message());
  std::string relative = "saml/" + org_name + "-idp-metadata.xml";
  std::filesystem::path target = folder / (org_name + "-idp-metadata.xml");
  if (Status saved = store::ReplacePrivateFile(target, *text, target.string() + ".tmp"); !saved.ok()) {
    return saved.error();
  }
  return relative;
}

Result<SamlIdpMetadata> LoadSamlMetadata(const SamlSettings& settings, const std::string& config_path) {
  std::filesystem::path path(settings.metadata_file);
  if (path.is_relative()) path = std::filesystem::path(config_path).parent_path() / path;
  auto text = store::ReadPrivateFile(path, kMaxDocument);
  if (!text.ok()) return text.error();
  if (!text->has_value()) {
    Error error = MakeError("ConfigError", "the SAML IdP metadata " + path.string() +
                                               " is missing; run `foyer configure --saml-metadata FILE`");
    error.exit_code = ExitCode::kLoginNeeded;
    return error;
  }
  auto metadata = ParseSamlMetadata(**text);
  if (!metadata.ok()) metadata.error().message = path.string() + ": " + metadata.error().message;
  return metadata;
}

std::vector<std::string> AcceptedSamlRecipients(const OrgAccess& org, const std::string& acs_url) {
  std::string partition = org.Partition();
  std::string domain = partition == "aws-cn"       ? "amazonaws.cn"
                       : partition == "aws-us-gov" ? "amazonaws-us-gov.com"
                                                   : "aws.amazon.com";
  std::vector<std::string> recipients = {"https://signin." + domain + "/saml"};
  for (const auto& region : org.regions) recipients.push_back("https://" + region + ".signin." + domain + "/saml");
  recipients.push_back(acs_url);
  return recipients;
}

Result<SamlRole> ChooseLandingRole(const SamlAssertion& assertion, const std::string& landing_role_arn,
                                   bool interactive) {
  std::vector<SamlRole> matching = RolesMatching(assertion, landing_role_arn);
  if (matching.empty()) {
    return LoginNeeded("SamlRoleNotOffered", "the IdP does not offer the landing role " + landing_role_arn +
                                                 " to you; it offers:" + ListRoles(assertion.roles) +
                                                 "\nlog in as one of those groups with --group, or ask for access");
  }
  if (matching.size() == 1) return matching[0];
  if (interactive) return AskWhichProvider(matching);
  return LoginNeeded("SamlRoleAmbiguous", "the IdP offers " + landing_role_arn +
                                              " through several SAML providers:" + ListRoles(matching) +
                                              "\nkeep one of them in the IdP's Role attribute, or log in on a terminal "
                                              "to choose");
}

Result<store::CachedCredentials> LogInWithSaml(const OrgAccess& org, const LoginOptions& options) {
  const SamlSettings& settings = *org.saml;
  std::string config_path = ClientConfigPath();
  auto metadata = LoadSamlMetadata(settings, config_path);
  if (!metadata.ok()) return metadata.error();

  std::string acs_url = "http://127.0.0.1:" + std::to_string(settings.acs_port) + "/saml";
  Result<std::string> posted = std::string();
  if (!options.saml_assertion_file.empty()) {
    posted = ReadAssertionFile(options.saml_assertion_file);
  } else if (settings.sign_in_url.empty()) {
    Error error = MakeError("ConfigError", "no SAML sign-in URL is configured for '" + org.name +
                                               "': run `foyer configure --org " + org.name +
                                               " --saml-sign-in-url URL`, or give the response with --assertion-file");
    error.exit_code = ExitCode::kUsage;
    return error;
  } else {
    auto listener = SamlAcsListener::Start(settings.acs_port);
    if (!listener.ok()) return listener.error();
    posted = ReceiveFromIdp(settings, **listener, options);
  }
  if (!posted.ok()) return posted.error();
  auto xml = SamlResponseXml(*posted);
  if (!xml.ok()) return xml.error();

  SamlExpectations expected;
  expected.idp = std::move(*metadata);
  if (!settings.audience.empty()) expected.audience = settings.audience;
  expected.recipients = AcceptedSamlRecipients(org, acs_url);
  expected.now = std::chrono::system_clock::now();
  auto assertion = VerifySamlResponse(*xml, expected);
  if (!assertion.ok()) return assertion.error();

  bool interactive = options.saml_assertion_file != "-" && ::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1;
  auto role = ChooseLandingRole(*assertion, org.LandingRoleArn(options.group), interactive);
  if (!role.ok()) return role.error();
  auto assumed = AssumeLandingRoleWithSaml(org, options, *role, *xml);
  if (!assumed.ok()) return assumed.error();
  store::CachedCredentials session;
  session.credentials = assumed->credentials;
  session.credentials.source = "login saml " + org.name + "/" + options.group;
  session.role_arn = role->role_arn;
  // STS copies SourceIdentity from the assertion; the verified assertion
  // says the same when STS does not echo it.
  session.source_identity = assumed->source_identity.empty() ? assertion->source_identity : assumed->source_identity;
  return session;
}

}  // namespace foyer::login
