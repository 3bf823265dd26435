// parse_/format_ time_of_day and utc_offset: fixed two-digit fields, nothing lenient, so a
// value reads back exactly as it is printed.
#include "config/time_of_day.hpp"

#include <utility>

namespace openfloor::config {
namespace {

constexpr int minutes_per_hour = 60;
constexpr auto latest_offset = std::chrono::hours(14);
constexpr auto earliest_offset = -std::chrono::hours(12);

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// "HH:MM" with two digits each; hours and minutes as written, unchecked.
std::optional<std::pair<int, int>> hours_and_minutes(std::string_view text) {
    if (text.size() != 5 || !is_digit(text[0]) || !is_digit(text[1]) || text[2] != ':' ||
        !is_digit(text[3]) || !is_digit(text[4])) {
        return std::nullopt;
    }
    return std::pair{(text[0] - '0') * 10 + (text[1] - '0'),
                     (text[3] - '0') * 10 + (text[4] - '0')};
}

std::string two_digits(long long n) {
    std::string out(2, '0');
    out[0] = static_cast<char>('0' + n / 10 % 10);
    out[1] = static_cast<char>('0' + n % 10);
    return out;
}

} // namespace

std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text) {
    const auto hm = hours_and_minutes(text);
    if (!hm || hm->first > 23 || hm->second >= minutes_per_hour) {
        return std::nullopt;
    }
    return std::chrono::minutes(hm->first * minutes_per_hour + hm->second);
}

std::optional<std::chrono::minutes> parse_utc_offset(std::string_view text) {
    if (text.empty() || (text[0] != '+' && text[0] != '-')) {
        return std::nullopt;
    }
    const auto hm = hours_and_minutes(text.substr(1));
    if (!hm || hm->second >= minutes_per_hour) {
        return std::nullopt;
    }
    const std::chrono::minutes size(hm->first * minutes_per_hour + hm->second);
    const std::chrono::minutes offset = text[0] == '-' ? -size : size;
    if (offset > latest_offset || offset < earliest_offset) {
        return std::nullopt;
    }
    return offset;
}

std::string format_time_of_day(std::chrono::minutes t) {
    const long long m = t.count();
    return two_digits(m / minutes_per_hour) + ":" + two_digits(m % minutes_per_hour);
}

std::string format_utc_offset(std::chrono::minutes offset) {
    const long long m = offset.count() < 0 ? -offset.count() : offset.count();
    return (offset.count() < 0 ? "-" : "+") + two_digits(m / minutes_per_hour) + ":" +
           two_digits(m % minutes_per_hour);
}

} // namespace openfloor::config
