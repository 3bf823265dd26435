// /metrics after real Mattermost traffic: requests by routed path, posts by state, deliveries,
// a 429 and a websocket reconnect all move by what happened.
#include "tests/mattermost_e2e/fixture.hpp"

namespace openfloor::testing {
namespace {

std::string requests(const std::string& endpoint, const std::string& status) {
    return "openfloor_http_requests_total{endpoint=\"" + endpoint + "\",status=\"" + status + "\"}";
}

std::string labelled(const std::string& name) {
    return name + "{platform=\"mattermost\"}";
}

class MattermostMetrics : public mattermost_e2e {};

TEST_F(MattermostMetrics, CountsRequestsPostsDeliveriesA429AndAReconnect) {
    boot();
    const std::string deliveries = labelled("openfloor_delivery_duration_seconds_count");
    const auto before = scrape();
    EXPECT_EQ(before[labelled("openfloor_platform_up")], 1);
    EXPECT_EQ(before[labelled("openfloor_websocket_reconnects_total")], 0);

    command_answer(alice, town_square, "#quick question: from a command"); // posts at once
    ASSERT_FALSE(post_id_of(1).empty());
    mm_->dm_post(alice, "#eng mistake: totals");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    mm_->inject_exact("POST", "/api/v4/posts", fake_mattermost::rate_limited(1));
    ASSERT_EQ(click(mm_->last_post_with_buttons(dm), "openfloor_confirm", alice).status, 200U);
    ASSERT_FALSE(post_id_of(2).empty());
    mm_->forget_connections = true;
    ASSERT_TRUE(mm_->drop_socket());
    ASSERT_TRUE(wait_for([&] {
        return bot_->mattermost()->socket().connections_opened() == 2 &&
               bot_->mattermost()->healthy();
    }));

    const auto after = scrape();
    EXPECT_EQ(after[requests("/mattermost/commands", "200")], 1);
    EXPECT_EQ(after[requests("/mattermost/actions", "200")], 1);
    EXPECT_EQ(after["openfloor_http_request_duration_seconds_count{endpoint=\"/mattermost/"
                    "actions\"}"],
              1);
    EXPECT_EQ(after["openfloor_posts{platform=\"mattermost\",state=\"posted\"}"], 2);
    EXPECT_EQ(after["openfloor_posts{platform=\"mattermost\",state=\"queued\"}"], 0);
    EXPECT_EQ(after[labelled("openfloor_rate_limited_total")], 1);
    EXPECT_GE(after[deliveries] - before[deliveries], 2) << "at least the two channel posts";
    EXPECT_EQ(after[labelled("openfloor_websocket_reconnects_total")], 1);
    EXPECT_EQ(after[labelled("openfloor_platform_up")], 1);
}

} // namespace
} // namespace openfloor::testing
