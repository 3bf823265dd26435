// /metrics and /healthz after real Slack traffic: the counts move with what happened (requests
// by routed path, Socket Mode acks, posts by state, deliveries, a 429, a reconnect), a post in
// its posting delay shows nowhere, and a failing database is reported by both.
#include "tests/slack_e2e/fixture.hpp"

#include <SQLiteCpp/Database.h>

namespace openfloor::testing {
namespace {

std::string requests(const std::string& endpoint, const std::string& status) {
    return "openfloor_http_requests_total{endpoint=\"" + endpoint + "\",status=\"" + status + "\"}";
}

std::string posts(const std::string& state) {
    return "openfloor_posts{platform=\"slack\",state=\"" + state + "\"}";
}

const std::string deliveries = "openfloor_delivery_duration_seconds_count{platform=\"slack\"}";
const std::string delivery_seconds = "openfloor_delivery_duration_seconds_sum{platform=\"slack\"}";

class SlackMetrics : public slack_e2e {
protected:
    // Renames the outbox table from a second connection, as a broken file would fail the read.
    void rename_outbox(const std::string& from, const std::string& to) {
        SQLite::Database other(settings_.storage.path, SQLite::OPEN_READWRITE);
        other.setBusyTimeout(2000);
        other.exec("ALTER TABLE " + from + " RENAME TO " + to);
    }
};

TEST_F(SlackMetrics, CountsRequestsPostsDeliveriesAndA429) {
    boot(config::slack_mode::http);
    const auto before = scrape();
    EXPECT_EQ(before["openfloor_up"], 1);
    EXPECT_EQ(before[posts("posted")], 0);
    EXPECT_TRUE(before.has(deliveries)) << "each series shows from the first scrape";

    slack_->inject("chat.postMessage", fake_slack::rate_limited(1)); // the preview waits 1 s
    event(slack_->dm_event(alice, alice_dm, "#eng mistake: totals", "EvM1"));
    // The fake records the refused try too: wait for the second, delivered one.
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to(alice_dm).size() == 2; }));
    click(alice, alice_dm, "openfloor_confirm", draft_in(alice_dm));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0ENG").size() == 1; }));
    ASSERT_FALSE(channel_ts_of(1).empty()); // recorded as posted
    EXPECT_EQ(get("/nowhere?user=" + alice).status, 404U);

    const auto after = scrape();
    EXPECT_EQ(after[requests("/slack/events", "200")], 1);
    EXPECT_EQ(after[requests("/slack/interactivity", "200")], 1);
    EXPECT_EQ(after[requests("other", "404")], 1);
    EXPECT_EQ(after[requests("/metrics", "200")], 1) << "the first scrape, counted once answered";
    EXPECT_EQ(after["openfloor_http_request_duration_seconds_count{endpoint=\"/slack/events\"}"],
              1);
    EXPECT_EQ(after[posts("posted")], 1);
    EXPECT_EQ(after[posts("queued")], 0);
    EXPECT_EQ(after["openfloor_rate_limited_total{platform=\"slack\"}"], 1);
    EXPECT_GE(after[deliveries] - before[deliveries], 2) << "the preview and the channel post";
    EXPECT_GE(after[delivery_seconds] - before[delivery_seconds], 1.0)
        << "the rate-limited preview is timed from its first send, Retry-After included";
    EXPECT_EQ(after["openfloor_delivery_duration_seconds_bucket{platform=\"slack\",le=\"+Inf\"}"],
              after[deliveries]);
    EXPECT_EQ(after["openfloor_delivery_retries_total{platform=\"slack\"}"], 0)
        << "a 429 is not a failure";
}

TEST_F(SlackMetrics, APostInItsPostingDelayShowsNowhere) {
    boot(config::slack_mode::socket, nullptr, [](config::settings& s) {
        s.posting.delay_min = std::chrono::seconds(3600);
        s.posting.delay_max = std::chrono::seconds(3600);
    });
    event(slack_->dm_event(alice, alice_dm, "#eng mistake: totals", "EvD1"));
    ASSERT_TRUE(wait_for([&] { return !draft_in(alice_dm).empty(); }));
    click(alice, alice_dm, "openfloor_confirm", draft_in(alice_dm));
    // The author's notices go out; the channel post alone stays, due in an hour.
    ASSERT_TRUE(wait_for([&] {
        auto depth = bot_->store().outbox().depth();
        return depth && *depth == 1 && bot_->slack()->outbox().in_flight() == 0;
    }));
    auto stored = bot_->store().posts().find("slack", 1);
    ASSERT_TRUE(stored && *stored);
    EXPECT_EQ((*stored)->state, bot::post_state::queued);

    const auto scraped = scrape();
    for (const auto* state : {"queued", "posted", "rejected", "deleted", "failed"}) {
        EXPECT_EQ(scraped[posts(state)], 0) << state;
    }
    EXPECT_EQ(scraped["openfloor_outbox_depth{platform=\"slack\"}"], 0);
    EXPECT_EQ(scraped["openfloor_outbox_oldest_due_seconds{platform=\"slack\"}"], 0);
    const auto health = nlohmann::json::parse(get("/healthz").body);
    EXPECT_EQ(health.value("outbox", -1), 0);
    // Socket Mode acks are timed too: the DM's event and the click.
    const std::string acks = "openfloor_socket_ack_duration_seconds_count{platform=\"slack\",";
    EXPECT_EQ(scraped[acks + "endpoint=\"events_api\"}"], 1);
    EXPECT_EQ(scraped[acks + "endpoint=\"interactive\"}"], 1);
}

TEST_F(SlackMetrics, HealthzAndMetricsSayWhenTheDatabaseFails) {
    boot(config::slack_mode::socket);
    EXPECT_EQ(scrape()["openfloor_database_up"], 1);
    rename_outbox("outbox", "outbox_away");
    const auto down = get("/healthz");
    EXPECT_EQ(down.status, 503U);
    const auto body = nlohmann::json::parse(down.body);
    EXPECT_EQ(body.value("database", ""), "error");
    EXPECT_EQ(body.value("slack", ""), "connected") << "the other keys keep their shape";
    EXPECT_EQ(scrape()["openfloor_database_up"], 0) << "still a scrape: the failure is a figure";

    rename_outbox("outbox_away", "outbox");
    const auto up = get("/healthz");
    EXPECT_EQ(up.status, 200U);
    EXPECT_EQ(nlohmann::json::parse(up.body).value("database", ""), "ok");
}

TEST_F(SlackMetrics, CountsSocketModeReconnects) {
    boot(config::slack_mode::socket);
    EXPECT_EQ(scrape()["openfloor_websocket_reconnects_total{platform=\"slack\"}"], 0);
    EXPECT_EQ(scrape()["openfloor_platform_up{platform=\"slack\"}"], 1);
    slack_->newest_socket()->drop();
    ASSERT_TRUE(wait_for([&] {
        return bot_->slack()->socket()->connections_opened() == 2 && bot_->slack()->healthy();
    }));
    EXPECT_EQ(scrape()["openfloor_websocket_reconnects_total{platform=\"slack\"}"], 1);
}

} // namespace
} // namespace openfloor::testing
