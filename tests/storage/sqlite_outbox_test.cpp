// The outbox: due order, per platform, rescheduling, removal and depth.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using openfloor::bot::job_kind;
using openfloor::bot::platform;
using SqliteOutbox = store_test;

TEST_F(SqliteOutbox, RoundTripsAnItem) {
    const auto post = insert_post("T1", 1);
    auto item = sample_item(platform::mattermost, at_ms(1'000));
    item.kind = job_kind::channel_post;
    item.post_id = post;
    item.channel_id = "C0TEAM";
    item.sealed_route = {};
    item.attempts = 2;
    item.created_at = at_ms(500);
    auto id = store().outbox().enqueue(item);
    ASSERT_TRUE(id.has_value());

    auto due = store().outbox().due(platform::mattermost, at_ms(1'000), 10);
    ASSERT_TRUE(due.has_value());
    ASSERT_EQ(due->size(), 1U);
    const auto& got = due->front();
    EXPECT_EQ(got.id, *id);
    EXPECT_EQ(got.where, platform::mattermost);
    EXPECT_EQ(got.kind, job_kind::channel_post);
    EXPECT_EQ(got.post_id, post);
    EXPECT_EQ(got.channel_id, "C0TEAM");
    EXPECT_TRUE(got.sealed_route.empty());
    EXPECT_EQ(got.sealed_payload, item.sealed_payload);
    EXPECT_EQ(got.attempts, 2);
    EXPECT_EQ(got.next_attempt_at, at_ms(1'000));
    EXPECT_EQ(got.created_at, at_ms(500));
}

TEST_F(SqliteOutbox, HandsOutDueItemsInDueOrderThenFifo) {
    auto late = store().outbox().enqueue(sample_item(platform::slack, at_ms(3'000)));
    auto first = store().outbox().enqueue(sample_item(platform::slack, at_ms(1'000)));
    auto second = store().outbox().enqueue(sample_item(platform::slack, at_ms(1'000)));
    auto future = store().outbox().enqueue(sample_item(platform::slack, at_ms(9'000)));
    auto other = store().outbox().enqueue(sample_item(platform::mattermost, at_ms(1'000)));
    ASSERT_TRUE(late && first && second && future && other);

    auto due = store().outbox().due(platform::slack, at_ms(3'000), 10);
    ASSERT_TRUE(due.has_value());
    ASSERT_EQ(due->size(), 3U);
    EXPECT_EQ((*due)[0].id, *first);
    EXPECT_EQ((*due)[1].id, *second);
    EXPECT_EQ((*due)[2].id, *late);

    auto limited = store().outbox().due(platform::slack, at_ms(3'000), 1);
    ASSERT_TRUE(limited.has_value());
    ASSERT_EQ(limited->size(), 1U);
    EXPECT_EQ(limited->front().id, *first);
}

TEST_F(SqliteOutbox, HandsOutTheFirstDueItemNotAlreadyOut) {
    auto late = store().outbox().enqueue(sample_item(platform::slack, at_ms(3'000)));
    auto first = store().outbox().enqueue(sample_item(platform::slack, at_ms(1'000)));
    auto second = store().outbox().enqueue(sample_item(platform::slack, at_ms(1'000)));
    auto future = store().outbox().enqueue(sample_item(platform::slack, at_ms(9'000)));
    auto other = store().outbox().enqueue(sample_item(platform::mattermost, at_ms(1'000)));
    ASSERT_TRUE(late && first && second && future && other);

    auto next = store().outbox().first_due(platform::slack, at_ms(3'000), {});
    ASSERT_TRUE(next.has_value() && next->has_value());
    EXPECT_EQ((*next)->id, *first);
    EXPECT_EQ((*next)->sealed_payload, sample_item(platform::slack, at_ms(0)).sealed_payload);

    auto past_first = store().outbox().first_due(platform::slack, at_ms(3'000), {*first});
    ASSERT_TRUE(past_first.has_value() && past_first->has_value());
    EXPECT_EQ((*past_first)->id, *second);

    auto none_left =
        store().outbox().first_due(platform::slack, at_ms(3'000), {*first, *second, *late});
    ASSERT_TRUE(none_left.has_value());
    EXPECT_FALSE(none_left->has_value()); // `future` is not due yet
}

TEST_F(SqliteOutbox, RescheduleMovesAnItemBackInLine) {
    auto first = store().outbox().enqueue(sample_item(platform::slack, at_ms(1'000)));
    auto second = store().outbox().enqueue(sample_item(platform::slack, at_ms(2'000)));
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(store().outbox().reschedule(*first, 1, at_ms(5'000)));

    auto due_now = store().outbox().due(platform::slack, at_ms(2'000), 10);
    ASSERT_TRUE(due_now.has_value());
    ASSERT_EQ(due_now->size(), 1U);
    EXPECT_EQ(due_now->front().id, *second);

    auto due_later = store().outbox().due(platform::slack, at_ms(5'000), 10);
    ASSERT_TRUE(due_later.has_value());
    ASSERT_EQ(due_later->size(), 2U);
    EXPECT_EQ((*due_later)[1].id, *first);
    EXPECT_EQ((*due_later)[1].attempts, 1);
    EXPECT_EQ((*due_later)[1].next_attempt_at, at_ms(5'000));
}

TEST_F(SqliteOutbox, NextDueTimeIsTheEarliestOfThePlatform) {
    auto none = store().outbox().next_due_time(platform::slack);
    ASSERT_TRUE(none.has_value());
    EXPECT_FALSE(none->has_value());

    ASSERT_TRUE(store().outbox().enqueue(sample_item(platform::slack, at_ms(4'000))));
    ASSERT_TRUE(store().outbox().enqueue(sample_item(platform::slack, at_ms(2'000))));
    ASSERT_TRUE(store().outbox().enqueue(sample_item(platform::mattermost, at_ms(1'000))));
    auto next = store().outbox().next_due_time(platform::slack);
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(*next, at_ms(2'000));
}

TEST_F(SqliteOutbox, RemoveAndDepthAgree) {
    auto a = store().outbox().enqueue(sample_item(platform::slack, at_ms(1'000)));
    auto b = store().outbox().enqueue(sample_item(platform::mattermost, at_ms(1'000)));
    ASSERT_TRUE(a && b);
    auto depth = store().outbox().depth();
    ASSERT_TRUE(depth.has_value());
    EXPECT_EQ(*depth, 2);
    ASSERT_TRUE(store().outbox().remove(*a));
    depth = store().outbox().depth();
    ASSERT_TRUE(depth.has_value());
    EXPECT_EQ(*depth, 1);
}

TEST_F(SqliteOutbox, ListsAPostsItemsInOrder) {
    const auto post = insert_post("T1", 1);
    auto item = sample_item(platform::slack, at_ms(1'000));
    item.post_id = post;
    item.kind = job_kind::channel_post;
    auto posted = store().outbox().enqueue(item);
    item.kind = job_kind::update_post;
    auto updated = store().outbox().enqueue(item);
    ASSERT_TRUE(store().outbox().enqueue(sample_item(platform::slack, at_ms(1'000))));
    ASSERT_TRUE(posted && updated);

    auto items = store().outbox().for_post(post);
    ASSERT_TRUE(items.has_value());
    ASSERT_EQ(items->size(), 2U);
    EXPECT_EQ((*items)[0].id, *posted);
    EXPECT_EQ((*items)[0].kind, job_kind::channel_post);
    EXPECT_EQ((*items)[1].id, *updated);
    EXPECT_EQ((*items)[1].kind, job_kind::update_post);
}

TEST_F(SqliteOutbox, ItemsSurviveARestart) {
    ASSERT_TRUE(store().outbox().enqueue(sample_item(platform::slack, at_ms(1'000))));
    reopen();
    auto due = store().outbox().due(platform::slack, at_ms(1'000), 10);
    ASSERT_TRUE(due.has_value());
    EXPECT_EQ(due->size(), 1U);
}

} // namespace
