#include "aws/log_redaction.h"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <cstdlib>

namespace foyer::aws {
namespace {

constexpr std::string_view kRedacted = "<redacted>";

// Lower case without '_' and '-': "client_secret" == "clientSecret".
std::string NormalizeName(std::string_view name) {
  std::string normalized;
  for (char c : name) {
    if (c == '_' || c == '-') continue;
    normalized += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return normalized;
}

// Field names (normalized) whose values never reach a log. Credentials,
// tokens of every OAuth/OIDC/SAML flow, passwords, MFA codes and seeds, KMS
// plaintext, console sign-in material, and presigned-URL signatures.
constexpr std::string_view kSecretFields[] = {
    "secretaccesskey", "secretkey", "sessiontoken", "token",
    "securitytoken", "xamzsecuritytoken", "xamzsignature", "signature",
    "webidentitytoken", "samlassertion", "samlresponse", "accesstoken",
    "refreshtoken", "idtoken", "clientsecret", "password", "oldpassword",
    "newpassword", "code", "codeverifier", "devicecode", "tokencode",
    "authenticationcode1", "authenticationcode2", "base32stringseed", "qrcodepng",
    "privatekey", "plaintext", "signintoken", "session", "sessionkey",
    "xamzssobearertoken",
};

bool IsSecretField(std::string_view name) {
  std::string normalized = NormalizeName(name);
  return std::find(std::begin(kSecretFields), std::end(kSecretFields), normalized) !=
         std::end(kSecretFields);
}

// In XML, <Code> is the error code of every AWS error response: worth
// seeing, and never secret there.
bool IsSecretXmlElement(std::string_view name) {
  size_t colon = name.find(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return NormalizeName(name) != "code" && IsSecretField(name);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string PercentDecode(std::string_view text) {
  std::string decoded;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      decoded += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

// Replaces the text of every secret element: <SessionToken>xyz</SessionToken>.
std::string RedactXml(std::string_view xml) {
  std::string out;
  size_t pos = 0;
  while (pos < xml.size()) {
    size_t open = xml.find('<', pos);
    if (open == std::string_view::npos) break;
    size_t close = xml.find('>', open);
    if (close == std::string_view::npos) break;
    out.append(xml.substr(pos, close + 1 - pos));
    pos = close + 1;
    std::string_view tag = xml.substr(open + 1, close - open - 1);
    if (tag.empty() || tag[0] == '/' || tag[0] == '?' || tag[0] == '!' || tag.back() == '/') continue;
    std::string_view name = tag.substr(0, tag.find_first_of(" \t\r\n"));
    if (!IsSecretXmlElement(name)) continue;
    size_t text_end = xml.find('<', pos);
    if (text_end == std::string_view::npos) text_end = xml.size();
    if (text_end > pos) out.append(kRedacted);
    pos = text_end;
  }
  out.append(xml.substr(pos));
  return out;
}

// The end (one past the closing quote) of the JSON string starting at
// `quote`, or npos when it is not terminated.
size_t JsonStringEnd(std::string_view json, size_t quote) {
  for (size_t i = quote + 1; i < json.size(); ++i) {
    if (json[i] == '\\') {
      ++i;
    } else if (json[i] == '"') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

size_t SkipBlanks(std::string_view text, size_t pos) {
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos;
}

// Replaces the string value of every secret member: "accessToken": "xyz".
// A tolerant scanner rather than a parser, so that truncated or malformed
// bodies are redacted too.
std::string RedactJson(std::string_view json) {
  std::string out;
  size_t pos = 0;
  while (pos < json.size()) {
    size_t quote = json.find('"', pos);
    if (quote == std::string_view::npos) break;
    size_t key_end = JsonStringEnd(json, quote);
    if (key_end == std::string_view::npos) break;
    out.append(json.substr(pos, key_end - pos));
    pos = key_end;
    size_t colon = SkipBlanks(json, key_end);
    if (colon >= json.size() || json[colon] != ':') continue;
    size_t value = SkipBlanks(json, colon + 1);
    if (value >= json.size() || json[value] != '"') continue;
    if (!IsSecretField(json.substr(quote + 1, key_end - quote - 2))) continue;
    size_t value_end = JsonStringEnd(json, value);
    out.append(json.substr(pos, value + 1 - pos));
    out.append(kRedacted);
    out += '"';
    if (value_end == std::string_view::npos) return out;
    pos = value_end;
  }
  out.append(json.substr(pos));
  return out;
}

bool LooksBinary(std::string_view body) {
  return std::any_of(body.begin(), body.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t' && c != '\r' && c != '\n') || byte == 0x7f;
  });
}

// The body as it goes into the log: redacted, then cut to kMaxLoggedBody.
std::string LoggedBody(std::string_view body) {
  if (LooksBinary(body)) return "<" + std::to_string(body.size()) + " bytes of binary data>";
  std::string redacted = RedactBody(body);
  if (redacted.size() > kMaxLoggedBody) {
    size_t more = redacted.size() - kMaxLoggedBody;
    redacted.resize(kMaxLoggedBody);
    redacted += "\n... (" + std::to_string(more) + " more bytes)";
  }
  return redacted;
}

std::string HeadersAndBody(const HeaderList& headers, std::string_view body) {
  std::string text;
  for (const auto& [name, value] : headers) {
    text += name + ": " + RedactHeaderValue(name, value) + "\n";
  }
  if (!body.empty()) text += "\n" + LoggedBody(body) + "\n";
  return text;
}

}  // namespace

bool DebugLogEnabled() {
  const char* value = std::getenv("FOYER_DEBUG");
  return value != nullptr && *value != '\0' && std::string_view(value) != "0";
}

std::string RedactHeaderValue(std::string_view name, std::string_view value) {
  std::string normalized = NormalizeName(name);
  if (normalized == "authorization" || normalized == "proxyauthorization") {
    if (value.starts_with("AWS4-")) {
      size_t signature = value.find("Signature=");
      if (signature == std::string_view::npos) return std::string(value);
      size_t end = value.find(',', signature);
      std::string redacted(value.substr(0, signature + 10));
      redacted += kRedacted;
      if (end != std::string_view::npos) redacted += value.substr(end);
      return redacted;
    }
    size_t space = value.find(' ');
    if (space == std::string_view::npos) return std::string(kRedacted);
    return std::string(value.substr(0, space + 1)) + std::string(kRedacted);
  }
  if (normalized == "cookie" || normalized == "setcookie" || IsSecretField(normalized)) {
    return std::string(kRedacted);
  }
  return std::string(value);
}

std::string RedactFormFields(std::string_view form) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t amp = form.find('&', pos);
    std::string_view field = form.substr(pos, amp == std::string_view::npos ? amp : amp - pos);
    size_t equals = field.find('=');
    if (equals != std::string_view::npos && IsSecretField(PercentDecode(field.substr(0, equals)))) {
      out.append(field.substr(0, equals + 1));
      out.append(kRedacted);
    } else {
      out.append(field);
    }
    if (amp == std::string_view::npos) return out;
    out += '&';
    pos = amp + 1;
  }
}

std::string RedactUrl(std::string_view url) {
  size_t question = url.find('?');
  if (question == std::string_view::npos) return std::string(url);
  size_t fragment = url.find('#', question);
  std::string_view query = url.substr(question + 1, fragment == std::string_view::npos
                                                        ? fragment
                                                        : fragment - question - 1);
  std::string out(url.substr(0, question + 1));
  out += RedactFormFields(query);
  if (fragment != std::string_view::npos) out.append(url.substr(fragment));
  return out;
}

std::string RedactBody(std::string_view body) {
  size_t first = SkipBlanks(body, 0);
  if (first == body.size()) return std::string(body);
  if (body[first] == '<') return RedactXml(body);
  if (body[first] == '{' || body[first] == '[') return RedactJson(body);
  return RedactFormFields(body);
}

std::string RedactForLog(const HttpRequest& request) {
  return request.method + " " + RedactUrl(request.url) + "\n" +
         HeadersAndBody(request.headers, request.body);
}

std::string RedactForLog(const HttpResponse& response) {
  return "HTTP " + std::to_string(response.status) + "\n" +
         HeadersAndBody(response.headers, response.body);
}

}  // namespace foyer::aws
