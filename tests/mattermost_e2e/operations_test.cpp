// The rest of what an operator relies on: deletes through REST, webhook channels, TLS to the
// server with a private CA, and a restart that keeps the queue.
#include "tests/mattermost_e2e/fixture.hpp"
#include "tests/support/test_certs.hpp"

namespace openfloor::testing {
namespace {

class MattermostOperations : public mattermost_e2e {};

TEST_F(MattermostOperations, ModeratorDeleteRemovesThePostAndTellsTheAuthor) {
    boot();
    mm_->dm_post(alice, "#quick question: to be removed");
    const std::string post = post_id_of(1);
    ASSERT_FALSE(post.empty());
    auto answer = command_answer(moderator, town_square, "delete 1 off-topic");
    EXPECT_EQ(answer.value("response_type", ""), "ephemeral");
    ASSERT_TRUE(wait_for([&] { return !mm_->calls_to("DELETE", "/posts/" + post).empty(); }));
    ASSERT_TRUE(wait_for([&] { return mm_->post(post)->value("delete_at", std::int64_t{0}) > 0; }));
    ASSERT_TRUE(wait_for_post(dm_of(alice), "removed"));
}

TEST_F(MattermostOperations, AuthorDeleteOfAnAlreadyRemovedPostStillSucceeds) {
    boot();
    mm_->dm_post(alice, "#quick question: gone twice");
    const std::string post = post_id_of(1);
    ASSERT_FALSE(post.empty());
    mm_->inject_exact("DELETE", "/api/v4/posts/" + post,
                      fake_mattermost::app_error(404, "app.post.get.app_error"), 1);
    mm_->dm_post(alice, "delete 1");
    ASSERT_TRUE(wait_for([&] { return !mm_->calls_to("DELETE", "/posts/" + post).empty(); }));
    ASSERT_TRUE(wait_for([&] { return log_.find("\"kind\":\"delete_post\"") != std::string::npos &&
                                      log_.find("outbox.delivered") != std::string::npos; }));
    EXPECT_EQ(log_.find("outbox.failed"), std::string::npos);
}

TEST_F(MattermostOperations, WebhookChannelPostsThroughTheIncomingWebhook) {
    boot([&](config::settings& s) {
        config::channel_settings hooked;
        hooked.key = "hooked";
        hooked.platform = config::platform::mattermost;
        hooked.channel_id = "h7kd3mzq9xw1tyb5rc8pfn2gae";
        hooked.confirm = false;
        hooked.webhook_url = mm_->hook_url("xyz");
        s.channels.push_back(hooked);
    });
    mm_->dm_post(alice, "#hooked question: through the hook @here");
    ASSERT_TRUE(wait_for([&] { return !mm_->calls_to("POST", "/hooks/xyz").empty(); }));
    const auto call = mm_->calls_to("POST", "/hooks/xyz").front();
    EXPECT_NE(call.body.value("text", "").find("through the hook @\u200Bhere"), std::string::npos)
        << call.body.dump();
    EXPECT_TRUE(call.authorization.empty()); // the URL is the authority, not the bot token
    EXPECT_EQ(call.body.dump().find(alice), std::string::npos);
}

TEST_F(MattermostOperations, TlsToTheServerWithAPrivateCa) {
    const auto certs = make_test_certs(dir_.path());
    server_tls_ = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    server_tls_->use_certificate_chain_file(certs.leaf_cert.string());
    server_tls_->use_private_key_file(certs.leaf_key.string(), asio::ssl::context::pem);
    settings_.outbound.ca_file = certs.ca_cert.string();
    boot(nullptr, server_tls_.get());
    EXPECT_EQ(settings_.mattermost->url.rfind("https://", 0), 0U);
    mm_->dm_post(alice, "#quick question: over TLS");
    ASSERT_TRUE(wait_for_post(quick, "over TLS"));
}

TEST_F(MattermostOperations, ARestartKeepsTheQueueAndPostsWhatWasConfirmed) {
    boot();
    mm_->inject_exact("POST", "/api/v4/posts", fake_mattermost::server_error(503), 1000);
    mm_->dm_post(alice, "#quick question: survives a restart");
    ASSERT_TRUE(wait_for([&] { return mm_->calls_to("POST", "/posts").size() >= 1; }));
    bot_->stop();
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(50));
    bot_.reset();
    mm_ = std::make_unique<fake_mattermost>(ioc_); // the server comes back healthy
    mm_->add_user(alice, "alice");
    settings_.mattermost->url = mm_->url();
    ASSERT_TRUE(start_bot());
    ASSERT_TRUE(wait_for_post(quick, "survives a restart"));
}

} // namespace
} // namespace openfloor::testing
