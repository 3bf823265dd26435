// The weekly digest's schedule arithmetic (weekday, time of day, UTC offset) and its words:
// counts per category in the configured order, a gentle line for a quiet week, nobody named.
#include "bot/digest.hpp"

#include <gtest/gtest.h>

namespace openfloor::bot {
namespace {

using namespace std::chrono_literals;
using std::chrono::days;
using std::chrono::November;
using std::chrono::sys_days;

// Friday 27 November 2026, 00:00 UTC.
const time_point friday = sys_days{std::chrono::year{2026} / November / 27};

config::digest_settings schedule(std::chrono::weekday day, std::chrono::minutes time,
                                 std::chrono::minutes offset = 0min) {
    config::digest_settings s;
    s.day = day;
    s.time = time;
    s.utc_offset = offset;
    return s;
}

TEST(DigestSchedule, TheWeekEndsOnTheDayAndTimeAndNotBefore) {
    const auto fri_16 = schedule(std::chrono::Friday, 16h);
    EXPECT_EQ(last_week_end(fri_16, friday + 16h), friday + 16h) << "at the minute itself";
    EXPECT_EQ(last_week_end(fri_16, friday + 16h + 1ms), friday + 16h);
    EXPECT_EQ(last_week_end(fri_16, friday + 16h - 1ms), friday + 16h - days(7));
    EXPECT_EQ(last_week_end(fri_16, friday + days(1)), friday + 16h) << "Saturday";
    EXPECT_EQ(last_week_end(fri_16, friday + days(6) + 23h), friday + 16h) << "Thursday night";
    EXPECT_EQ(last_week_end(fri_16, friday + days(7) + 16h), friday + days(7) + 16h);
}

TEST(DigestSchedule, TheTimeIsLocalToTheUtcOffset) {
    // Friday 16:00 at +02:00 is 14:00 UTC.
    const auto east = schedule(std::chrono::Friday, 16h, 120min);
    EXPECT_EQ(last_week_end(east, friday + 14h), friday + 14h);
    EXPECT_EQ(last_week_end(east, friday + 15h), friday + 14h);
    EXPECT_EQ(last_week_end(east, friday + 14h - 1ms), friday + 14h - days(7));
    // Friday 16:00 at -05:30 is 21:30 UTC.
    const auto west = schedule(std::chrono::Friday, 16h, -330min);
    EXPECT_EQ(last_week_end(west, friday + 22h), friday + 21h + 30min);
    EXPECT_EQ(last_week_end(west, friday + 21h), friday + 21h + 30min - days(7));
}

TEST(DigestSchedule, AnOffsetCanMoveTheWeekEndToAnotherUtcDay) {
    // Monday 01:00 at +05:00 is Sunday 20:00 UTC.
    const auto monday_east = schedule(std::chrono::Monday, 1h, 300min);
    const time_point sunday_20 = friday + days(2) + 20h;
    EXPECT_EQ(last_week_end(monday_east, sunday_20 + 1min), sunday_20);
    EXPECT_EQ(last_week_end(monday_east, sunday_20 - 1min), sunday_20 - days(7));
    // Sunday 22:00 at -04:00 is Monday 02:00 UTC.
    const auto sunday_west = schedule(std::chrono::Sunday, 22h, -240min);
    const time_point monday_02 = friday + days(3) + 2h;
    EXPECT_EQ(last_week_end(sunday_west, monday_02), monday_02);
    EXPECT_EQ(last_week_end(sunday_west, monday_02 - 1min), monday_02 - days(7));
}

TEST(DigestSchedule, WeekEndsAreExactlyAWeekApartAndNeverInTheFuture) {
    for (const auto& s : {schedule(std::chrono::Friday, 16h), schedule(std::chrono::Sunday, 0min),
                          schedule(std::chrono::Wednesday, 23h + 59min, 840min),
                          schedule(std::chrono::Monday, 9h + 30min, -720min)}) {
        const time_point first = last_week_end(s, friday);
        for (auto now = friday; now < friday + days(21); now += 37min) {
            const time_point end = last_week_end(s, now);
            EXPECT_LE(end, now);
            EXPECT_GT(end + days(7), now);
            EXPECT_EQ((end - first) % days(7), 0min);
        }
    }
}

class DigestText : public ::testing::Test {
protected:
    config::settings settings_;
    texts en_{"en"};
};

TEST_F(DigestText, ThanksTheChannelWithALinePerCategoryInTheConfiguredOrder) {
    const std::string text = digest_text(en_, settings_, {{"question", 3, 2}, {"mistake", 1, 0}});
    EXPECT_EQ(text, "Thank you to everyone who spoke up here this week:\n"
                    "• I noticed a mistake: 1, 0 with a reply\n"
                    "• I have a question: 3, 2 with a reply\n" +
                        en_.say(text_id::digest_closing));
    EXPECT_NE(text.find("healthy teams"), std::string::npos) << "it says why it matters";
}

TEST_F(DigestText, LeavesOutEmptyCategoriesAndNamesAnUnconfiguredOneByItsName) {
    const std::string text =
        digest_text(en_, settings_, {{"retired", 2, 1}, {"mistake", 0, 0}, {"question", 1, 1}});
    EXPECT_EQ(text.find("I noticed a mistake"), std::string::npos) << text;
    EXPECT_NE(text.find("• I have a question: 1, 1 with a reply\n• retired: 2, 1 with a reply"),
              std::string::npos)
        << text;
}

TEST_F(DigestText, AQuietWeekGetsOneGentleLine) {
    EXPECT_EQ(digest_text(en_, settings_, {}), en_.say(text_id::digest_quiet));
    EXPECT_EQ(digest_text(en_, settings_, {{"mistake", 0, 0}}), en_.say(text_id::digest_quiet));
    EXPECT_EQ(en_.say(text_id::digest_quiet).find("Nothing was raised here this week"), 0U);
}

TEST_F(DigestText, SpeaksTheConfiguredLanguage) {
    const texts sv("sv");
    const std::string text = digest_text(sv, settings_, {{"mistake", 2, 1}});
    EXPECT_NE(text.find("• I noticed a mistake: 2, varav 1 med svar"), std::string::npos) << text;
    EXPECT_EQ(text.find("with a reply"), std::string::npos) << text;
}

} // namespace
} // namespace openfloor::bot
