#include "iam/condition_values.h"

#include <charconv>
#include <cmath>
#include <string>

namespace foyer::iam {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `width` digits at `at`.
std::optional<int> Digits(std::string_view text, size_t at, size_t width) {
  if (at + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (!IsDigit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
long DaysFromCivil(long year, unsigned month, unsigned day) {
  year -= month <= 2;
  long era = (year >= 0 ? year : year - 399) / 400;
  unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<long>(day_of_era) - 719468;
}

std::optional<double> ParseIsoTime(std::string_view text, size_t at, double& seconds) {
  auto hour = Digits(text, at, 2);
  if (!hour || at + 2 >= text.size() || text[at + 2] != ':') return std::nullopt;
  auto minute = Digits(text, at + 3, 2);
  if (!minute || *hour > 23 || *minute > 59) return std::nullopt;
  seconds = *hour * 3600.0 + *minute * 60.0;
  at += 5;
  if (at < text.size() && text[at] == ':') {
    auto second = Digits(text, at + 1, 2);
    if (!second || *second > 60) return std::nullopt;
    seconds += *second;
    at += 3;
    if (at < text.size() && text[at] == '.') {
      size_t start = ++at;
      double scale = 0.1;
      while (at < text.size() && IsDigit(text[at])) {
        seconds += (text[at] - '0') * scale;
        scale /= 10;
        ++at;
      }
      if (at == start) return std::nullopt;
    }
  }
  if (at == text.size()) return 0.0;  // no zone: read as UTC
  if (text[at] == 'Z' || text[at] == 'z') return at + 1 == text.size() ? std::optional<double>(0.0) : std::nullopt;
  if (text[at] != '+' && text[at] != '-') return std::nullopt;
  int sign = text[at] == '+' ? 1 : -1;
  auto zone_hour = Digits(text, at + 1, 2);
  size_t minute_at = at + 3 < text.size() && text[at + 3] == ':' ? at + 4 : at + 3;
  auto zone_minute = Digits(text, minute_at, 2);
  if (!zone_hour || !zone_minute || minute_at + 2 != text.size()) return std::nullopt;
  return sign * (*zone_hour * 3600.0 + *zone_minute * 60.0);
}

std::optional<std::array<std::uint8_t, 4>> ParseIpv4(std::string_view text) {
  std::array<std::uint8_t, 4> out{};
  size_t at = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
    size_t start = at;
    int value = 0;
    while (at < text.size() && IsDigit(text[at]) && at - start < 3) value = value * 10 + (text[at++] - '0');
    if (at == start || value > 255) return std::nullopt;
    out[part] = static_cast<std::uint8_t>(value);
  }
  if (at != text.size()) return std::nullopt;
  return out;
}

int HexDigit(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads colon-separated 16-bit groups (an embedded IPv4 tail is allowed last).
bool ParseIpv6Groups(std::string_view text, std::array<std::uint8_t, 16>& out, size_t& count) {
  count = 0;
  if (text.empty()) return true;
  size_t at = 0;
  while (true) {
    size_t end = text.find(':', at);
    std::string_view group = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (end == std::string_view::npos && group.find('.') != std::string_view::npos) {
      auto v4 = ParseIpv4(group);
      if (!v4 || count + 4 > 16) return false;
      for (std::uint8_t b : *v4) out[count++] = b;
      return true;
    }
    if (group.empty() || group.size() > 4 || count + 2 > 16) return false;
    int value = 0;
    for (char c : group) {
      int digit = HexDigit(c);
      if (digit < 0) return false;
      value = value * 16 + digit;
    }
    out[count++] = static_cast<std::uint8_t>(value >> 8);
    out[count++] = static_cast<std::uint8_t>(value & 0xff);
    if (end == std::string_view::npos) return true;
    at = end + 1;
  }
}

std::optional<std::array<std::uint8_t, 16>> ParseIpv6(std::string_view text) {
  std::array<std::uint8_t, 16> head{}, tail{};
  size_t head_count = 0, tail_count = 0;
  size_t gap = text.find("::");
  if (gap == std::string_view::npos) {
    if (!ParseIpv6Groups(text, head, head_count) || head_count != 16) return std::nullopt;
    return head;
  }
  if (!ParseIpv6Groups(text.substr(0, gap), head, head_count) ||
      !ParseIpv6Groups(text.substr(gap + 2), tail, tail_count) || head_count + tail_count > 14) {
    return std::nullopt;
  }
  std::array<std::uint8_t, 16> out{};
  for (size_t i = 0; i < head_count; ++i) out[i] = head[i];
  for (size_t i = 0; i < tail_count; ++i) out[16 - tail_count + i] = tail[i];
  return out;
}

}  // namespace

std::optional<double> ParseNumber(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string copy(text);
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || std::isnan(value) || std::isinf(value)) return std::nullopt;
  if (copy.find_first_of("xXnN") != std::string::npos) return std::nullopt;  // no hex, nan, inf
  return value;
}

std::optional<double> ParseDate(std::string_view text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos) {
    long long epoch = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), epoch);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return static_cast<double>(epoch);
  }
  auto year = Digits(text, 0, 4);
  if (!year || text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto month = Digits(text, 5, 2);
  auto day = Digits(text, 8, 2);
  if (!month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  double seconds = DaysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) * 86400.0;
  if (text.size() == 10) return seconds;
  if (text[10] != 'T' && text[10] != 't') return std::nullopt;
  double time_of_day = 0;
  std::optional<double> offset = ParseIsoTime(text, 11, time_of_day);
  if (!offset) return std::nullopt;
  return seconds + time_of_day - *offset;
}

std::optional<IpBlock> ParseIpBlock(std::string_view text) {
  IpBlock block;
  std::string_view address = text;
  int prefix = -1;
  size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    std::string_view digits = text.substr(slash + 1);
    if (digits.empty() || digits.size() > 3) return std::nullopt;
    prefix = 0;
    for (char c : digits) {
      if (!IsDigit(c)) return std::nullopt;
      prefix = prefix * 10 + (c - '0');
    }
    address = text.substr(0, slash);
  }
  if (address.find(':') != std::string_view::npos) {
    auto v6 = ParseIpv6(address);
    if (!v6) return std::nullopt;
    block.v6 = true;
    block.bytes = *v6;
    block.prefix = prefix < 0 ? 128 : prefix;
    if (block.prefix > 128) return std::nullopt;
  } else {
    auto v4 = ParseIpv4(address);
    if (!v4) return std::nullopt;
    for (int i = 0; i < 4; ++i) block.bytes[i] = (*v4)[i];
    block.prefix = prefix < 0 ? 32 : prefix;
    if (block.prefix > 32) return std::nullopt;
  }
  return block;
}

bool IpBlockContains(const IpBlock& block, const IpBlock& address) {
  if (block.v6 != address.v6) return false;
  int bits = block.prefix;
  for (int i = 0; bits > 0; ++i, bits -= 8) {
    std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((block.bytes[i] & mask) != (address.bytes[i] & mask)) return false;
  }
  return true;
}

}  // namespace foyer::iam
