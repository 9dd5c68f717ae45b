#include "spec/spec_validation.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/account_id.h"
#include "spec/suggest.h"

namespace foyer::spec {
namespace {

std::string Quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

std::string PositionText(SourcePosition at) {
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

// The name rules below are written out by hand rather than with
// std::regex, whose matcher recurses once per character and so overflows
// the stack on a long value.

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) {
  return IsAsciiLower(c) || IsAsciiDigit(c) || (c >= 'A' && c <= 'Z');
}

// True when `text` has 1 to `max_length` characters, each a letter, a
// digit or one of `punctuation`.
bool IsWord(std::string_view text, size_t max_length, std::string_view punctuation) {
  if (text.empty() || text.size() > max_length) return false;
  return std::all_of(text.begin(), text.end(), [punctuation](char c) {
    return IsAsciiAlnum(c) || punctuation.find(c) != std::string_view::npos;
  });
}

bool AllOf(std::string_view text, bool (*predicate)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), predicate);
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}


// IAM role and user names: letters, digits and +=,.@_- (IAM API reference).
bool IsIamName(std::string_view name) { return IsWord(name, 64, "+=,.@_-"); }

// Group names also travel in the FoyerGroups session tag (":g1:g2:"),
// whose values do not allow ','.
bool IsGroupName(std::string_view name) { return IsWord(name, 64, "+=.@_-"); }

// arn:<partition>:iam::<aws or account id>:policy/<path and name>
bool IsManagedPolicyArn(std::string_view arn) {
  std::vector<std::string_view> parts = Split(arn, ':');
  if (parts.size() != 6 || parts[0] != "arn" || parts[2] != "iam" || !parts[3].empty()) {
    return false;
  }
  const std::string_view partition = parts[1];
  if (partition != "aws" && partition != "aws-cn" && partition != "aws-us-gov") return false;
  if (parts[4] != "aws" && !IsAccountId(parts[4])) return false;
  return parts[5].size() > 7 && parts[5].substr(0, 7) == "policy/";
}

bool HasWhitespace(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

// The host (and port) of `url` after `scheme`, or "" when the URL does not
// start with it.
std::string_view Authority(std::string_view url, std::string_view scheme) {
  if (url.substr(0, scheme.size()) != scheme) return "";
  std::string_view rest = url.substr(scheme.size());
  return rest.substr(0, rest.find_first_of("/?#"));
}

bool IsHttpsUrl(std::string_view url) {
  return !HasWhitespace(url) && !Authority(url, "https://").empty();
}

bool IsLoopbackHttpUrl(std::string_view url) {
  if (HasWhitespace(url)) return false;
  std::string_view authority = Authority(url, "http://");
  for (std::string_view host : {"localhost", "127.0.0.1", "[::1]"}) {
    if (authority == host) return true;
    if (authority.substr(0, host.size()) == host && authority[host.size()] == ':') return true;
  }
  return false;
}

// local@domain.tld with the characters RFC 5322 allows unquoted in the
// local part, and a domain of at least two labels.
bool IsEmailAddress(std::string_view address) {
  const size_t at = address.find('@');
  if (at == std::string_view::npos) return false;
  if (!IsWord(address.substr(0, at), address.size(), ".!#$%&'*+/=?^_`{|}~-")) return false;
  std::vector<std::string_view> labels = Split(address.substr(at + 1), '.');
  return labels.size() >= 2 && std::all_of(labels.begin(), labels.end(), [](std::string_view label) {
           return IsWord(label, label.size(), "-");
         });
}

class Validator {
 public:
  explicit Validator(const Spec& spec) : spec_(spec), diagnostics_{spec.source_file, {}} {}

  std::vector<Diagnostic> Run() {
    CheckOrganization();
    CheckAccounts();
    CheckDomains();
    CheckRoles();
    CheckGroups();
    CheckIdentity();
    CheckTerraform();
    CheckCi();
    return std::move(diagnostics_.list);
  }

 private:
  void Error(SourcePosition at, std::string message) { diagnostics_.Add(at, std::move(message)); }

  void CheckAccountNamePart(std::string_view kind, const LocatedString& name) {
    if (IsValidAccountNamePart(name.value)) return;
    Error(name.at, std::string(kind) + " name " + Quoted(name.value) +
                       " must hold only lowercase letters, digits and '-', start with a letter "
                       "and not end with '-'");
  }

  // Reports every name listed more than once in `list`.
  void CheckNoRepeats(std::string_view kind, const NameList& list) {
    std::map<std::string, SourcePosition> seen;
    for (const LocatedString& item : list.items) {
      auto [first, inserted] = seen.emplace(item.value, item.at);
      if (!inserted) {
        Error(item.at, std::string(kind) + " " + Quoted(item.value) + " is listed twice (first at " +
                           PositionText(first->second) + ")");
      }
    }
  }

  void CheckKnown(std::string_view kind, const NameList& list, std::string_view where,
                  const NameList& known) {
    for (const LocatedString& item : list.items) {
      if (known.Contains(item.value)) continue;
      Error(item.at, UnknownNameMessage(kind, item.value, where, known.Values()));
    }
  }

  void CheckOrganization();
  void CheckEmailTemplate();
  void CheckAccounts();
  void CheckDomains();
  void CheckSelector(const std::optional<Selector>& selector, const std::string& owner);
  void CheckRoles();
  void CheckRole(const Role& role);
  void CheckGroups();
  void CheckGroup(const Group& group);
  void CheckIdentity();
  void CheckOidc(const OidcIdentity& oidc);
  void CheckTerraform();
  void CheckCi();
  void CheckCiIdentity(const CiIdentity& ci);

  const Spec& spec_;
  Diagnostics diagnostics_;
};

void Validator::CheckOrganization() {
  const Organization& organization = spec_.organization;
  const LocatedString& id = organization.management_account_id;
  if (!IsAccountId(id.value)) {
    Error(id.at, "management_account_id " + Quoted(id.value) + " must be 12 digits");
  }
  CheckEmailTemplate();
  if (organization.regions.items.size() < 2) {
    Error(organization.regions.at,
          "at least two regions are required so that access survives a regional outage "
          "(rule S5); found " + std::to_string(organization.regions.items.size()));
  }
  for (const LocatedString& region : organization.regions.items) {
    if (!IsRegionName(region.value)) {
      Error(region.at, Quoted(region.value) + " is not an AWS region name like 'us-east-1'");
    }
  }
  CheckNoRepeats("region", organization.regions);
  if (organization.environments.items.empty()) {
    Error(organization.environments.at, "at least one environment is required");
  }
  for (const LocatedString& name : organization.environments.items) {
    CheckAccountNamePart("environment", name);
  }
  CheckNoRepeats("environment", organization.environments);
  if (organization.qualities.items.empty()) {
    Error(organization.qualities.at, "at least one quality is required; omit 'qualities' for the "
                                     "default [\"default\"]");
  }
  for (const LocatedString& name : organization.qualities.items) {
    CheckAccountNamePart("quality", name);
  }
  CheckNoRepeats("quality", organization.qualities);
}

// The template must give every account its own address, so `{account}`
// appears exactly once, in the local part (plus addressing such as
// aws+{account}@example.com reaches one mailbox).
void Validator::CheckEmailTemplate() {
  const LocatedString& email = spec_.organization.email;
  const std::string& text = email.value;
  const std::string placeholder = "{account}";
  const size_t first = text.find(placeholder);
  if (first == std::string::npos) {
    Error(email.at, "email " + Quoted(text) + " has no '{account}': every account needs its own "
                    "root email; write e.g. 'aws+{account}@example.com'");
    return;
  }
  if (text.find(placeholder, first + 1) != std::string::npos) {
    Error(email.at, "email " + Quoted(text) + " must contain '{account}' exactly once");
    return;
  }
  std::string sample = text;
  sample.replace(first, placeholder.size(), "account");
  const size_t at_sign = text.find('@');
  if (!IsEmailAddress(sample) || at_sign < first) {
    Error(email.at, "email " + Quoted(text) + " is not an address template like "
                    "'aws+{account}@example.com' ('{account}' goes before the '@')");
  }
}

void Validator::CheckAccounts() {
  const SpecialAccounts& accounts = spec_.accounts;
  CheckAccountNamePart("account", accounts.admin);
  if (accounts.audit) CheckAccountNamePart("account", *accounts.audit);
  if (accounts.deploy) CheckAccountNamePart("account", *accounts.deploy);
  if (!accounts.audit && spec_.guardrails.protect_audit_trail) {
    Error(accounts.at, "guardrail 'protect_audit_trail' needs an audit account: add 'audit' to "
                       "[accounts], or set protect_audit_trail = false in [guardrails]");
  }
}

void Validator::CheckDomains() {
  std::map<std::string, SourcePosition> seen;
  for (const Domain& domain : spec_.domains) {
    const std::string where = "in [[domain]] " + Quoted(domain.name.value);
    CheckAccountNamePart("domain", domain.name);
    auto [first, inserted] = seen.emplace(domain.name.value, domain.name.at);
    if (!inserted) {
      Error(domain.name.at, "domain " + Quoted(domain.name.value) + " is declared twice (first at " +
                                PositionText(first->second) + ")");
    }
    CheckKnown("environment", domain.environments, where, spec_.organization.environments);
    CheckKnown("quality", domain.qualities, where, spec_.organization.qualities);
    CheckNoRepeats("environment", domain.environments);
    CheckNoRepeats("quality", domain.qualities);
    if (domain.environments.items.empty() || domain.qualities.items.empty()) {
      Error(domain.name.at, "domain " + Quoted(domain.name.value) +
                                " has no environment or no quality, so it would have no account");
    }
  }
}

// The names a selector uses must exist; whether it picks any account is
// checked in the org layer, which knows the account list.
void Validator::CheckSelector(const std::optional<Selector>& selector, const std::string& owner) {
  if (!selector) return;
  const std::string where = "in the selector of " + owner;
  if (!selector->domains && !selector->environments && !selector->qualities &&
      !selector->accounts) {
    Error(selector->at, "the selector of " + owner +
                            " is empty and picks no account; remove 'in' to pick every account");
    return;
  }
  if (selector->domains) {
    NameList domains;
    for (const Domain& domain : spec_.domains) domains.items.push_back(domain.name);
    CheckKnown("domain", *selector->domains, where, domains);
  }
  if (selector->environments) {
    CheckKnown("environment", *selector->environments, where, spec_.organization.environments);
  }
  if (selector->qualities) {
    CheckKnown("quality", *selector->qualities, where, spec_.organization.qualities);
  }
}

void Validator::CheckRoles() {
  std::map<std::string, SourcePosition> seen;
  for (const Role& role : spec_.roles) {
    CheckRole(role);
    auto [first, inserted] = seen.emplace(Lowercase(role.name.value), role.name.at);
    if (!inserted) {
      Error(role.name.at, "role " + Quoted(role.name.value) + " is declared twice (first at " +
                              PositionText(first->second) + "; IAM role names ignore case)");
    }
  }
}

void Validator::CheckRole(const Role& role) {
  const std::string owner = "[[role]] " + Quoted(role.name.value);
  if (IsBuiltinRole(role.name.value)) {
    Error(role.name.at, "role " + Quoted(role.name.value) +
                            " is built in and cannot be redefined; choose another name");
  } else if (!IsIamName(role.name.value)) {
    Error(role.name.at, "role name " + Quoted(role.name.value) +
                            " must be 1 to 64 letters, digits or + = , . @ _ - (IAM role names)");
  } else if (Lowercase(role.name.value).rfind(kCiRolePrefix, 0) == 0) {
    Error(role.name.at, "role name " + Quoted(role.name.value) + " starts with '" + std::string(kCiRolePrefix) +
                            "', which is reserved for the deploy roles of [[ci]] pipelines; choose another name");
  }
  CheckSelector(role.in, owner);
  for (const LocatedString& arn : role.managed_policies.items) {
    if (!IsManagedPolicyArn(arn.value)) {
      Error(arn.at, Quoted(arn.value) +
                        " is not a managed policy ARN like 'arn:aws:iam::aws:policy/ReadOnlyAccess'");
    }
  }
  CheckNoRepeats("managed policy", role.managed_policies);
  if (role.managed_policies.items.size() > 20) {
    Error(role.managed_policies.at,
          owner + " attaches " + std::to_string(role.managed_policies.items.size()) +
              " managed policies; IAM allows at most 20 per role");
  }
  const int64_t duration = role.max_session_duration.value;
  if (duration < 3600 || duration > 43200) {
    Error(role.max_session_duration.at,
          "max_session_duration of " + owner + " must be between 3600 and 43200 seconds, not " +
              std::to_string(duration));
  }
}

void Validator::CheckGroups() {
  std::map<std::string, SourcePosition> seen;
  const std::vector<std::string> roles = KnownRoleNames(spec_);
  for (const Group& group : spec_.groups) {
    CheckGroup(group);
    auto [first, inserted] = seen.emplace(Lowercase(group.name.value), group.name.at);
    if (!inserted) {
      Error(group.name.at, "group " + Quoted(group.name.value) + " is declared twice (first at " +
                               PositionText(first->second) + "; IAM role names ignore case)");
    }
    for (const std::string& role : roles) {
      if (Lowercase(role) != Lowercase(group.name.value)) continue;
      Error(group.name.at, "group " + Quoted(group.name.value) + " has the name of role " +
                               Quoted(role) + "; both would be IAM roles in the admin account, "
                               "so rename the group");
    }
  }
}

void Validator::CheckGroup(const Group& group) {
  const std::string owner = "[[group]] " + Quoted(group.name.value);
  if (!IsGroupName(group.name.value)) {
    Error(group.name.at, "group name " + Quoted(group.name.value) +
                             " must be 1 to 64 letters, digits or + = . @ _ - (it names the "
                             "group's landing role and travels in session tags)");
  }
  const std::vector<std::string> roles = KnownRoleNames(spec_);
  for (size_t i = 0; i < group.grants.size(); ++i) {
    const Grant& grant = group.grants[i];
    const std::string grant_name = "grant #" + std::to_string(i + 1) + " of " + owner;
    const std::string& role = grant.role.value;
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) {
      Error(grant.role.at, UnknownNameMessage("role", role, "in " + grant_name, roles));
    } else if (IsManagementRole(role) && grant.in) {
      Error(grant.in->at, "role " + Quoted(role) + " exists only in the management account; "
                          "remove 'in' from " + grant_name);
      continue;
    }
    CheckSelector(grant.in, grant_name);
  }
  const auto& oidc = spec_.identity.oidc;
  if (oidc && oidc->group_match.value == GroupMatch::kSubject && group.members.items.empty()) {
    Error(group.name.at, "group " + Quoted(group.name.value) +
                             " has no members, but [identity.oidc] group_match = \"subject\" "
                             "lets in only the members listed");
  }
}

void Validator::CheckIdentity() {
  const Identity& identity = spec_.identity;
  if (identity.oidc) CheckOidc(*identity.oidc);
  if (identity.saml) {
    const LocatedString& name = identity.saml->provider_name;
    if (!IsWord(name.value, 128, "._-")) {
      Error(name.at, "provider_name " + Quoted(name.value) +
                         " must be 1 to 128 letters, digits or . _ - (IAM SAML provider names)");
    }
  }
  NameList groups;
  for (const Group& group : spec_.groups) groups.items.push_back(group.name);
  for (const IamUser& user : identity.iam_users) {
    const std::string where = "for IAM user " + Quoted(user.name.value);
    if (!IsIamName(user.name.value)) {
      Error(user.name.at, "IAM user name " + Quoted(user.name.value) +
                              " must be 1 to 64 letters, digits or + = , . @ _ -");
    }
    if (user.groups.items.empty()) {
      Error(user.groups.at, "IAM user " + Quoted(user.name.value) +
                                " is in no group, so could not land anywhere");
    }
    CheckKnown("group", user.groups, where, groups);
  }
  if (identity.identity_center) {
    const IdentityCenterIdentity& center = *identity.identity_center;
    if (!IsRegionName(center.region.value)) {
      Error(center.region.at,
            Quoted(center.region.value) + " is not an AWS region name like 'us-east-1'");
    }
    if (center.start_url && !IsHttpsUrl(center.start_url->value)) {
      Error(center.start_url->at, "start_url " + Quoted(center.start_url->value) +
                                      " must be an https URL");
    }
  }
}

void Validator::CheckOidc(const OidcIdentity& oidc) {
  const std::string& issuer = oidc.issuer.value;
  if (!IsHttpsUrl(issuer) && !IsLoopbackHttpUrl(issuer)) {
    Error(oidc.issuer.at, "issuer " + Quoted(issuer) +
                              " must be an https URL (plain http is accepted only on a "
                              "loopback host, for testing)");
  }
  if (oidc.client_id.value.empty()) {
    Error(oidc.client_id.at, "client_id in [identity.oidc] must not be empty");
  }
  if (!oidc.scopes.Contains("openid")) {
    Error(oidc.scopes.at, "scopes in [identity.oidc] must include 'openid'");
  }
}

void Validator::CheckTerraform() {
  const LocatedString& role = spec_.terraform.role;
  const std::vector<std::string> roles = KnownRoleNames(spec_);
  if (std::find(roles.begin(), roles.end(), role.value) == roles.end()) {
    Error(role.at, UnknownNameMessage("role", role.value, "in [terraform]", roles));
  } else if (IsManagementRole(role.value)) {
    Error(role.at, "'role' in [terraform] must be a role of member accounts, not " +
                       Quoted(role.value));
  }
}

// A repository path as the CI provider writes it in its tokens: segments of
// letters, digits, '.', '_' and '-', joined by '/'; exactly two for GitHub
// (owner/repo), at least two for GitLab (group[/subgroup...]/project). No
// wildcard can be written, so a trust can never match another repository.
bool IsRepositoryPath(std::string_view path, CiProvider provider) {
  std::vector<std::string_view> segments = Split(path, '/');
  if (segments.size() < 2 || (provider == CiProvider::kGithub && segments.size() != 2)) return false;
  for (std::string_view segment : segments) {
    if (segment.empty() || !IsWord(segment, 100, "._-")) return false;
  }
  return true;
}

// A git branch name as it appears in a token's subject. '*' and '?' are
// refused since they would be wildcards in a StringLike condition, ':' since
// it separates the subject's fields.
bool IsBranchName(std::string_view branch) {
  if (branch.empty() || branch.size() > 255 || HasWhitespace(branch)) return false;
  return branch.find_first_of("*?:") == std::string_view::npos;
}

void Validator::CheckCi() {
  std::map<std::string, SourcePosition> seen;
  for (const CiIdentity& ci : spec_.ci) {
    CheckCiIdentity(ci);
    auto [first, inserted] = seen.emplace(Lowercase(ci.name.value), ci.name.at);
    if (!inserted) {
      Error(ci.name.at, "[[ci]] " + Quoted(ci.name.value) + " is declared twice (first at " +
                            PositionText(first->second) + "; IAM role names ignore case)");
    }
  }
}

void Validator::CheckCiIdentity(const CiIdentity& ci) {
  const std::string owner = "[[ci]] " + Quoted(ci.name.value);
  if (!IsIamName("ci-" + ci.name.value)) {
    Error(ci.name.at, "name " + Quoted(ci.name.value) + " of " + owner +
                          " must be 1 to 61 letters, digits or + = , . @ _ - (the role is named ci-<name>)");
  }
  if (!IsRepositoryPath(ci.repository.value, ci.provider.value)) {
    Error(ci.repository.at, "repository " + Quoted(ci.repository.value) + " of " + owner + " must be " +
                                (ci.provider.value == CiProvider::kGithub ? "owner/repo" : "group/project") +
                                ", letters, digits, '.', '_' and '-' only (no wildcards)");
  }
  if (!IsBranchName(ci.branch.value)) {
    Error(ci.branch.at, "branch " + Quoted(ci.branch.value) + " of " + owner +
                            " must be one branch name, without spaces, '*', '?' or ':'");
  }
  CheckSelector(ci.in, owner);
  if (ci.in && ci.in->accounts) {
    for (const LocatedString& account : ci.in->accounts->items) {
      // Rule S4: a pipeline's role in the admin account would be a way from
      // a repository into every account; management is never a target (S2).
      if (account.value == spec_.accounts.admin.value || account.value == "management") {
        Error(account.at, owner + " may not reach the " + Quoted(account.value) +
                              " account: CI identities live only in accounts without a way into others");
      }
    }
  }
  for (const LocatedString& arn : ci.managed_policies.items) {
    if (!IsManagedPolicyArn(arn.value)) {
      Error(arn.at, Quoted(arn.value) + " is not a managed policy ARN like 'arn:aws:iam::aws:policy/ReadOnlyAccess'");
    }
  }
  CheckNoRepeats("managed policy", ci.managed_policies);
}

}  // namespace

bool IsRegionName(std::string_view name) {
  std::vector<std::string_view> parts = Split(name, '-');
  if (parts.size() < 3 || parts.front().size() != 2 || !AllOf(parts.front(), IsAsciiLower) ||
      !AllOf(parts.back(), IsAsciiDigit)) {
    return false;
  }
  return std::all_of(parts.begin() + 1, parts.end() - 1,
                     [](std::string_view part) { return AllOf(part, IsAsciiLower); });
}

bool IsValidAccountNamePart(std::string_view name) {
  if (name.empty() || !IsAsciiLower(name.front()) || name.back() == '-') return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return IsAsciiLower(c) || IsAsciiDigit(c) || c == '-'; });
}

std::string UnknownNameMessage(std::string_view kind, std::string_view name,
                               std::string_view where, const std::vector<std::string>& known) {
  std::string message =
      "unknown " + std::string(kind) + " " + Quoted(name) + " " + std::string(where);
  std::string hint = DidYouMean(name, known);
  if (!hint.empty()) return message + hint;
  if (known.empty()) return message + " (none are declared)";
  return message + " (known: " + JoinNames(known) + ")";
}

std::vector<Diagnostic> ValidateSpec(const Spec& spec) { return Validator(spec).Run(); }

}  // namespace foyer::spec
