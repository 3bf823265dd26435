// Durable delivery through the outbox: retries with backoff, Retry-After, pacing, failure.
#include "tests/scenarios/harness.hpp"

namespace openfloor::testing {
namespace {

using bot::delivery_result;
using bot::job_kind;
using status = bot::delivery_result::status;

class Delivery : public scenario {};

TEST_F(Delivery, TransientErrorsAreRetriedWithGrowingDelays) {
    int failures_left = 2;
    platform_.respond = [&](const bot::delivery_job& job) {
        if (job.kind == job_kind::channel_post && failures_left > 0) {
            --failures_left;
            return answer(status::retry, "http_503");
        }
        return delivery_result{};
    };
    slash(alice, "#quick retried");
    deliver_due();
    EXPECT_TRUE(platform_.to("C0QUICK").empty());
    run_for(std::chrono::seconds(5));
    const auto posts = platform_.to("C0QUICK");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.attempt, 3);
    EXPECT_EQ(post(1)->state, bot::post_state::posted);
}

TEST_F(Delivery, RateLimitHonoursRetryAfterWithoutUsingUpAttempts) {
    int limited = 6; // more 429s than max_attempts (4)
    std::vector<bot::time_point> tries;
    platform_.respond = [&](const bot::delivery_job& job) {
        if (job.kind == job_kind::channel_post) {
            tries.push_back(clock_.now());
            if (limited-- > 0) {
                return answer(status::rate_limited, "ratelimited", std::chrono::seconds(3));
            }
        }
        return delivery_result{};
    };
    slash(alice, "#quick patient");
    run_for(std::chrono::seconds(25));
    ASSERT_EQ(platform_.to("C0QUICK").size(), 1U);
    ASSERT_EQ(tries.size(), 7U);
    for (std::size_t i = 1; i < tries.size(); ++i) {
        EXPECT_GE(tries[i] - tries[i - 1], std::chrono::seconds(3));
    }
    EXPECT_EQ(post(1)->state, bot::post_state::posted);
}

TEST_F(Delivery, AfterMaxAttemptsThePostFailsAndModeratorsAndAuthorAreTold) {
    platform_.respond = [](const bot::delivery_job& job) {
        if (job.kind == job_kind::channel_post) {
            return answer(status::retry, "http_500");
        }
        return delivery_result{};
    };
    slash(alice, "#quick doomed");
    run_for(std::chrono::seconds(60));
    EXPECT_EQ(post(1)->state, bot::post_state::failed);
    std::size_t attempts = 0;
    for (const auto& s : platform_.sent) {
        attempts += s.job.kind == job_kind::channel_post ? 1U : 0U;
    }
    EXPECT_EQ(attempts, 4U);
    const auto mods = platform_.to("C0MODS");
    ASSERT_EQ(mods.size(), 1U);
    EXPECT_NE(mods[0].job.body.text.find("#1"), std::string::npos);
    EXPECT_NE(mods[0].job.body.text.find("http_500"), std::string::npos);
    EXPECT_NE(texts_to("D0SECRETDM").back().find("could not be delivered"), std::string::npos);
    auto depth = store_->outbox().depth();
    ASSERT_TRUE(depth);
    EXPECT_EQ(*depth, 0);
}

TEST_F(Delivery, APermanentRefusalFailsAtOnce) {
    platform_.respond = [](const bot::delivery_job& job) {
        if (job.kind == job_kind::channel_post) {
            return answer(status::give_up, "channel_not_found");
        }
        return delivery_result{};
    };
    slash(alice, "#quick to nowhere");
    deliver_due();
    EXPECT_EQ(post(1)->state, bot::post_state::failed);
}

TEST_F(Delivery, PostsIntoOneChannelArePacedButOtherChannelsAreNot) {
    dm(alice, "#quick one");
    dm(bob, "#quick two");
    deliver_due();
    EXPECT_EQ(platform_.to("C0QUICK").size(), 1U);
    clock_.advance(std::chrono::milliseconds(999));
    deliver_due();
    EXPECT_EQ(platform_.to("C0QUICK").size(), 1U);
    clock_.advance(std::chrono::milliseconds(1));
    deliver_due();
    const auto posts = platform_.to("C0QUICK");
    ASSERT_EQ(posts.size(), 2U);
    EXPECT_EQ(posts[0].job.body.number, 1);
    EXPECT_EQ(posts[1].job.body.number, 2) << "order is kept";
    // The authors' DMs were not held back by #quick's pace.
    EXPECT_EQ(platform_.to("D0SECRETDM").size(), 1U);
    EXPECT_EQ(platform_.to("D0BOBDM").size(), 1U);
}

TEST_F(Delivery, PacingOffSendsEverythingAtOnce) {
    settings_.outbound.channel_interval = std::chrono::milliseconds(0);
    for (int i = 0; i < 5; ++i) {
        slash(bob, "#quick burst " + std::to_string(i));
    }
    deliver_due();
    EXPECT_EQ(platform_.to("C0QUICK").size(), 5U);
}

} // namespace
} // namespace openfloor::testing
