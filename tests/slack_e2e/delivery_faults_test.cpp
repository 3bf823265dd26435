// The durable outbox against a misbehaving Slack: 5xx, resets and stalls are retried until the
// post arrives once; a permanent refusal marks it failed and tells the moderators.
#include "tests/slack_e2e/fixture.hpp"

namespace openfloor::testing {
namespace {

class SlackDeliveryFaults : public slack_e2e {
protected:
    void SetUp() override { boot(config::slack_mode::socket); }
    bool posted(bot::post_number n) {
        auto p = bot_->store().posts().find("slack", n);
        return p && *p && (*p)->state == bot::post_state::posted;
    }
    std::size_t channel_posts_with(const std::string& text) {
        std::size_t n = 0;
        for (const auto& c : slack_->posts_to("C0QUICK")) {
            n += all_text(c.body).find(text) != std::string::npos ? 1U : 0U;
        }
        return n;
    }
};

TEST_F(SlackDeliveryFaults, ServerErrorsAreRetriedUntilThePostArrives) {
    slack_->inject("chat.postMessage", fake_slack::server_error(503), 2);
    event(slack_->dm_event(alice, alice_dm, "#quick through the storm", "EvF1"));
    ASSERT_TRUE(wait_for([&] { return posted(1); }, std::chrono::seconds(15)));
}

TEST_F(SlackDeliveryFaults, AConnectionResetIsRetried) {
    fake_reply reset;
    reset.reset = true;
    slack_->inject("chat.postMessage", reset, 1);
    event(slack_->dm_event(alice, alice_dm, "#quick after a reset", "EvF2"));
    ASSERT_TRUE(wait_for([&] { return posted(1); }, std::chrono::seconds(15)));
}

TEST_F(SlackDeliveryFaults, AStallLongerThanTheTimeoutIsRetried) {
    fake_reply stall;
    stall.delay = settings_.outbound.timeout + std::chrono::milliseconds(1000);
    slack_->inject("chat.postMessage", stall, 1);
    event(slack_->dm_event(alice, alice_dm, "#quick after a stall", "EvF3"));
    ASSERT_TRUE(wait_for([&] { return posted(1); }, std::chrono::seconds(20)));
}

TEST_F(SlackDeliveryFaults, APermanentRefusalFailsThePostAndTellsModerators) {
    fake_reply refused;
    refused.body = R"({"ok":false,"error":"channel_not_found"})";
    slack_->inject("chat.postMessage", refused, 1);
    event(slack_->dm_event(alice, alice_dm, "#quick into the void", "EvF4"));
    ASSERT_TRUE(wait_for([&] {
        auto p = bot_->store().posts().find("slack", 1);
        return p && *p && (*p)->state == bot::post_state::failed;
    }));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0MODS").size() == 1; }));
    EXPECT_NE(all_text(slack_->posts_to("C0MODS")[0].body).find("channel_not_found"), std::string::npos);
}

class SlackWebhook : public slack_e2e {};

TEST_F(SlackWebhook, AWebhookChannelPostsThroughItsWebhook) {
    boot(config::slack_mode::socket, nullptr, [this](config::settings& s) {
        s.channels[2].webhook_url = slack_->hook_url("services/T0/B0/quick");
    });
    event(slack_->dm_event(alice, alice_dm, "#quick via webhook", "EvW1"));
    ASSERT_TRUE(wait_for([&] { return slack_->calls_to("/hooks/services/T0/B0/quick").size() == 1; }));
    EXPECT_NE(all_text(slack_->calls_to("/hooks/services/T0/B0/quick")[0].body).find("via webhook"),
              std::string::npos);
    EXPECT_TRUE(slack_->posts_to("C0QUICK").empty());
}

} // namespace
} // namespace openfloor::testing
