// How the weekly digest's time is written in the config: a time of day "16:00" (24-hour) and an
// offset from UTC "+02:00". The loader reads with these, the reference and summary print with them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace openfloor::config {

// "HH:MM", 00:00 to 23:59, as minutes after midnight.
std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text);
// "+HH:MM" or "-HH:MM", -12:00 to +14:00 (the offsets in use on Earth).
std::optional<std::chrono::minutes> parse_utc_offset(std::string_view text);

std::string format_time_of_day(std::chrono::minutes t);     // "16:00"
std::string format_utc_offset(std::chrono::minutes offset); // "+02:00", "-05:30"

} // namespace openfloor::config
