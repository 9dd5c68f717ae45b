// Handing a session to other programs: the credential_process JSON the AWS
// SDKs read, shell exports for `foyer assume`, and the variables `foyer exec`
// sets.
#ifndef FOYER_ACCESS_EXPORTS_H_
#define FOYER_ACCESS_EXPORTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/credentials.h"

namespace foyer::access {

enum class ExportFormat { kSh, kFish, kPowershell, kJson };

// "sh", "fish", "powershell", "json".
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// {"Version":1,"AccessKeyId":...,"SecretAccessKey":...,"SessionToken":...,
//  "Expiration":"<RFC 3339>"} on one line, the format of the SDKs'
// credential_process (Expiration left out for long-term keys).
std::string CredentialProcessJson(const aws::Credentials& credentials);

// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
// AWS_CREDENTIAL_EXPIRATION (when there is one), AWS_REGION and
// AWS_DEFAULT_REGION (what AWS CLI v1 and older SDKs read), in that order.
std::vector<std::pair<std::string, std::string>> SessionVariables(const aws::Credentials& credentials,
                                                                  const std::string& region);

// `value` quoted for a POSIX shell: inside single quotes, each ' as '\''.
std::string ShellQuote(std::string_view value);

// The variables as statements of `format`, one a line (a JSON object for
// kJson), each value quoted so that no character of it is interpreted.
std::string RenderExports(const std::vector<std::pair<std::string, std::string>>& variables, ExportFormat format);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_EXPORTS_H_
