// The weekly digest (README "Weekly digest"): when a week ends on the configured schedule, and
// the words of the post that thanks a channel for what it raised. Counts only: nobody is named.
#pragma once

#include "bot/records.hpp"
#include "bot/texts.hpp"
#include "config/settings.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace openfloor::bot {

inline constexpr auto digest_week = std::chrono::weeks(1);
// How late a week's digest may still go out (the bot was down when the week ended). Later than
// this it is skipped: a digest arriving days after its week would puzzle more than help.
inline constexpr auto digest_late_limit = std::chrono::hours(24);

// The latest end of a week at or before `now`: the schedule's weekday and time of day, in its
// local time (UTC + utc_offset).
time_point last_week_end(const config::digest_settings& schedule, time_point now);

// A heading of thanks, a line per category with posts (in the configured order), and why
// raising them matters; or, when nothing was raised, one gentle line.
std::string digest_text(const texts& say, const config::settings& settings,
                        std::vector<category_tally> tallies);

} // namespace openfloor::bot
