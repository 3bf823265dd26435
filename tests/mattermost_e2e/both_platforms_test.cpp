// One config, one process, both platforms: a Slack workspace in Socket Mode and a Mattermost
// server, each with its own channels, outbox and numbering, and /healthz reporting both.
#include "tests/fakes/fake_slack.hpp"
#include "tests/mattermost_e2e/fixture.hpp"

#include <boost/beast/http/verb.hpp>

namespace openfloor::testing {
namespace {

class BothPlatforms : public mattermost_e2e {
protected:
    std::unique_ptr<fake_slack> slack_;
};

TEST_F(BothPlatforms, OneProcessServesSlackAndMattermost) {
    slack_ = std::make_unique<fake_slack>(ioc_);
    boot([&](config::settings& s) {
        s.slack = config::slack_settings{};
        s.slack->mode = config::slack_mode::socket;
        s.slack->bot_token = config::secret(slack_->bot_token);
        s.slack->app_token = config::secret(slack_->app_token);
        s.slack->api_base_url = slack_->api_base_url();
        config::channel_settings general;
        general.key = "general";
        general.platform = config::platform::slack;
        general.channel_id = "C0GENERAL";
        general.confirm = false;
        s.channels.push_back(general);
        s.moderation.slack_channel = "C0MODS";
    });
    ASSERT_TRUE(wait_for([&] { return bot_->slack()->healthy(); }));

    // Slack: a DM to the app posts into the Slack channel.
    slack_->push("events_api", slack_->dm_event("U0SLACKER", "D0SLACKDM",
                                                "#general question: from Slack", "EvBoth1"));
    // Mattermost: a DM to the bot posts into the Mattermost channel.
    mm_->dm_post(alice, "#quick question: from Mattermost");
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0GENERAL").size() == 1; }));
    ASSERT_TRUE(wait_for_post(quick, "from Mattermost"));
    EXPECT_EQ(slack_->posts_to("C0GENERAL")[0].body.dump().find("from Mattermost"), std::string::npos);
    EXPECT_FALSE(bot_post_in(quick, "from Slack").has_value());

    // A Mattermost author cannot aim at a Slack channel key.
    mm_->dm_post(alice, "#general question: crossing over");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for_post(dm, "general"));
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(slack_->posts_to("C0GENERAL").size(), 1U);

    transport::client_request health;
    health.method = transport::http::verb::get;
    health.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + "/healthz";
    auto r = send(health);
    EXPECT_EQ(r.status, 200U) << r.body;
    const auto body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body.value("slack", ""), "connected");
    EXPECT_EQ(body.value("mattermost", ""), "connected");

    // A Mattermost outage degrades health; Slack keeps working.
    mm_->forget_connections = true;
    mm_->inject("GET", "/websocket", fake_mattermost::server_error(503), 1000);
    ASSERT_TRUE(mm_->drop_socket());
    ASSERT_TRUE(wait_for([&] { return !bot_->mattermost()->healthy(); }));
    r = send(health);
    EXPECT_EQ(r.status, 503U);
    EXPECT_EQ(nlohmann::json::parse(r.body).value("mattermost", ""), "connecting");
    slack_->push("events_api", slack_->dm_event("U0SLACKER", "D0SLACKDM",
                                                "#general question: still here", "EvBoth2"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0GENERAL").size() == 2; }));
}

} // namespace
} // namespace openfloor::testing
