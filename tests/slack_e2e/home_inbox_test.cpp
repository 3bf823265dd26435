// The Slack private inbox end to end (privacy.notices "home", product.md §5): through a whole
// flow no chat.postMessage reaches the author's DM and no DM is opened for them; previews and
// answers are ephemeral; the author's App Home (views.publish) shows the post, its state and the
// replies relayed to it, with a Reply button; app_home_opened republishes; a 429 waits.
#include "tests/slack_e2e/fixture.hpp"

#include <chrono>

namespace openfloor::testing {
namespace {

class SlackHomeInbox : public slack_e2e {
protected:
    void boot_home(config::slack_mode mode = config::slack_mode::socket) {
        boot(mode, nullptr, [](config::settings& s) { s.notices = config::notices_mode::home; });
    }

    // The confirm button's value in the last ephemeral preview shown in `channel`.
    std::string ephemeral_draft_in(const std::string& channel) const {
        const auto shown = slack_->ephemerals_in(channel);
        for (auto it = shown.rbegin(); it != shown.rend(); ++it) {
            for (const auto& block : it->body.value("blocks", nlohmann::json::array())) {
                for (const auto& element : block.value("elements", nlohmann::json::array())) {
                    if (element.value("action_id", "") == "openfloor_confirm") {
                        return element.value("value", "");
                    }
                }
            }
        }
        return {};
    }

    // The last Home view published for `user` (null before any).
    nlohmann::json last_home_of(const std::string& user) const {
        const auto homes = slack_->homes_of(user);
        return homes.empty() ? nlohmann::json{} : homes.back().body.value("view", nlohmann::json{});
    }

    std::string view_text(const nlohmann::json& view) const {
        return view.is_object() ? all_text(view) : std::string{};
    }

    // Whether any call put a message into the author's DM, or opened one for them.
    bool messaged_the_author_by_dm() const {
        for (const auto& c : slack_->calls_to("chat.postMessage")) {
            const auto channel = c.body.is_object() ? c.body.value("channel", "") : "";
            if (channel == alice_dm || channel == alice) {
                return true;
            }
        }
        for (const auto& c : slack_->calls_to("conversations.open")) {
            if (c.body.is_object() && c.body.value("users", "") == alice) {
                return true;
            }
        }
        return false;
    }

    // A click on `user`'s Home tab, as Slack sends it: from a view, with no channel, message or
    // response_url. Returns once the bot acked it.
    void click_on_home(const std::string& user, const std::string& action_id,
                       const std::string& value) {
        auto home_click = slack_->button_click(user, "", action_id, value);
        home_click["container"] = {{"type", "view"}, {"view_id", "V0HOME0001"}};
        home_click["view"] = last_home_of(user);
        home_click["view"]["id"] = "V0HOME0001";
        for (const char* gone : {"channel", "message", "response_url"}) {
            home_click.erase(gone);
        }
        const auto id = slack_->push("interactive", home_click, false);
        ASSERT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value(); }));
    }

    static bool has_reply_button(const nlohmann::json& view, const std::string& value) {
        for (const auto& block : view.value("blocks", nlohmann::json::array())) {
            for (const auto& element : block.value("elements", nlohmann::json::array())) {
                if (element.value("action_id", "") == "openfloor_reply" &&
                    element.value("value", "") == value) {
                    return true;
                }
            }
        }
        return false;
    }
};

TEST_F(SlackHomeInbox, NoMessageReachesTheAuthorsDmWhileTheirHomeShowsThePostAndItsReply) {
    boot_home();
    event(slack_->dm_event(alice, alice_dm, "#eng mistake: The Q3 totals are off", "EvH1"));
    ASSERT_TRUE(wait_for([&] { return !ephemeral_draft_in(alice_dm).empty(); }));
    const auto preview = slack_->ephemerals_in(alice_dm).back().body;
    EXPECT_EQ(preview.value("user", ""), alice) << "only the author sees the preview";
    EXPECT_NE(all_text(preview).find("The Q3 totals are off"), std::string::npos);

    click(alice, alice_dm, "openfloor_confirm", ephemeral_draft_in(alice_dm));
    const std::string ts = channel_ts_of(1);
    ASSERT_FALSE(ts.empty());
    event(slack_->thread_reply_event(bob, "C0ENG", ts, "Which tab?", "EvH2"));
    ASSERT_TRUE(wait_for(
        [&] { return view_text(last_home_of(alice)).find("Which tab?") != std::string::npos; }));
    command(moderator, "C0MODS", "delete 1 it names a customer");
    ASSERT_TRUE(wait_for([&] {
        return view_text(last_home_of(alice)).find("it names a customer") != std::string::npos;
    }));
    ASSERT_TRUE(wait_for([&] { return !slack_->calls_to("chat.delete").empty(); }));

    EXPECT_FALSE(messaged_the_author_by_dm());
    const auto view = last_home_of(alice);
    EXPECT_EQ(view.value("type", ""), "home");
    const std::string text = view_text(view);
    EXPECT_NE(text.find("#1 in #eng"), std::string::npos) << text;
    EXPECT_NE(text.find("removed"), std::string::npos) << text;
    EXPECT_NE(text.find("The Q3 totals are off"), std::string::npos) << text;
    EXPECT_NE(text.find("*<@U0BOB>*: Which tab?"), std::string::npos)
        << "the replier is named as Slack shows them: " << text;
    EXPECT_TRUE(has_reply_button(view, "1"));
}

TEST_F(SlackHomeInbox, OpeningTheHomeTabPublishesTheCurrentView) {
    boot_home();
    event(slack_->home_opened_event(alice, "EvO1", "messages")); // the DM tab: nothing to do
    event(slack_->home_opened_event(alice, "EvO2"));
    ASSERT_TRUE(wait_for([&] { return slack_->homes_of(alice).size() == 1; }));
    EXPECT_NE(view_text(last_home_of(alice)).find("Nothing here yet"), std::string::npos);

    command(alice, "C0ENG", "#quick question: Why is staging down?");
    ASSERT_TRUE(wait_for([&] { return !slack_->posts_to("C0QUICK").empty(); }));
    const auto before = slack_->homes_of(alice).size();
    event(slack_->home_opened_event(alice, "EvO3"));
    ASSERT_TRUE(wait_for([&] {
        return slack_->homes_of(alice).size() > before &&
               view_text(last_home_of(alice)).find("#1 in #quick") != std::string::npos;
    }));
    EXPECT_NE(view_text(last_home_of(alice)).find("posted"), std::string::npos);
    EXPECT_TRUE(has_reply_button(last_home_of(alice), "1"));
    EXPECT_FALSE(messaged_the_author_by_dm());
}

TEST_F(SlackHomeInbox, TheHomeTabsReplyButtonOpensTheAnswerModalAndTheAnswerIsSignedAsAuthor) {
    boot_home();
    command(alice, "C0ENG", "#quick question: Why is staging down?");
    const std::string ts = channel_ts_of(1);
    ASSERT_FALSE(ts.empty());
    ASSERT_TRUE(wait_for([&] { return has_reply_button(last_home_of(alice), "1"); }));
    const auto views = slack_->views.size();
    click_on_home(alice, "openfloor_reply", "1");
    ASSERT_TRUE(wait_for([&] { return slack_->views.size() > views; }))
        << "the Home tab's Reply button opened no modal";
    const auto view = slack_->views.back();
    EXPECT_NE(view.view.dump().find("author of #1"), std::string::npos) << view.view.dump();
    const auto sent = submit_view(alice, view, {{"answer_input", "It is back since ten"}});
    EXPECT_EQ(sent.body.value("response_action", ""), "update") << sent.body.dump();
    ASSERT_TRUE(wait_for([&] {
        for (const auto& c : slack_->calls_to("chat.postMessage")) {
            if (c.body.value("thread_ts", "") == ts &&
                all_text(c.body).find("It is back since ten") != std::string::npos) {
                return all_text(c.body).find("author of #1") != std::string::npos;
            }
        }
        return false;
    })) << "the answer did not reach #1's thread signed by its author";
    EXPECT_FALSE(messaged_the_author_by_dm());
}

TEST_F(SlackHomeInbox, AReplyClickOnALockedPostFromHomeSaysWhyInAModal) {
    boot_home();
    command(alice, "C0ENG", "#quick question: Why is staging down?");
    ASSERT_FALSE(channel_ts_of(1).empty());
    command(moderator, "C0MODS", "lock 1");
    ASSERT_TRUE(wait_for([&] { return has_reply_button(last_home_of(alice), "1"); }));
    const auto views = slack_->views.size();
    click_on_home(alice, "openfloor_reply", "1");
    ASSERT_TRUE(wait_for([&] { return slack_->views.size() > views; }))
        << "a refused click from Home was answered nowhere";
    const std::string shown = slack_->views.back().view.dump();
    EXPECT_NE(shown.find("locked"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("answer_input"), std::string::npos) << "no answer field: " << shown;
    EXPECT_FALSE(messaged_the_author_by_dm());
}

TEST_F(SlackHomeInbox, HomeOpenedOverTheEventsApiPublishesToo) {
    boot_home(config::slack_mode::http);
    event(slack_->home_opened_event(alice, "EvP1"));
    ASSERT_TRUE(wait_for([&] { return slack_->homes_of(alice).size() == 1; }));
    EXPECT_EQ(slack_->homes_of(alice)[0].authorization, "Bearer " + slack_->bot_token);
}

TEST_F(SlackHomeInbox, ARateLimitedViewIsPublishedAgainAfterRetryAfter) {
    boot_home();
    slack_->inject("views.publish", fake_slack::rate_limited(1), 1);
    event(slack_->home_opened_event(alice, "EvR1"));
    ASSERT_TRUE(wait_for([&] { return slack_->homes_of(alice).size() == 1; }));
    const auto refused_at = std::chrono::steady_clock::now();
    ASSERT_TRUE(
        wait_for([&] { return slack_->homes_of(alice).size() == 2; }, std::chrono::seconds(10)));
    const auto waited = std::chrono::steady_clock::now() - refused_at;
    EXPECT_GE(waited, std::chrono::milliseconds(900)) << "Retry-After: 1 was honoured";
    EXPECT_EQ(slack_->homes_of(alice)[1].body, slack_->homes_of(alice)[0].body);
}

TEST_F(SlackHomeInbox, InDmModeHomeOpenedPublishesNothing) {
    boot(config::slack_mode::socket);
    event(slack_->home_opened_event(alice, "EvD1"));
    // A DM after it, to know the event before it was handled: its preview is a DM, as always.
    event(slack_->dm_event(alice, alice_dm, "#eng mistake: a DM-mode post", "EvD2"));
    ASSERT_TRUE(wait_for([&] { return !draft_in(alice_dm).empty(); }));
    EXPECT_TRUE(slack_->calls_to("views.publish").empty());
    EXPECT_TRUE(slack_->calls_to("chat.postEphemeral").empty());
}

} // namespace
} // namespace openfloor::testing
