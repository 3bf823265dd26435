// The stored names of post_state and job_kind: exact, round-tripping, and strict when parsed.
#include "bot/records.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace openfloor::bot {
namespace {

class Records : public ::testing::Test {
protected:
    const std::vector<std::pair<post_state, std::string>> post_states_{
        {post_state::queued, "queued"},     {post_state::posted, "posted"},
        {post_state::rejected, "rejected"}, {post_state::deleted, "deleted"},
        {post_state::failed, "failed"},
    };
    const std::vector<std::pair<job_kind, std::string>> job_kinds_{
        {job_kind::channel_post, "channel_post"},
        {job_kind::queue_item, "queue_item"},
        {job_kind::thread_post, "thread_post"},
        {job_kind::direct_message, "direct_message"},
        {job_kind::update_post, "update_post"},
        {job_kind::update_queue_item, "update_queue_item"},
        {job_kind::delete_post, "delete_post"},
        {job_kind::moderators_notice, "moderators_notice"},
        {job_kind::channel_notice, "channel_notice"},
        {job_kind::ephemeral, "ephemeral"},
        {job_kind::home_view, "home_view"},
    };
};

TEST_F(Records, PostStatesAreStoredUnderTheirNames) {
    for (const auto& [state, name] : post_states_) {
        EXPECT_EQ(to_string(state), name);
    }
}

TEST_F(Records, PostStatesRoundTripThroughTheirNames) {
    for (const auto& [state, name] : post_states_) {
        post_state parsed = state == post_state::queued ? post_state::failed : post_state::queued;
        ASSERT_TRUE(parse_post_state(name, parsed)) << name;
        EXPECT_EQ(parsed, state);
    }
}

TEST_F(Records, JobKindsAreStoredUnderTheirNames) {
    for (const auto& [kind, name] : job_kinds_) {
        EXPECT_EQ(to_string(kind), name);
    }
}

TEST_F(Records, JobKindsRoundTripThroughTheirNames) {
    for (const auto& [kind, name] : job_kinds_) {
        job_kind parsed =
            kind == job_kind::channel_post ? job_kind::delete_post : job_kind::channel_post;
        ASSERT_TRUE(parse_job_kind(name, parsed)) << name;
        EXPECT_EQ(parsed, kind);
    }
}

TEST_F(Records, ParsingAPostStateRejectsUnknownNamesAndLeavesTheOutputAlone) {
    post_state state = post_state::posted;
    for (const char* bad : {"", "Queued", "queued ", "post", "unknown"}) {
        EXPECT_FALSE(parse_post_state(bad, state)) << bad;
    }
    EXPECT_EQ(state, post_state::posted);
}

TEST_F(Records, ParsingAJobKindRejectsUnknownNamesAndLeavesTheOutputAlone) {
    job_kind kind = job_kind::thread_post;
    for (const char* bad : {"", "Channel_post", "channel-post", "dm", "unknown"}) {
        EXPECT_FALSE(parse_job_kind(bad, kind)) << bad;
    }
    EXPECT_EQ(kind, job_kind::thread_post);
}

} // namespace
} // namespace openfloor::bot
