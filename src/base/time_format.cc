#include "base/time_format.h"

#include <cstdio>
#include <ctime>

namespace foyer {
namespace {

bool ReadDigits(std::string_view text, size_t& pos, size_t count, int& out) {
  if (pos + count > text.size()) return false;
  out = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += count;
  return true;
}

bool Expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

// Reads the zone designator at `pos` into an offset east of UTC, in seconds.
bool ReadZone(std::string_view text, size_t pos, long& offset) {
  std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z" || zone == "UTC" || zone == "+00:00") {
    offset = 0;
    return true;
  }
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return false;
  size_t at = 1;
  int hours = 0;
  int minutes = 0;
  if (!ReadDigits(zone, at, 2, hours)) return false;
  ++at;
  if (!ReadDigits(zone, at, 2, minutes)) return false;
  offset = (hours * 3600L + minutes * 60L) * (zone[0] == '-' ? -1 : 1);
  return true;
}

}  // namespace

std::string FormatRfc3339(SystemTime time) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Result<SystemTime> ParseIso8601(std::string_view text) {
  auto invalid = [text] {
    return MakeError("ParseError", "'" + std::string(text) +
                                       "' is not an ISO 8601 date-time such as 2026-11-27T22:49:27Z");
  };
  std::tm parts{};
  size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, pos, 4, year) || !Expect(text, pos, '-') || !ReadDigits(text, pos, 2, month) ||
      !Expect(text, pos, '-') || !ReadDigits(text, pos, 2, day) ||
      !(Expect(text, pos, 'T') || Expect(text, pos, 't') || Expect(text, pos, ' ')) ||
      !ReadDigits(text, pos, 2, hour) || !Expect(text, pos, ':') || !ReadDigits(text, pos, 2, minute) ||
      !Expect(text, pos, ':') || !ReadDigits(text, pos, 2, second)) {
    return invalid();
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return invalid();
  }
  long offset = 0;
  if (!ReadZone(text, pos, offset)) return invalid();
  // system_clock counts nanoseconds in 64 bits: it reaches 1677 to 2262 only.
  if (year < 1678 || year > 2261 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60) {
    return invalid();
  }
  parts.tm_year = year - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  std::time_t seconds = timegm(&parts);
  return std::chrono::system_clock::from_time_t(seconds - offset);
}

std::string DescribeRemaining(SystemTime expiry, SystemTime now) {
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(expiry > now ? expiry - now : now - expiry).count();
  std::string amount = minutes >= 60 ? std::to_string(minutes / 60) + "h" + std::to_string(minutes % 60) + "m"
                                     : std::to_string(minutes) + "m";
  return expiry > now ? "in " + amount : "expired " + amount + " ago";
}

}  // namespace foyer
