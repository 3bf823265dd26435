// The weekly digest's storage: counts per category of one channel's week, and the last week
// each channel got, kept across a reopen.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using openfloor::bot::category_tally;
using openfloor::bot::platform;
using openfloor::bot::post_state;

class SqliteDigests : public store_test {
protected:
    const openfloor::bot::time_point week_start = at_ms(1'700'000'000'000);
    const openfloor::bot::time_point week_end = week_start + std::chrono::weeks(1);
    openfloor::bot::post_number next_ = 1;

    // A post of `category` in C0TEAM, published at `posted` (none: never published).
    void add(const std::string& category, std::optional<openfloor::bot::time_point> posted,
             post_state state = post_state::posted, bool replied = false,
             const std::string& channel = "C0TEAM", platform where = platform::slack) {
        auto p = sample_post("T1", next_++);
        p.where = where;
        p.channel_id = channel;
        p.category = category;
        p.state = state;
        p.posted_at = posted;
        if (replied && posted) {
            p.first_reply_at = *posted + std::chrono::minutes(5);
        }
        ASSERT_TRUE(store().posts().insert(p).has_value());
    }

    std::vector<category_tally> tally() {
        auto t = store().digests().tally(platform::slack, "C0TEAM", week_start, week_end);
        EXPECT_TRUE(t.has_value());
        return t ? *t : std::vector<category_tally>{};
    }
};

TEST_F(SqliteDigests, CountsTheWeeksPublishedPostsAndTheirRepliesByCategory) {
    add("mistake", week_start, post_state::posted, true);
    add("mistake", week_start + std::chrono::days(3), post_state::posted, false);
    add("question", week_end - std::chrono::milliseconds(1), post_state::posted, true);
    const auto t = tally();
    ASSERT_EQ(t.size(), 2U);
    EXPECT_EQ(t[0].category, "mistake");
    EXPECT_EQ(t[0].posts, 2);
    EXPECT_EQ(t[0].replied, 1);
    EXPECT_EQ(t[1].category, "question");
    EXPECT_EQ(t[1].posts, 1);
    EXPECT_EQ(t[1].replied, 1);
}

TEST_F(SqliteDigests, TheWeekIncludesItsStartAndLeavesItsEndToTheNext) {
    add("mistake", week_start - std::chrono::milliseconds(1));
    add("mistake", week_end);
    add("question", week_start);
    const auto t = tally();
    ASSERT_EQ(t.size(), 1U);
    EXPECT_EQ(t[0].category, "question");
    EXPECT_EQ(t[0].posts, 1);
}

TEST_F(SqliteDigests, LeavesOutPostsNoLongerUpOrNeverPublishedAndOtherChannels) {
    const auto mid = week_start + std::chrono::days(2);
    add("mistake", mid, post_state::deleted);
    add("mistake", mid, post_state::rejected);
    add("mistake", mid, post_state::failed);
    add("mistake", std::nullopt, post_state::queued);
    add("mistake", mid, post_state::posted, false, "C0OTHER");
    add("mistake", mid, post_state::posted, false, "C0TEAM", platform::mattermost);
    EXPECT_TRUE(tally().empty());
    add("mistake", mid);
    const auto t = tally();
    ASSERT_EQ(t.size(), 1U);
    EXPECT_EQ(t[0].posts, 1);
}

TEST_F(SqliteDigests, RemembersTheLastWeekOfEachChannelAcrossAReopen) {
    auto none = store().digests().last_week(platform::slack, "C0TEAM");
    ASSERT_TRUE(none.has_value());
    EXPECT_FALSE(none->has_value());
    ASSERT_TRUE(store().digests().record_week(platform::slack, "C0TEAM", week_start).has_value());
    ASSERT_TRUE(store().digests().record_week(platform::slack, "C0TEAM", week_end).has_value());
    ASSERT_TRUE(
        store().digests().record_week(platform::mattermost, "C0TEAM", week_start).has_value());
    reopen();
    auto slack = store().digests().last_week(platform::slack, "C0TEAM");
    auto mattermost = store().digests().last_week(platform::mattermost, "C0TEAM");
    auto other = store().digests().last_week(platform::slack, "C0OTHER");
    ASSERT_TRUE(slack.has_value() && mattermost.has_value() && other.has_value());
    EXPECT_EQ(*slack, week_end) << "the newer week replaced the older";
    EXPECT_EQ(*mattermost, week_start);
    EXPECT_FALSE(other->has_value());
    EXPECT_EQ(raw().execAndGet("SELECT COUNT(*) FROM digests").getInt(), 2);
}

} // namespace
