// Opening a URL in the person's browser.
#ifndef FOYER_LOGIN_BROWSER_H_
#define FOYER_LOGIN_BROWSER_H_

#include <string>

#include "base/result.h"

namespace foyer::login {

// Runs $BROWSER (when set) or xdg-open / open with the URL as its only
// argument, without a shell, and does not wait for it. An error says the
// URL could not be opened; the caller has printed it already, so a person
// can open it by hand.
Status OpenInBrowser(const std::string& url);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_BROWSER_H_
