#include "aws/http_date.h"

#include <array>
#include <charconv>
#include <chrono>

namespace foyer::aws {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

// Reads exactly `digits` decimal digits at the front of `text`.
std::optional<int> TakeNumber(std::string_view& text, size_t digits) {
  if (text.size() < digits) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + digits, value);
  if (error != std::errc() || end != text.data() + digits) return std::nullopt;
  text.remove_prefix(digits);
  return value;
}

bool TakeLiteral(std::string_view& text, std::string_view literal) {
  if (!text.starts_with(literal)) return false;
  text.remove_prefix(literal.size());
  return true;
}

std::optional<unsigned> TakeMonth(std::string_view& text) {
  for (unsigned i = 0; i < kMonths.size(); ++i) {
    if (TakeLiteral(text, kMonths[i])) return i + 1;
  }
  return std::nullopt;
}

std::string TwoDigits(unsigned value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

}  // namespace

std::optional<Clock::time_point> ParseHttpDate(std::string_view text) {
  using namespace std::chrono;
  if (text.size() > 5 && text[3] == ',' && text[4] == ' ') text.remove_prefix(5);
  std::optional<int> day = TakeNumber(text, 2);
  if (!day || !TakeLiteral(text, " ")) return std::nullopt;
  std::optional<unsigned> month = TakeMonth(text);
  if (!month || !TakeLiteral(text, " ")) return std::nullopt;
  std::optional<int> year = TakeNumber(text, 4);
  if (!year || !TakeLiteral(text, " ")) return std::nullopt;
  std::optional<int> hour = TakeNumber(text, 2);
  if (!hour || !TakeLiteral(text, ":")) return std::nullopt;
  std::optional<int> minute = TakeNumber(text, 2);
  if (!minute || !TakeLiteral(text, ":")) return std::nullopt;
  std::optional<int> second = TakeNumber(text, 2);
  if (!second || (text != " GMT" && text != " UTC")) return std::nullopt;
  year_month_day date{std::chrono::year(*year), std::chrono::month(*month),
                      std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  return time_point_cast<Clock::duration>(sys_days(date) + hours(*hour) + minutes(*minute) +
                                          seconds(*second));
}

std::string FormatHttpDate(Clock::time_point time) {
  using namespace std::chrono;
  auto whole_seconds = floor<seconds>(time);
  sys_days days = floor<std::chrono::days>(whole_seconds);
  year_month_day date(days);
  hh_mm_ss clock(whole_seconds - days);
  weekday day_of_week(days);
  return std::string(kWeekdays[day_of_week.c_encoding()]) + ", " +
         TwoDigits(static_cast<unsigned>(date.day())) + " " +
         std::string(kMonths[static_cast<unsigned>(date.month()) - 1]) + " " +
         std::to_string(static_cast<int>(date.year())) + " " +
         TwoDigits(static_cast<unsigned>(clock.hours().count())) + ":" +
         TwoDigits(static_cast<unsigned>(clock.minutes().count())) + ":" +
         TwoDigits(static_cast<unsigned>(clock.seconds().count())) + " GMT";
}

}  // namespace foyer::aws
