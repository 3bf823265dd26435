// Every product flow over Slack, once in Socket Mode and once in HTTP mode: the same
// behaviour whichever way Slack reaches the bot.
#include "tests/slack_e2e/fixture.hpp"

namespace openfloor::testing {
namespace {

class SlackFlows : public slack_e2e, public ::testing::WithParamInterface<config::slack_mode> {
protected:
    void SetUp() override { boot(GetParam()); }
};

TEST_P(SlackFlows, DmPreviewThenConfirmPostsAnonymouslyToTheChannel) {
    event(slack_->dm_event(alice, alice_dm, "#eng mistake: The Q3 totals are off by 10% &amp; nobody noticed &lt;!here&gt;", "Ev1"));
    ASSERT_TRUE(wait_for([&] { return !draft_in(alice_dm).empty(); }));
    EXPECT_TRUE(slack_->posts_to("C0ENG").empty());

    click(alice, alice_dm, "openfloor_confirm", draft_in(alice_dm));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0ENG").size() == 1; }));
    const auto post = slack_->posts_to("C0ENG")[0].body;
    const std::string text = all_text(post);
    EXPECT_NE(text.find("#1"), std::string::npos) << text;
    EXPECT_NE(text.find("The Q3 totals are off by 10% &amp; nobody noticed &lt;!here&gt;"),
              std::string::npos) << text;
    EXPECT_EQ(text.find("<!here>"), std::string::npos) << "the mention stays inert";
    EXPECT_EQ(post.dump().find(alice), std::string::npos) << "nothing of the author";
    EXPECT_FALSE(post.contains("link_names"));
    // The preview was replaced through its response_url, so it cannot be clicked twice.
    ASSERT_TRUE(wait_for([&] { return !slack_->calls_to("/hooks/actions/" + alice).empty(); }));
    EXPECT_EQ(slack_->calls_to("/hooks/actions/" + alice)[0].body.value("replace_original", false), true);
}

TEST_P(SlackFlows, ConfirmOffPostsAtOnce) {
    event(slack_->dm_event(alice, alice_dm, "#quick question: Is the VPN down?", "Ev2"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to(alice_dm).size() == 1; }));
    EXPECT_NE(all_text(slack_->posts_to(alice_dm)[0].body).find("#1 in #quick"), std::string::npos);
}

TEST_P(SlackFlows, SlashCommandAnswersWithAnEphemeralPreview) {
    const auto answer = command(alice, "C0ENG", "#eng question: Who owns the backups?");
    EXPECT_EQ(answer.value("response_type", ""), "ephemeral") << answer.dump();
    EXPECT_NE(all_text(answer).find("Who owns the backups?"), std::string::npos) << answer.dump();
    EXPECT_TRUE(slack_->posts_to("C0ENG").empty());
}

TEST_P(SlackFlows, SlashCommandAloneOpensTheComposeModalWhichPostsOnSubmit) {
    const auto answer = command(alice, "C0ENG", "");
    ASSERT_TRUE(wait_for([&] { return slack_->calls_to("views.open").size() == 1; }));
    const auto opened = slack_->calls_to("views.open")[0].body;
    EXPECT_EQ(opened.value("trigger_id", ""), "1.2.x");
    EXPECT_EQ(opened["view"].value("callback_id", ""), "of_compose");

    nlohmann::json submission{
        {"type", "view_submission"},
        {"team", {{"id", slack_->team_id}, {"domain", "example"}}},
        {"user", {{"id", alice}, {"username", "alice"}, {"name", "alice"}, {"team_id", slack_->team_id}}},
        {"api_app_id", "A0123ABCD"},
        {"trigger_id", "2.3.y"},
        {"view",
         {{"id", "V0123ABCD"},
          {"type", "modal"},
          {"callback_id", "of_compose"},
          {"private_metadata", ""},
          {"hash", "1700000000.AbCd"},
          {"state",
           {{"values",
             {{"ch_block", {{"ch_select", {{"type", "static_select"}, {"selected_option", {{"text", {{"type", "plain_text"}, {"text", "#eng"}}}, {"value", "eng"}}}}}}},
              {"cat_block", {{"cat_select", {{"type", "static_select"}, {"selected_option", {{"text", {{"type", "plain_text"}, {"text", "Question"}}}, {"value", "question"}}}}}}},
              {"body_block", {{"body_input", {{"type", "plain_text_input"}, {"value", "Who approves <b>budget</b> changes?"}}}}}}}}}}},
        {"response_urls", nlohmann::json::array()}};
    nlohmann::json response;
    if (GetParam() == config::slack_mode::socket) {
        const auto id = slack_->push("interactive", submission, true);
        ASSERT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value(); }));
        response = slack_->ack_for(id)->value("payload", nlohmann::json{});
    } else {
        auto r = post_signed("/slack/interactivity", form({{"payload", submission.dump()}}),
                             "application/x-www-form-urlencoded");
        ASSERT_EQ(r.status, 200U);
        response = nlohmann::json::parse(r.body, nullptr, false);
    }
    EXPECT_EQ(response.value("response_action", ""), "update") << response.dump();
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0ENG").size() == 1; }));
    EXPECT_NE(all_text(slack_->posts_to("C0ENG")[0].body).find("&lt;b&gt;budget&lt;/b&gt;"), std::string::npos);
    EXPECT_TRUE(slack_->posts_to(alice).empty());
    EXPECT_TRUE(slack_->posts_to("D" + alice.substr(1)).empty()) << "no DM message is left behind";
}

TEST_P(SlackFlows, PreModerationWithButtons) {
    event(slack_->dm_event(alice, alice_dm, "#ops question: Who reviews the rota?", "Ev3"));
    ASSERT_TRUE(wait_for([&] { return !draft_in(alice_dm).empty(); }));
    click(alice, alice_dm, "openfloor_confirm", draft_in(alice_dm));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0MODS").size() == 1; }));
    EXPECT_TRUE(slack_->posts_to("C0OPS").empty());

    click(bob, "C0ENG", "openfloor_approve", "1"); // not a moderator, not in the queue channel
    click(moderator, "C0MODS", "openfloor_approve", "1");
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0OPS").size() == 1; }));
    ASSERT_TRUE(wait_for([&] { return slack_->calls_to("chat.update").size() == 1; }));
    EXPECT_EQ(slack_->calls_to("chat.update")[0].body.value("channel", ""), "C0MODS");
    ASSERT_TRUE(wait_for([&] { return !slack_->calls_to("/hooks/actions/" + bob).empty(); }));
    EXPECT_NE(all_text(slack_->calls_to("/hooks/actions/" + bob)[0].body).find("Only moderators"),
              std::string::npos);
}

TEST_P(SlackFlows, BanThenAPostIsRefused) {
    event(slack_->dm_event(alice, alice_dm, "#quick mistake: first", "Ev4"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
    const auto banned = command(moderator, "C0MODS", "ban 1 7d");
    EXPECT_NE(all_text(banned).find("cannot post"), std::string::npos) << banned.dump();
    const auto refused = command(alice, "C0ENG", "#quick mistake: second");
    EXPECT_NE(all_text(refused).find("paused"), std::string::npos) << refused.dump();
    EXPECT_EQ(slack_->posts_to("C0QUICK").size(), 1U);
}

TEST_P(SlackFlows, ThreadRepliesAreRelayedAndTheAuthorAnswersBack) {
    event(slack_->dm_event(alice, alice_dm, "#quick question: Which report is right?", "Ev5"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to(alice_dm).size() == 1; }));
    // The bot's ts for the channel post, as the fake answered it.
    const std::string post_ts = channel_ts_of(1);
    ASSERT_FALSE(post_ts.empty());
    event(slack_->thread_reply_event(bob, "C0QUICK", post_ts, "The March one", "Ev6"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to(alice_dm).size() == 2; }));
    const auto relay = all_text(slack_->posts_to(alice_dm)[1].body);
    EXPECT_NE(relay.find("#1"), std::string::npos) << relay;
    EXPECT_NE(relay.find("The March one"), std::string::npos) << relay;
    EXPECT_NE(relay.find("<@U0BOB> replied"), std::string::npos) << "Slack shows the replier's name";

    event(slack_->dm_event(alice, alice_dm, "reply 1 Thanks, that helps", "Ev7", "1700000500.000100"));
    ASSERT_TRUE(wait_for([&] {
        for (const auto& c : slack_->posts_to("C0QUICK")) {
            if (c.body.value("thread_ts", "") == post_ts) {
                return true;
            }
        }
        return false;
    }));
    // The bot's own thread answer echoed back by Slack is not relayed again.
    auto echo = slack_->thread_reply_event(slack_->bot_user_id, "C0QUICK", post_ts, "echo", "Ev8");
    echo["event"]["bot_id"] = slack_->bot_id;
    event(echo);
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to(alice_dm).size() >= 3; })); // "answer sent"
    wait_for([] { return false; }, std::chrono::milliseconds(200));
    EXPECT_EQ(slack_->posts_to(alice_dm).size(), 3U);
}

TEST_P(SlackFlows, EventsABotMustIgnoreChangeNothing) {
    auto own = slack_->dm_event(slack_->bot_user_id, alice_dm, "#quick from myself", "Ev10");
    auto other_bot = slack_->dm_event("U0OTHER", alice_dm, "#quick from a bot", "Ev11");
    other_bot["event"]["bot_id"] = "B0OTHER";
    auto edit = slack_->dm_event(alice, alice_dm, "#quick edited", "Ev12");
    edit["event"]["subtype"] = "message_changed";
    auto deleted = slack_->dm_event(alice, alice_dm, "#quick deleted", "Ev13");
    deleted["event"]["subtype"] = "message_deleted";
    auto join = slack_->dm_event(alice, "C0QUICK", "joined", "Ev14");
    join["event"]["subtype"] = "channel_join";
    join["event"]["channel_type"] = "channel";
    for (const auto& e : {own, other_bot, edit, deleted, join}) {
        event(e);
    }
    event(slack_->dm_event(alice, alice_dm, "#quick the real one", "Ev15"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
    wait_for([] { return false; }, std::chrono::milliseconds(200));
    EXPECT_EQ(slack_->posts_to("C0QUICK").size(), 1U);
    EXPECT_NE(all_text(slack_->posts_to("C0QUICK")[0].body).find("the real one"), std::string::npos);
}

TEST_P(SlackFlows, ARateLimitedPostIsSentAfterRetryAfter) {
    slack_->inject("chat.postMessage", fake_slack::rate_limited(1), 1);
    event(slack_->dm_event(alice, alice_dm, "#quick mistake: patient", "Ev20"));
    // The post and the author's notice both arrive, one of them after a 429 and its wait.
    ASSERT_TRUE(wait_for([&] {
        auto stored = bot_->store().posts().find("slack", 1);
        return stored && *stored && (*stored)->state == bot::post_state::posted &&
               slack_->calls_to("chat.postMessage").size() == 3;
    }, std::chrono::seconds(15)));
    EXPECT_GE(slack_->posts_to(alice_dm).size() + slack_->posts_to("C0QUICK").size(), 3U);
}

INSTANTIATE_TEST_SUITE_P(BothModes, SlackFlows, both_slack_modes(), slack_mode_name);

} // namespace
} // namespace openfloor::testing

namespace openfloor::testing {
namespace {

class SlackPreviewMenus : public slack_e2e {
protected:
    void SetUp() override { boot(config::slack_mode::socket); }
};

TEST_F(SlackPreviewMenus, PickingACategoryInThePreviewChangesThePost) {
    event(slack_->dm_event(alice, alice_dm, "#eng question: the invoice total is wrong", "EvM1"));
    ASSERT_TRUE(wait_for([&] { return !draft_in(alice_dm).empty(); }));
    const std::string draft = draft_in(alice_dm);
    const auto preview = slack_->posts_to(alice_dm).back().body;
    const std::string blocks = preview["blocks"].dump();
    EXPECT_NE(blocks.find("openfloor_channel"), std::string::npos);
    EXPECT_NE(blocks.find("openfloor_category"), std::string::npos);

    auto pick = slack_->button_click(alice, alice_dm, "openfloor_category", "");
    pick["actions"][0] = {{"action_id", "openfloor_category"},
                          {"block_id", "of_pick:" + draft},
                          {"type", "static_select"},
                          {"selected_option", {{"text", {{"type", "plain_text"}, {"text", "I noticed a mistake"}}},
                                               {"value", "mistake"}}},
                          {"action_ts", "1700000106.000001"}};
    const auto id = slack_->push("interactive", pick);
    ASSERT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value(); }));
    ASSERT_TRUE(wait_for([&] { return !slack_->calls_to("/hooks/actions/" + alice).empty(); }));
    const auto updated = slack_->calls_to("/hooks/actions/" + alice).back().body;
    EXPECT_TRUE(updated.value("replace_original", false));
    EXPECT_NE(all_text(updated).find("I noticed a mistake"), std::string::npos) << updated.dump();

    click(alice, alice_dm, "openfloor_confirm", draft);
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0ENG").size() == 1; }));
    EXPECT_NE(all_text(slack_->posts_to("C0ENG")[0].body).find("I noticed a mistake"), std::string::npos);
}

} // namespace
} // namespace openfloor::testing

namespace openfloor::testing {
namespace {

class SlackOperations : public slack_e2e {
protected:
    void SetUp() override { boot(config::slack_mode::socket); }
    transport::client_response health() {
        transport::client_request req;
        req.method = transport::http::verb::get;
        req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + "/healthz";
        return send(req);
    }
};

TEST_F(SlackOperations, HealthzReportsTheSlackConnectionAndTheDatabase) {
    auto ok = health();
    EXPECT_EQ(ok.status, 200U);
    const auto body = nlohmann::json::parse(ok.body);
    EXPECT_EQ(body.value("status", ""), "ok");
    EXPECT_EQ(body.value("slack", ""), "connected");
    EXPECT_EQ(body.value("database", ""), "ok");
    slack_->send_hello = false; // the next connection never becomes ready
    slack_->newest_socket()->drop();
    ASSERT_TRUE(wait_for([&] { return !bot_->slack()->healthy(); }));
    auto down = health();
    EXPECT_EQ(down.status, 503U);
    EXPECT_EQ(nlohmann::json::parse(down.body).value("slack", ""), "connecting");
}

TEST_F(SlackOperations, NoticesToAUserIdGoThroughTheirDmChannel) {
    command(alice, "C0ENG", "#quick mistake: from a slash command");
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
    const std::string ts = channel_ts_of(1);
    ASSERT_FALSE(ts.empty());
    event(slack_->thread_reply_event(bob, "C0QUICK", ts, "Which one?", "EvO1"));
    ASSERT_TRUE(wait_for([&] { return slack_->calls_to("conversations.open").size() == 1; }));
    EXPECT_EQ(slack_->calls_to("conversations.open")[0].body.value("users", ""), alice);
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("D" + alice.substr(1)).size() == 1; }));
    EXPECT_TRUE(slack_->posts_to(alice).empty()) << "never posted to the bare user id";
}

} // namespace
} // namespace openfloor::testing
