#include "creds/default_chain.h"

namespace foyer::creds {

Result<Session> ResolveSession(const std::string& profile) {
  return ResolveSessionIn(profile, ChainContext{},
                          [](const Session& session) { return AwsServiceCalls(ClientConfigFor(session)); });
}

aws::ClientConfig ClientConfigFor(const Session& session) {
  aws::ClientConfig config;
  config.region = session.region;
  config.credentials = session.credentials;
  config.profile_endpoint_url = session.endpoint_url;
  config.retry = session.retry;
  return config;
}

}  // namespace foyer::creds
