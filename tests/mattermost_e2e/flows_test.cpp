// Every product flow on Mattermost, end to end: DM → preview → confirm (button and text) →
// channel post; pre-moderation; ban; threads both ways; the slash command.
#include "tests/mattermost_e2e/fixture.hpp"

namespace openfloor::testing {
namespace {

class MattermostFlows : public mattermost_e2e {};

TEST_F(MattermostFlows, DirectMessagePreviewButtonPostsAnonymously) {
    boot();
    mm_->dm_post(alice, "#eng mistake: the Q3 totals are off by 10% @channel *today*");
    const std::string dm = dm_of(alice);
    ASSERT_FALSE(dm.empty());
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    const std::string preview = mm_->last_post_with_buttons(dm);
    const auto buttons = mm_->buttons_of(preview);
    ASSERT_EQ(buttons.size(), 2U);
    EXPECT_EQ(buttons[0].id, "openfloorconfirm");
    EXPECT_EQ(buttons[1].id, "openfloorcancel");

    auto answer = click(preview, "openfloor_confirm", alice);
    ASSERT_EQ(answer.status, 200U);
    const auto body = nlohmann::json::parse(answer.body);
    EXPECT_TRUE(body.value("skip_slack_parsing", false));
    EXPECT_NE(body["update"].value("message", "").find("#1"), std::string::npos) << answer.body;
    EXPECT_TRUE(body["update"]["props"].empty()); // the preview loses its buttons
    EXPECT_TRUE(mm_->buttons_of(preview).empty());

    ASSERT_TRUE(wait_for_post(eng, "Q3 totals"));
    const auto post = *bot_post_in(eng, "Q3 totals");
    const std::string message = post.value("message", "");
    EXPECT_NE(message.find("#1"), std::string::npos);
    EXPECT_NE(message.find("@\u200Bchannel"), std::string::npos) << message; // notifies nobody
    EXPECT_NE(message.find("\\*today\\*"), std::string::npos) << message;   // markdown escaped
    EXPECT_EQ(post.dump().find(alice), std::string::npos);
    EXPECT_EQ(post_id_of(1), post.value("id", ""));

    // A second click on the same (now stale) button posts nothing twice.
    auto again = post_action(mm_->click_body(buttons[0], alice));
    EXPECT_EQ(again.status, 200U);
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(bot_posts_in(eng), 1U);
}

TEST_F(MattermostFlows, WithoutPublicUrlThePreviewAsksForPostOrCancel) {
    boot([](config::settings& s) { s.server.public_url.reset(); });
    mm_->dm_post(alice, "#eng question: why is the rota manual?");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for_post(dm, "`post`"));
    const auto preview = *bot_post_in(dm, "`post`");
    EXPECT_TRUE(mm_->buttons_of(preview.value("id", "")).empty());
    EXPECT_NE(preview.value("message", "").find("rota manual"), std::string::npos);

    mm_->dm_post(alice, "post");
    ASSERT_TRUE(wait_for_post(eng, "rota manual"));
    ASSERT_TRUE(wait_for_post(dm, "#1"));
}

TEST_F(MattermostFlows, CancelButtonPostsNothing) {
    boot();
    mm_->dm_post(alice, "#eng mistake: never mind");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    auto answer = click(mm_->last_post_with_buttons(dm), "openfloor_cancel", alice);
    ASSERT_EQ(answer.status, 200U);
    EXPECT_NE(answer.body.find("Nothing was posted"), std::string::npos) << answer.body;
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(bot_posts_in(eng), 0U);
}

TEST_F(MattermostFlows, SomeoneElseCannotConfirmMyPreview) {
    boot();
    mm_->dm_post(alice, "#eng mistake: mine");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    const std::string preview = mm_->last_post_with_buttons(dm);
    auto answer = post_action(mm_->click_body(mm_->buttons_of(preview).front(), bob));
    ASSERT_EQ(answer.status, 200U);
    EXPECT_NE(answer.body.find("someone else"), std::string::npos) << answer.body;
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(bot_posts_in(eng), 0U);
}

TEST_F(MattermostFlows, PreModerationApproveReleasesThePost) {
    boot();
    mm_->dm_post(alice, "#ops question: who approves releases?");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    ASSERT_EQ(click(mm_->last_post_with_buttons(dm), "openfloor_confirm", alice).status, 200U);

    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(mods).empty(); }));
    const std::string item = mm_->last_post_with_buttons(mods);
    EXPECT_EQ(mm_->post(item)->dump().find(alice), std::string::npos);
    EXPECT_EQ(bot_posts_in(ops), 0U);

    auto answer = click(item, "openfloor_approve", moderator);
    ASSERT_EQ(answer.status, 200U);
    ASSERT_TRUE(wait_for_post(ops, "who approves releases"));
    ASSERT_TRUE(wait_for_post(dm, "approved"));
    // The queue item is updated for every moderator: its buttons are gone.
    ASSERT_TRUE(wait_for([&] { return mm_->buttons_of(item).empty(); }));
}

TEST_F(MattermostFlows, OnlyModeratorsMayApprove) {
    boot();
    mm_->dm_post(alice, "#ops question: is this queued?");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    ASSERT_EQ(click(mm_->last_post_with_buttons(dm), "openfloor_confirm", alice).status, 200U);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(mods).empty(); }));
    // bob is neither listed nor acting inside the moderators channel.
    auto refusal = command_answer(bob, town_square, "approve 1");
    EXPECT_NE(refusal.value("text", "").find("moderator"), std::string::npos) << refusal.dump();
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(bot_posts_in(ops), 0U);
}

TEST_F(MattermostFlows, RejectWithReasonByCommandTellsTheAuthor) {
    boot();
    mm_->dm_post(alice, "#ops mistake: something rude");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    ASSERT_EQ(click(mm_->last_post_with_buttons(dm), "openfloor_confirm", alice).status, 200U);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(mods).empty(); }));
    auto answer = command_answer(moderator, town_square, "reject 1 please keep it kind");
    EXPECT_EQ(answer.value("response_type", ""), "ephemeral");
    ASSERT_TRUE(wait_for_post(dm, "please keep it kind"));
    EXPECT_EQ(bot_posts_in(ops), 0U);
}

TEST_F(MattermostFlows, BannedAuthorCannotPost) {
    boot();
    mm_->dm_post(alice, "#quick question: first");
    ASSERT_TRUE(wait_for_post(quick, "first"));
    auto ban = command_answer(moderator, town_square, "ban 1 7d");
    EXPECT_EQ(ban.value("response_type", ""), "ephemeral");
    mm_->dm_post(alice, "#quick question: second");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for_post(dm, "paused"));
    EXPECT_FALSE(bot_post_in(quick, "second").has_value());
}

TEST_F(MattermostFlows, ThreadRepliesReachTheAuthorAndTheAuthorAnswers) {
    boot();
    mm_->dm_post(alice, "#quick question: is the VPN down?");
    const std::string post = post_id_of(1);
    ASSERT_FALSE(post.empty());
    const std::string dm = dm_of(alice);

    mm_->thread_reply(bob, "bob", quick, post, "yes, since 9 @all");
    ASSERT_TRUE(wait_for_post(dm, "since 9"));
    const auto relay = *bot_post_in(dm, "since 9");
    EXPECT_NE(relay.value("message", "").find("bob"), std::string::npos);
    EXPECT_NE(relay.value("message", "").find("@\u200Ball"), std::string::npos);

    // The author answers in the DM thread of the relay: it lands in the post's thread.
    mm_->thread_reply(alice, "alice", dm, relay.value("id", ""), "thanks, restarting");
    ASSERT_TRUE(wait_for_post(quick, "restarting"));
    const auto answer = *bot_post_in(quick, "restarting");
    EXPECT_EQ(answer.value("root_id", ""), post);
    EXPECT_EQ(answer.dump().find(alice), std::string::npos);

    // And with the DM command.
    mm_->dm_post(alice, "reply 1 all good now");
    ASSERT_TRUE(wait_for_post(quick, "all good now"));
    EXPECT_EQ(bot_post_in(quick, "all good now")->value("root_id", ""), post);
}

TEST_F(MattermostFlows, SlashCommandSendsThePreviewByDirectMessage) {
    boot();
    auto answer = command_answer(alice, town_square, "#eng I have a question about the on-call rota");
    EXPECT_EQ(answer, (nlohmann::json{{"response_type", "ephemeral"},
                                      {"text", "Preview sent to you by DM."},
                                      {"skip_slack_parsing", true}}));
    const std::string dm = dm_of(alice);
    ASSERT_FALSE(dm.empty());
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    ASSERT_EQ(click(mm_->last_post_with_buttons(dm), "openfloor_confirm", alice).status, 200U);
    ASSERT_TRUE(wait_for_post(eng, "on-call rota"));
}

TEST_F(MattermostFlows, SlashCommandRefusalIsEphemeral) {
    boot();
    auto answer = command_answer(alice, town_square, "#nowhere mistake: lost");
    EXPECT_EQ(answer.value("response_type", ""), "ephemeral");
    EXPECT_TRUE(answer.value("skip_slack_parsing", false));
    EXPECT_NE(answer.value("text", "").find("nowhere"), std::string::npos) << answer.dump();
    EXPECT_TRUE(mm_->dm_channel_of(alice).empty()); // nothing was sent by DM
}

TEST_F(MattermostFlows, SlashCommandWithoutTextShowsHelp) {
    boot();
    auto answer = command_answer(alice, town_square, "");
    EXPECT_NE(answer.value("text", "").find("#eng"), std::string::npos) << answer.dump();
}

} // namespace
} // namespace openfloor::testing
