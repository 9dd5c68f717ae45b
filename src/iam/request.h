// One authorization request: who asks to do what to which resource, and the
// request context the conditions are tested against.
#ifndef FOYER_IAM_REQUEST_H_
#define FOYER_IAM_REQUEST_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace foyer::iam {

// The value of one context key: a single string, or a list for multi-valued
// keys (aws:TagKeys, aws:PrincipalOrgPaths...). A one-element list is still
// multi-valued; only the set operators (ForAllValues/ForAnyValue) look inside.
struct ContextValue {
  std::vector<std::string> values;
  bool multivalued = false;
};

// Context keys are case-insensitive; keys are stored lowercased.
class RequestContext {
 public:
  void Set(std::string_view key, std::string value);
  void SetList(std::string_view key, std::vector<std::string> values);
  // REQUIRES: `lowercase_key` is lowercased (as condition keys are at parse time).
  const ContextValue* Find(std::string_view lowercase_key) const;
  // Case-insensitive lookup for keys read from untrusted text.
  const ContextValue* FindAnyCase(std::string_view key) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  std::unordered_map<std::string, ContextValue, Hash, std::equal_to<>> values_;
};

struct Request {
  // An IAM user, role, assumed-role session or federated-user ARN, or a
  // service principal ("ec2.amazonaws.com").
  std::string principal;
  std::string action;  // "s3:GetObject"; any case
  std::string resource;  // an ARN, or "*"
  // The account owning the resource, when the ARN does not say (S3 buckets).
  std::string resource_account;
  RequestContext context;
};

}  // namespace foyer::iam

#endif  // FOYER_IAM_REQUEST_H_
