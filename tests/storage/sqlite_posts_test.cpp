// Posts: numbering, round trips, lookups and retention.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using openfloor::bot::platform;
using openfloor::bot::post_state;
using SqlitePosts = store_test;

TEST_F(SqlitePosts, NumbersStartAtOne) {
    auto n = store().posts().next_number("T1");
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(*n, 1);
}

TEST_F(SqlitePosts, NumbersCountPerWorkspace) {
    insert_post("T1", 1);
    insert_post("T1", 2);
    insert_post("T2", 1);
    auto t1 = store().posts().next_number("T1");
    auto t2 = store().posts().next_number("T2");
    auto t3 = store().posts().next_number("T3");
    ASSERT_TRUE(t1.has_value() && t2.has_value() && t3.has_value());
    EXPECT_EQ(*t1, 3);
    EXPECT_EQ(*t2, 2);
    EXPECT_EQ(*t3, 1);
}

TEST_F(SqlitePosts, RefusesADuplicateNumberInAWorkspace) {
    insert_post("T1", 1);
    auto again = store().posts().insert(sample_post("T1", 1));
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error(), openfloor::bot::error::storage_failure);
}

TEST_F(SqlitePosts, RoundTripsEveryColumn) {
    auto p = sample_post("T1", 1);
    p.where = platform::mattermost;
    p.awaiting_review = true;
    p.message_ref = "msg-1";
    p.queue_ref = "queue-1";
    p.posted_at = at_ms(1'700'000'000'500);
    p.first_reply_at = at_ms(1'700'000'000'900);
    p.hidden = true;
    p.locked = true;
    auto id = store().posts().insert(p);
    ASSERT_TRUE(id.has_value());

    auto found = store().posts().find_by_id(*id);
    ASSERT_TRUE(found.has_value() && found->has_value());
    const auto& got = **found;
    EXPECT_EQ(got.id, *id);
    EXPECT_EQ(got.where, platform::mattermost);
    EXPECT_EQ(got.workspace, "T1");
    EXPECT_EQ(got.number, 1);
    EXPECT_EQ(got.channel_key, p.channel_key);
    EXPECT_EQ(got.channel_id, p.channel_id);
    EXPECT_EQ(got.category, p.category);
    EXPECT_EQ(got.text, p.text);
    EXPECT_EQ(got.state, post_state::queued);
    EXPECT_TRUE(got.awaiting_review);
    EXPECT_EQ(got.author_seal, p.author_seal);
    EXPECT_EQ(got.message_ref, p.message_ref);
    EXPECT_EQ(got.queue_ref, p.queue_ref);
    EXPECT_EQ(got.created_at, p.created_at);
    EXPECT_EQ(got.posted_at, p.posted_at);
    EXPECT_EQ(got.first_reply_at, p.first_reply_at);
    EXPECT_TRUE(got.hidden);
    EXPECT_TRUE(got.locked);
}

TEST_F(SqlitePosts, ANewPostIsNeitherHiddenNorLocked) {
    const auto id = insert_post("T1", 1);
    auto found = store().posts().find_by_id(id);
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_FALSE((*found)->hidden);
    EXPECT_FALSE((*found)->locked);
}

TEST_F(SqlitePosts, UpdateWritesEveryMutableColumn) {
    const auto id = insert_post("T1", 1);
    auto p = sample_post("T1", 1);
    p.id = id;
    p.channel_key = "questions";
    p.channel_id = "C0OTHER";
    p.category = "mistake";
    p.text = std::nullopt;
    p.state = post_state::posted;
    p.awaiting_review = true;
    p.author_seal = {0x09};
    p.message_ref = "1700000000.000200";
    p.queue_ref = "Q1";
    p.posted_at = at_ms(1'700'000'003'000);
    p.first_reply_at = at_ms(1'700'000'004'000);
    p.hidden = true;
    p.locked = true;
    ASSERT_TRUE(store().posts().update(p));

    auto found = store().posts().find("T1", 1);
    ASSERT_TRUE(found.has_value() && found->has_value());
    const auto& got = **found;
    EXPECT_EQ(got.channel_key, "questions");
    EXPECT_EQ(got.channel_id, "C0OTHER");
    EXPECT_EQ(got.category, "mistake");
    EXPECT_FALSE(got.text.has_value());
    EXPECT_EQ(got.state, post_state::posted);
    EXPECT_TRUE(got.awaiting_review);
    EXPECT_EQ(got.author_seal, p.author_seal);
    EXPECT_EQ(got.message_ref, p.message_ref);
    EXPECT_EQ(got.queue_ref, p.queue_ref);
    EXPECT_EQ(got.posted_at, p.posted_at);
    EXPECT_EQ(got.first_reply_at, p.first_reply_at);
    EXPECT_TRUE(got.hidden);
    EXPECT_TRUE(got.locked);

    p.hidden = false; // and back: a restore and an unlock
    p.locked = false;
    ASSERT_TRUE(store().posts().update(p));
    auto again = store().posts().find("T1", 1);
    ASSERT_TRUE(again.has_value() && again->has_value());
    EXPECT_FALSE((*again)->hidden);
    EXPECT_FALSE((*again)->locked);
}

TEST_F(SqlitePosts, UpdateOfAMissingPostFails) {
    auto p = sample_post("T1", 1);
    p.id = 999;
    auto updated = store().posts().update(p);
    ASSERT_FALSE(updated.has_value());
    EXPECT_EQ(updated.error(), openfloor::bot::error::storage_failure);
}

TEST_F(SqlitePosts, FindAnswersNothingForAnUnknownNumber) {
    insert_post("T1", 1);
    auto found = store().posts().find("T1", 2);
    ASSERT_TRUE(found.has_value());
    EXPECT_FALSE(found->has_value());
    auto other = store().posts().find("T2", 1);
    ASSERT_TRUE(other.has_value());
    EXPECT_FALSE(other->has_value());
}

TEST_F(SqlitePosts, FindsAPostByItsChannelMessage) {
    auto p = sample_post("T1", 1);
    p.message_ref = "1700000000.000100";
    ASSERT_TRUE(store().posts().insert(p));
    insert_post("T1", 2);

    auto found = store().posts().find_by_message(platform::slack, "C0TEAM", "1700000000.000100");
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ((*found)->number, 1);
    auto wrong_platform =
        store().posts().find_by_message(platform::mattermost, "C0TEAM", "1700000000.000100");
    ASSERT_TRUE(wrong_platform.has_value());
    EXPECT_FALSE(wrong_platform->has_value());
}

TEST_F(SqlitePosts, SummarizesOnePlatformSinceATime) {
    auto old_post = sample_post("T1", 1);
    old_post.created_at = at_ms(1'000);
    auto recent = sample_post("T1", 2);
    recent.created_at = at_ms(5'000);
    recent.state = post_state::posted;
    recent.posted_at = at_ms(5'100);
    auto elsewhere = sample_post("M1", 1);
    elsewhere.where = platform::mattermost;
    elsewhere.created_at = at_ms(6'000);
    for (const auto& p : {old_post, recent, elsewhere}) {
        ASSERT_TRUE(store().posts().insert(p));
    }

    auto summaries = store().posts().summaries(platform::slack, at_ms(2'000));
    ASSERT_TRUE(summaries.has_value());
    ASSERT_EQ(summaries->size(), 1U);
    const auto& s = summaries->front();
    EXPECT_EQ(s.channel_key, recent.channel_key);
    EXPECT_EQ(s.category, recent.category);
    EXPECT_EQ(s.state, post_state::posted);
    EXPECT_EQ(s.created_at, at_ms(5'000));
    EXPECT_EQ(s.posted_at, at_ms(5'100));
    EXPECT_FALSE(s.first_reply_at.has_value());
}

TEST_F(SqlitePosts, PurgeTextDropsOldTextAndKeepsTheRow) {
    auto old_post = sample_post("T1", 1);
    old_post.created_at = at_ms(1'000);
    auto recent = sample_post("T1", 2);
    recent.created_at = at_ms(9'000);
    ASSERT_TRUE(store().posts().insert(old_post));
    ASSERT_TRUE(store().posts().insert(recent));

    auto purged = store().posts().purge_text(at_ms(5'000));
    ASSERT_TRUE(purged.has_value());
    EXPECT_EQ(*purged, 1);
    auto gone = store().posts().find("T1", 1);
    ASSERT_TRUE(gone.has_value() && gone->has_value());
    EXPECT_FALSE((*gone)->text.has_value());
    EXPECT_EQ((*gone)->number, 1);
    auto kept = store().posts().find("T1", 2);
    ASSERT_TRUE(kept.has_value() && kept->has_value());
    EXPECT_EQ((*kept)->text, recent.text);

    auto again = store().posts().purge_text(at_ms(5'000));
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, 0); // already purged rows are not counted twice
}

TEST_F(SqlitePosts, PurgedTextLeavesTheFileOnceClosed) {
    auto p = sample_post("T1", 1);
    // Longer than a page: the text spills onto overflow pages, which the purge frees.
    p.text = std::string(6'000, '.') + "zq-purge-me-marker";
    p.created_at = at_ms(1'000);
    ASSERT_TRUE(store().posts().insert(p));
    ASSERT_TRUE(store().posts().purge_text(at_ms(5'000)));
    close(); // the WAL is checkpointed into the file and removed

    const auto bytes = openfloor::testing::read_file(path());
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find("zq-purge-me-marker"), std::string::npos);
    EXPECT_EQ(openfloor::testing::read_file(path() + "-wal").find("zq-purge-me-marker"),
              std::string::npos);
}

} // namespace
