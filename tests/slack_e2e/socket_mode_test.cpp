// Socket Mode's own promises: acks, refresh without loss or doubling, TLS, a bad token.
#include "tests/slack_e2e/fixture.hpp"

#include "tests/support/test_certs.hpp"

#include <boost/asio/co_spawn.hpp>

namespace openfloor::testing {
namespace {

class SlackSocketMode : public slack_e2e {};

TEST_F(SlackSocketMode, AcknowledgesEachEnvelopeBeforeHandlingIt) {
    boot(config::slack_mode::socket);
    slack_->inject("chat.postMessage", [] {
        fake_reply slow;
        slow.delay = std::chrono::milliseconds(1500);
        slow.body = R"({"ok":true,"channel":"C0QUICK","ts":"1.1"})";
        return slow;
    }());
    const auto id = slack_->push("events_api", slack_->dm_event(alice, alice_dm, "#quick slow api", "EvA1"));
    // The ack does not wait for the (slow) Web API.
    ASSERT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value(); }, std::chrono::milliseconds(1000)));
    EXPECT_EQ(slack_->ack_for(id)->value("envelope_id", ""), id);
}

TEST_F(SlackSocketMode, ARefreshInTheMiddleOfTrafficLosesAndDoublesNothing) {
    boot(config::slack_mode::socket);
    auto first = slack_->newest_socket();
    ASSERT_TRUE(first);
    int sent = 0;
    auto push_post = [&](fake_socket& socket) {
        ++sent;
        slack_->push_on(socket, "events_api",
                        slack_->dm_event(alice, alice_dm, "#quick note " + std::to_string(sent),
                                         "EvRefresh" + std::to_string(sent)));
    };
    for (int i = 0; i < 3; ++i) {
        push_post(*first);
    }
    fake_slack::disconnect(*first, "refresh_requested");
    // The old socket is still read until the new one says hello: traffic on it still counts.
    push_post(*first);
    ASSERT_TRUE(wait_for([&] { return slack_->sockets.size() == 2; }));
    auto second = slack_->sockets[1];
    for (int i = 0; i < 3; ++i) {
        push_post(*second);
    }
    // Slack redelivers an envelope on the new socket; the same event id makes no second post.
    slack_->push_on(*second, "events_api",
                    slack_->dm_event(alice, alice_dm, "#quick note 1", "EvRefresh1"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == static_cast<std::size_t>(sent); }));
    ASSERT_TRUE(wait_for([&] { return !first->open; })) << "the old socket is closed by the bot";
    EXPECT_TRUE(second->open);
    wait_for([] { return false; }, std::chrono::milliseconds(300));
    EXPECT_EQ(slack_->posts_to("C0QUICK").size(), static_cast<std::size_t>(sent));
    EXPECT_EQ(slack_->calls_to("apps.connections.open").size(), 2U);
}

TEST_F(SlackSocketMode, ADroppedSocketIsReplaced) {
    boot(config::slack_mode::socket);
    slack_->newest_socket()->drop();
    ASSERT_TRUE(wait_for([&] { return slack_->sockets.size() == 2 && bot_->slack()->healthy(); }));
    event(slack_->dm_event(alice, alice_dm, "#quick after the drop", "EvD1"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
}

TEST_F(SlackSocketMode, WorksOverTlsWithATestCertificateAuthority) {
    const auto certs = make_test_certs(dir_.path());
    server_tls_ = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    server_tls_->use_certificate_chain_file(certs.leaf_cert.string());
    server_tls_->use_private_key_file(certs.leaf_key.string(), asio::ssl::context::pem);
    settings_.outbound.ca_file = certs.ca_cert.string();
    boot(config::slack_mode::socket, server_tls_.get());
    EXPECT_EQ(slack_->api_base_url().rfind("https://", 0), 0U);
    event(slack_->dm_event(alice, alice_dm, "#quick over TLS", "EvT1"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
}

asio::awaitable<void> try_start(app::bot_app& bot, bool& done, bool& ok) {
    ok = co_await bot.start();
    done = true;
}

TEST_F(SlackSocketMode, ABadBotTokenStopsStartUpWithAClearError) {
    slack_ = std::make_unique<fake_slack>(ioc_);
    settings_.identity.key = config::secret("e2e-secret-0123456789abcdef-0123456789abcdef");
    settings_.storage.path = dir_.file("openfloor.db").string();
    settings_.server.listen = "127.0.0.1:0";
    settings_.slack = config::slack_settings{};
    settings_.slack->bot_token = config::secret("xoxb-revoked");
    settings_.slack->app_token = config::secret(slack_->app_token);
    settings_.slack->api_base_url = slack_->api_base_url();
    config::channel_settings eng;
    eng.key = "eng";
    eng.channel_id = "C0ENG";
    settings_.channels = {eng};
    bot_ = std::make_unique<app::bot_app>(ioc_, settings_);
    bool done = false;
    bool ok = true;
    asio::co_spawn(ioc_, try_start(*bot_, done, ok), asio::detached);
    ASSERT_TRUE(wait_for([&] { return done; }));
    EXPECT_FALSE(ok);
    EXPECT_NE(log_.find("slack.auth_failed"), std::string::npos);
    EXPECT_NE(log_.find("invalid_auth"), std::string::npos);
}

} // namespace
} // namespace openfloor::testing
