// Typed readings of condition values: numbers, dates, IP addresses and CIDR
// blocks. Each returns nullopt for text that is not of its type; the
// condition then does not match, as in AWS.
#ifndef FOYER_IAM_CONDITION_VALUES_H_
#define FOYER_IAM_CONDITION_VALUES_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace foyer::iam {

std::optional<double> ParseNumber(std::string_view text);

// Seconds since the epoch, from ISO 8601 ("2026-01-02", "2026-01-02T03:04:05Z",
// "...05.123+01:00") or from an integer count of epoch seconds.
std::optional<double> ParseDate(std::string_view text);

// An IPv4 or IPv6 address with a prefix length ("10.0.0.0/8", "2001:db8::/32";
// a plain address is a /32 or /128).
struct IpBlock {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};
  int prefix = 0;
};
std::optional<IpBlock> ParseIpBlock(std::string_view text);

// True when `address` lies inside `block` (same family only).
bool IpBlockContains(const IpBlock& block, const IpBlock& address);

}  // namespace foyer::iam

#endif  // FOYER_IAM_CONDITION_VALUES_H_
