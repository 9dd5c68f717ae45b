#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/arn.h"
#include "aws/sts.h"
#include "base/time_format.h"
#include "cli/commands.h"
#include "creds/default_chain.h"
#include "ui/table.h"

namespace foyer::cli {
namespace {

struct WhoamiOptions {
  std::string profile;
  std::string format = "text";
};

// Everything whoami knows: what STS says, and what foyer knows of the
// credentials it used.
struct WhoamiReport {
  aws::CallerIdentity identity;
  aws::Principal principal;
  aws::Credentials credentials;
  creds::Session session;
};

nlohmann::ordered_json ToJson(const WhoamiReport& report) {
  // The first three keys are exactly those of `aws sts get-caller-identity`.
  nlohmann::ordered_json json = {{"UserId", report.identity.user_id},
                         {"Account", report.identity.account},
                         {"Arn", report.identity.arn},
                         {"PrincipalType", report.principal.type},
                         {"Region", report.session.region},
                         {"CredentialSource", report.credentials.source}};
  if (!report.principal.name.empty()) json["PrincipalName"] = report.principal.name;
  if (!report.principal.session.empty()) json["SessionName"] = report.principal.session;
  if (!report.session.profile.empty()) json["Profile"] = report.session.profile;
  if (report.credentials.expiration) json["Expiration"] = FormatRfc3339(*report.credentials.expiration);
  return json;
}

ui::Table ToTable(const WhoamiReport& report) {
  ui::Table table;
  table.AddRow({"Account", report.identity.account});
  table.AddRow({"Arn", report.identity.arn});
  table.AddRow({"UserId", report.identity.user_id});
  std::string principal = report.principal.type;
  if (!report.principal.name.empty()) principal += " " + report.principal.name;
  if (!report.principal.session.empty()) principal += " (session " + report.principal.session + ")";
  table.AddRow({"Principal", principal});
  if (!report.session.profile.empty()) table.AddRow({"Profile", report.session.profile});
  table.AddRow({"Credentials", report.credentials.source});
  table.AddRow({"Region", report.session.region});
  if (report.credentials.expiration) {
    auto expiry = *report.credentials.expiration;
    table.AddRow({"Expires", FormatRfc3339(expiry) + " (" + DescribeRemaining(expiry, aws::Clock::now()) + ")"});
  }
  return table;
}

int RunWhoami(const WhoamiOptions& options) {
  auto session = creds::ResolveSession(options.profile);
  if (!session.ok()) return ReportError(session.error());
  auto credentials = session->credentials->Retrieve();
  if (!credentials.ok()) return ReportError(credentials.error());

  aws::ClientConfig config = creds::ClientConfigFor(*session);
  config.credentials = std::make_shared<aws::StaticCredentialsProvider>(*credentials);
  aws::StsClient sts(std::move(config));
  auto identity = sts.GetCallerIdentity();
  if (!identity.ok()) return ReportError(identity.error());

  WhoamiReport report{*identity, {}, *credentials, *session};
  if (auto arn = aws::ParseArn(identity->arn); arn.ok()) report.principal = aws::DescribePrincipal(*arn);
  if (options.format == "json") {
    std::printf("%s\n", ToJson(report).dump(2).c_str());
  } else {
    std::fputs(ToTable(report).Render().c_str(), stdout);
  }
  return 0;
}

}  // namespace

void AddWhoamiCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<WhoamiOptions>();
  auto* command = root.add_subcommand("whoami", "Show who and where the current credentials are");
  command->add_option("--profile", options->profile,
                      "AWS profile to use (default: AWS_DEFAULT_PROFILE, AWS_PROFILE, then 'default')");
  command->add_option("--format", options->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  command->callback([&selected, options] { selected = [options] { return RunWhoami(*options); }; });
}

}  // namespace foyer::cli
