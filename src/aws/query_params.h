// The parameters of a query-protocol request, flattened the way botocore's
// query serializer flattens nested shapes:
//
//   lists:  Names.member.1=a&Names.member.2=b
//   maps:   Attributes.entry.1.key=k&Attributes.entry.1.value=v
//   tags:   Tags.member.1.Key=k&Tags.member.1.Value=v
//
// Keys keep the order they were added in; Encode() form-encodes them.
#ifndef FOYER_AWS_QUERY_PARAMS_H_
#define FOYER_AWS_QUERY_PARAMS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foyer::aws {

class QueryParams {
 public:
  using Pairs = std::vector<std::pair<std::string, std::string>>;

  void Add(std::string name, std::string value);
  // Adds nothing when `value` is empty: optional string members.
  void AddIfNotEmpty(std::string name, const std::string& value);
  void AddIfSet(std::string name, std::optional<int> value);
  void AddBool(std::string name, bool value);  // "true" / "false"
  // <prefix>.member.N=value, N from 1. An empty list adds nothing (a list
  // that must be sent empty is written "<prefix>=" by the caller).
  void AddList(const std::string& prefix, const std::vector<std::string>& values);
  // <prefix>.member.N.<key_name>=key and <prefix>.member.N.<value_name>=value:
  // lists of structures with two members, as Tags (Key, Value).
  void AddPairList(const std::string& prefix, const Pairs& pairs,
                   std::string_view key_name = "Key", std::string_view value_name = "Value");
  // <prefix>.entry.N.key=k and <prefix>.entry.N.value=v: query maps.
  void AddMap(const std::string& prefix, const Pairs& entries);

  const Pairs& pairs() const { return pairs_; }
  // name=value&... with names and values percent-encoded (RFC 3986
  // unreserved characters stay), the body of a query request.
  std::string Encode() const;

 private:
  Pairs pairs_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_QUERY_PARAMS_H_
