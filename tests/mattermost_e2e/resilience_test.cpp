// The websocket and the REST side under faults: drops mid-traffic (resumed with a replay, or
// started afresh and caught up through REST), duplicate events, events to ignore, 429s and 5xx.
#include "tests/mattermost_e2e/fixture.hpp"

namespace openfloor::testing {
namespace {

class MattermostResilience : public mattermost_e2e {};

TEST_F(MattermostResilience, AuthenticatesByHeaderAndChallengeAndTracksSeq) {
    boot();
    ASSERT_EQ(mm_->sockets_opened(), 1U);
    const auto& socket = *mm_->sockets.front();
    EXPECT_TRUE(mm_->authenticated(socket));
    bool challenged = false;
    ASSERT_TRUE(wait_for([&] {
        for (const auto& frame : mm_->frames_from(socket)) {
            if (frame.value("action", "") == "authentication_challenge") {
                challenged = true;
                EXPECT_EQ(frame["data"].value("token", ""), mm_->bot_token);
                EXPECT_GE(frame.value("seq", 0), 1);
            }
        }
        return challenged;
    }));
    EXPECT_TRUE(challenged);
    // Events it must ignore move seq on but change nothing.
    mm_->push_typing(town_square, alice);
    mm_->push_status_change(alice, "online");
    mm_->dm_post(alice, "#quick question: after the noise");
    ASSERT_TRUE(wait_for_post(quick, "after the noise"));
}

TEST_F(MattermostResilience, IgnoresItsOwnEchoSystemPostsAndOtherBots) {
    boot();
    mm_->dm_post(alice, "#quick question: only this one");
    ASSERT_TRUE(wait_for_post(quick, "only this one"));
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for_post(dm, "#1 in #quick"));
    const auto before = mm_->calls_to("POST", "/posts").size();

    mm_->system_post(dm, "system_join_channel", "alice joined the channel.", alice);
    mm_->system_post(quick, "system_header_change", "header changed", alice);
    mm_new_post from_bot;
    from_bot.user_id = mm_->add_user("otherbot");
    from_bot.channel_id = mm_->open_dm(from_bot.user_id);
    from_bot.message = "#quick question: a bot speaking";
    from_bot.props = {{"from_bot", "true"}};
    mm_->deliver(from_bot);
    // The bot's own post echoed into a DM: never answered.
    mm_new_post own;
    own.user_id = mm_->bot_user_id;
    own.channel_id = dm;
    own.message = "#quick question: talking to myself";
    mm_->deliver(own);
    // A sentinel that must be handled, so the wait below ends once everything before it was read.
    mm_->dm_post(alice, "help");
    ASSERT_TRUE(wait_for([&] { return mm_->calls_to("POST", "/posts").size() == before + 1; }));
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(mm_->calls_to("POST", "/posts").size(), before + 1);
    EXPECT_FALSE(bot_post_in(quick, "bot speaking").has_value());
    EXPECT_FALSE(bot_post_in(quick, "talking to myself").has_value());
}

TEST_F(MattermostResilience, TheSameEventTwiceMakesOnePost) {
    boot();
    const std::string id = mm_->dm_post(alice, "#quick question: said once");
    mm_->push_posted(id);
    mm_->push_posted(id);
    ASSERT_TRUE(wait_for_post(quick, "said once"));
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(200));
    EXPECT_EQ(bot_posts_in(quick), 1U);
}

TEST_F(MattermostResilience, DroppedSocketResumesAndTheServerReplaysWhatWasMissed) {
    boot();
    mm_->dm_post(alice, "#quick question: before the drop");
    ASSERT_TRUE(wait_for_post(quick, "before the drop"));
    const std::string connection = mm_->connection_id();
    ASSERT_TRUE(mm_->drop_socket());
    // Written while the bot is away: buffered by the server for this connection id.
    mm_->dm_post(alice, "#quick question: while away");
    ASSERT_TRUE(wait_for_post(quick, "while away"));
    EXPECT_GE(mm_->resumes(), 1U);
    EXPECT_GE(mm_->replayed(), 1U);
    EXPECT_EQ(mm_->connection_id(), connection);
    const auto targets = mm_->socket_targets();
    ASSERT_GE(targets.size(), 2U);
    EXPECT_NE(targets.back().find("connection_id=" + connection), std::string::npos);
    EXPECT_NE(targets.back().find("sequence_number="), std::string::npos);
    mm_->dm_post(alice, "#quick question: after the drop");
    ASSERT_TRUE(wait_for_post(quick, "after the drop"));
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(200));
    EXPECT_EQ(bot_posts_in(quick), 3U); // nothing lost, nothing doubled
}

TEST_F(MattermostResilience, FreshConnectionAfterADropCatchesUpThroughRest) {
    boot();
    mm_->dm_post(alice, "#quick question: seen live");
    ASSERT_TRUE(wait_for_post(quick, "seen live"));
    const std::string dm = dm_of(alice);
    const auto first = post_id_of(1);
    mm_->forget_connections = true; // the server restarted: no replay, a new connection id
    ASSERT_TRUE(mm_->drop_socket());
    mm_->dm_post(alice, "#quick question: sent during the outage");
    mm_->thread_reply(bob, "bob", quick, first, "an answer during the outage");
    ASSERT_TRUE(wait_for_post(quick, "during the outage"));
    ASSERT_TRUE(wait_for_post(dm, "an answer during the outage"));
    EXPECT_GE(bot_->mattermost()->socket().catch_ups(), 1U);
    EXPECT_FALSE(mm_->calls_to("GET", "/channels/" + dm + "/posts").empty());
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(200));
    EXPECT_EQ(bot_posts_in(quick), 2U);
    std::size_t relays = 0;
    for (const auto& p : mm_->posts_in(dm)) {
        relays += p.value("message", "").find("an answer during the outage") != std::string::npos;
    }
    EXPECT_EQ(relays, 1U);
}

TEST_F(MattermostResilience, DropMidTrafficLosesAndDoublesNothing) {
    boot();
    for (int i = 0; i < 12; ++i) {
        if (i == 4) {
            ASSERT_TRUE(mm_->drop_socket());
        }
        if (i == 8) {
            // Back on a second socket, then a server restart: the next one starts afresh.
            ASSERT_TRUE(wait_for([&] { return mm_->sockets_opened() == 2 && mm_->open_sockets() == 1; }));
            mm_->forget_connections = true;
            ASSERT_TRUE(mm_->drop_socket());
        }
        mm_->dm_post(alice, "#quick question: message " + std::to_string(i) + " end");
    }
    ASSERT_TRUE(wait_for([&] { return bot_posts_in(quick) >= 12; }, std::chrono::seconds(20)));
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(300));
    EXPECT_EQ(bot_posts_in(quick), 12U);
    for (int i = 0; i < 12; ++i) {
        EXPECT_TRUE(bot_post_in(quick, "message " + std::to_string(i) + " end").has_value()) << i;
    }
}

TEST_F(MattermostResilience, RateLimitedPostIsDeliveredAfterRetryAfter) {
    boot();
    mm_->inject_exact("POST", "/api/v4/posts", fake_mattermost::rate_limited(1), 2);
    mm_->dm_post(alice, "#quick question: through the 429s");
    ASSERT_TRUE(wait_for_post(quick, "through the 429s"));
    EXPECT_EQ(bot_posts_in(quick), 1U);
    EXPECT_NE(log_.find("outbox.rate_limited"), std::string::npos);
}

TEST_F(MattermostResilience, ServerErrorsAreRetried) {
    boot([](config::settings& s) { s.outbound.max_attempts = 5; });
    mm_->inject_exact("POST", "/api/v4/posts", fake_mattermost::server_error(500), 1);
    mm_->inject_exact("POST", "/api/v4/posts", fake_mattermost::reset(), 1);
    mm_->dm_post(alice, "#quick question: through the errors");
    ASSERT_TRUE(wait_for_post(quick, "through the errors"));
    EXPECT_EQ(bot_posts_in(quick), 1U);
}

TEST_F(MattermostResilience, ExhaustedBudgetHoldsSendsUntilTheReset) {
    boot();
    mm_->rate_limit_headers.enabled = true;
    mm_->rate_limit_headers.remaining = 0;
    mm_->rate_limit_headers.reset_seconds = 1;
    mm_->dm_post(alice, "#quick question: first under the limit");
    ASSERT_TRUE(wait_for_post(quick, "first under the limit"));
    mm_->rate_limit_headers.enabled = false;
    mm_->dm_post(alice, "#quick question: second under the limit");
    ASSERT_TRUE(wait_for_post(quick, "second under the limit"));
    EXPECT_NE(log_.find("outbox.rate_limited"), std::string::npos); // held, not sent into a 429
}

TEST_F(MattermostResilience, BadTokenStopsStartUpWithAClearError) {
    mm_ = std::make_unique<fake_mattermost>(ioc_);
    settings_.identity.key = config::secret("e2e-secret-0123456789abcdef-0123456789abcdef");
    settings_.storage.path = dir_.file("openfloor.db").string();
    settings_.server.listen = "127.0.0.1:0";
    settings_.mattermost = config::mattermost_settings{};
    settings_.mattermost->url = mm_->url();
    settings_.mattermost->bot_token = config::secret("not-the-token");
    settings_.mattermost->command_token = config::secret(mm_->command_token);
    EXPECT_FALSE(start_bot());
    EXPECT_NE(log_.find("mattermost.auth_failed"), std::string::npos);
    EXPECT_NE(log_.find("refused mattermost.bot_token"), std::string::npos);
}

TEST_F(MattermostResilience, UnreachableServerStopsStartUpWithAClearError) {
    settings_.identity.key = config::secret("e2e-secret-0123456789abcdef-0123456789abcdef");
    settings_.storage.path = dir_.file("openfloor.db").string();
    settings_.server.listen = "127.0.0.1:0";
    settings_.outbound.timeout = std::chrono::milliseconds(500);
    settings_.mattermost = config::mattermost_settings{};
    settings_.mattermost->url = "http://127.0.0.1:1"; // nothing listens there
    settings_.mattermost->bot_token = config::secret("token");
    settings_.mattermost->command_token = config::secret("command-token");
    EXPECT_FALSE(start_bot());
    EXPECT_NE(log_.find("did not answer"), std::string::npos);
}

} // namespace
} // namespace openfloor::testing
