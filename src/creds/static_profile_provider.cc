#include "creds/static_profile_provider.h"

namespace foyer::creds {

bool ProfileHasStaticKeys(const Profile& profile) { return profile.Has("aws_access_key_id"); }

Result<std::shared_ptr<aws::CredentialsProvider>> StaticProfileProvider(const Profile& profile) {
  const std::string* access_key = profile.Find("aws_access_key_id");
  const std::string* secret_key = profile.Find("aws_secret_access_key");
  if (access_key == nullptr || secret_key == nullptr) {
    const char* present = access_key ? "aws_access_key_id" : "aws_secret_access_key";
    const char* missing = access_key ? "aws_secret_access_key" : "aws_access_key_id";
    return MakeError("PartialCredentials", profile.Where(present) + ": profile " + profile.name +
                                               " sets " + present + " but not " + missing +
                                               "; add it next to the other");
  }
  aws::Credentials credentials;
  credentials.access_key_id = *access_key;
  credentials.secret_access_key = *secret_key;
  for (const char* token_key : {"aws_security_token", "aws_session_token"}) {
    if (const std::string* token = profile.Find(token_key)) {
      credentials.session_token = *token;
      break;
    }
  }
  credentials.source = "profile " + profile.name;
  return std::shared_ptr<aws::CredentialsProvider>(
      std::make_shared<aws::StaticCredentialsProvider>(std::move(credentials)));
}

}  // namespace foyer::creds
