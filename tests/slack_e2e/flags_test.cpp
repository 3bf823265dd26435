// Flags through a channel post's Flag button, over Slack in both modes: the reason modal, the
// moderators' notice naming the flagger, one flag per person, the post hidden by chat.update at
// the third and the author told, `restore N` bringing it back, and hostile submissions refused.
#include "tests/slack_e2e/fixture.hpp"
#include "tests/support/e2e.hpp"

namespace openfloor::testing {
namespace {

class SlackFlags : public slack_e2e, public ::testing::WithParamInterface<config::slack_mode> {
protected:
    void SetUp() override { boot(GetParam()); }

    // alice's post #1 in #quick, once it is in the channel; returns its ts.
    std::string post() {
        event(slack_->dm_event(alice, alice_dm, "#quick question: Is the VPN down?", "Ev1"));
        EXPECT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
        return channel_ts_of(1);
    }

    // `user` flags #1 through the modal; the modal's answer.
    view_answer flag(const std::string& user, const std::string& reason = "spam") {
        const auto view = open_form(user, "C0QUICK", "openfloor_flag", "1");
        EXPECT_TRUE(view.has_value()) << "no modal for " << user;
        if (!view) {
            return {};
        }
        return submit_view(user, *view, {{"reason_select", reason}});
    }

    std::vector<std::string> moderator_notices() const {
        std::vector<std::string> out;
        for (const auto& c : slack_->posts_to("C0MODS")) {
            out.push_back(all_text(c.body));
        }
        return out;
    }

    // chat.update calls of #1's channel message.
    std::vector<std::string> updates_of(const std::string& ts) const {
        std::vector<std::string> out;
        for (const auto& c : slack_->calls_to("chat.update")) {
            if (c.body.value("channel", "") == "C0QUICK" && c.body.value("ts", "") == ts) {
                out.push_back(all_text(c.body));
            }
        }
        return out;
    }

    bool alice_was_told(std::string_view words) const {
        for (const auto& c : slack_->posts_to(alice_dm)) {
            if (all_text(c.body).find(words) != std::string::npos) {
                return true;
            }
        }
        return false;
    }

    const std::string carol = "U0SECRETCAROL";
    const std::string dave = "U0SECRETDAVE";
};

bool contains(const std::string& text, std::string_view words) {
    return text.find(words) != std::string::npos;
}

TEST_P(SlackFlags, TheFlagModalOffersTheReasonsAndTheModeratorsSeeWhoFlagged) {
    const std::string ts = post();
    const auto view = open_form(bob, "C0QUICK", "openfloor_flag", "1");
    ASSERT_TRUE(view.has_value());
    EXPECT_EQ(view->trigger_id, "1234567890123.1234567890.abcdef") << "the click's own trigger";
    EXPECT_EQ(view->view.value("callback_id", ""), "of_flag");
    EXPECT_EQ(view->view.value("private_metadata", ""), "1");
    const std::string shown = view->view.dump();
    for (const char* reason : {"spam", "hurtful", "identifies_someone", "other"}) {
        EXPECT_TRUE(contains(shown, reason)) << reason << " in " << shown;
    }
    const auto thanked = submit_view(bob, *view, {{"reason_select", "identifies_someone"}});
    EXPECT_EQ(thanked.body.value("response_action", ""), "update") << thanked.body.dump();
    EXPECT_TRUE(contains(thanked.body.dump(), "Thank you for flagging #1")) << thanked.body.dump();
    ASSERT_TRUE(wait_for([&] { return moderator_notices().size() == 1; }));
    EXPECT_TRUE(contains(moderator_notices()[0],
                         "#1 flagged (1 of 3): Identifies someone — by <@" + bob + ">"))
        << moderator_notices()[0];
    EXPECT_TRUE(updates_of(ts).empty()) << "one flag hides nothing";
}

TEST_P(SlackFlags, TheThirdDistinctFlagHidesThePostAndARepeatDoesNotCount) {
    const std::string ts = post();
    flag(bob);
    flag(carol, "hurtful");
    const auto repeat = flag(bob, "other");
    EXPECT_TRUE(contains(repeat.body.dump(), "You already flagged #1")) << repeat.body.dump();
    ASSERT_TRUE(wait_for([&] { return moderator_notices().size() == 2; }));
    EXPECT_TRUE(contains(moderator_notices()[1], "(2 of 3): Hurtful — by <@" + carol + ">"));
    EXPECT_TRUE(updates_of(ts).empty()) << "two people flagged, however many times";

    flag(dave);
    ASSERT_TRUE(wait_for([&] { return updates_of(ts).size() == 1; }));
    EXPECT_TRUE(contains(updates_of(ts)[0], "#1 is hidden while the moderators take a look"))
        << updates_of(ts)[0];
    EXPECT_FALSE(contains(updates_of(ts)[0], "Is the VPN down?")) << "the text is gone";
    ASSERT_TRUE(wait_for([&] { return moderator_notices().size() == 3; }));
    EXPECT_TRUE(contains(moderator_notices()[2], "(3 of 3): Spam — by <@" + dave + ">"));
    EXPECT_TRUE(contains(moderator_notices()[2], "`restore 1`")) << moderator_notices()[2];
    ASSERT_TRUE(wait_for([&] { return alice_was_told("asked the moderators to look"); }));

    // Hidden, it takes no more flags and no answers: the click is answered, no modal opens.
    const auto views = slack_->views.size();
    const std::string eve = "U0SECRETEVE";
    EXPECT_FALSE(open_form(eve, "C0QUICK", "openfloor_flag", "1").has_value());
    EXPECT_TRUE(contains(click_answers(eve).back(), "already hidden"));
    EXPECT_EQ(slack_->views.size(), views);
}

TEST_P(SlackFlags, RestoreByAModeratorBringsTheTextBack) {
    const std::string ts = post();
    flag(bob);
    flag(carol);
    flag(dave);
    ASSERT_TRUE(wait_for([&] { return updates_of(ts).size() == 1; }));
    const auto refused = command(bob, "C0QUICK", "restore 1");
    EXPECT_TRUE(contains(all_text(refused), "Only moderators")) << refused.dump();
    const auto restored = command(moderator, "C0MODS", "restore 1");
    EXPECT_TRUE(contains(all_text(restored), "#1 is visible again")) << restored.dump();
    ASSERT_TRUE(wait_for([&] { return updates_of(ts).size() == 2; }));
    EXPECT_TRUE(contains(updates_of(ts)[1], "Is the VPN down?")) << updates_of(ts)[1];
    const auto body = slack_->calls_to("chat.update").back().body.dump();
    EXPECT_TRUE(contains(body, "openfloor_flag")) << "its Flag button is back: " << body;
    ASSERT_TRUE(wait_for([&] { return alice_was_told("visible again"); }));
    // Restored, it counts afresh: a new flag is 1 of 3.
    flag(bob);
    ASSERT_TRUE(wait_for([&] { return moderator_notices().size() == 4; }));
    EXPECT_TRUE(contains(moderator_notices().back(), "(1 of 3)")) << moderator_notices().back();
}

TEST_P(SlackFlags, AnUnknownReasonStaysInTheModalAndCountsNothing) {
    post();
    const auto view = open_form(bob, "C0QUICK", "openfloor_flag", "1");
    ASSERT_TRUE(view.has_value());
    for (const std::string& reason : {std::string("nonsense"), std::string(10'000, 's')}) {
        const auto r = submit_view(bob, *view, {{"reason_select", reason}});
        EXPECT_EQ(r.status, 200U);
        EXPECT_EQ(r.body.value("response_action", ""), "errors") << r.body.dump();
        EXPECT_TRUE(contains(r.body["errors"].value("reason_block", ""), "pick one of the reasons"))
            << r.body.dump();
    }
    const auto none = submit_view(bob, *view, {});
    EXPECT_EQ(none.body.value("response_action", ""), "errors") << none.body.dump();
    // The same person's real flag still counts as their first.
    const auto counted = submit_view(bob, *view, {{"reason_select", "spam"}});
    EXPECT_TRUE(contains(counted.body.dump(), "Thank you for flagging #1")) << counted.body.dump();
    ASSERT_TRUE(wait_for([&] { return moderator_notices().size() == 1; }));
    EXPECT_TRUE(contains(moderator_notices()[0], "(1 of 3)"));
}

TEST_P(SlackFlags, AFlagNamingAnotherPostOrNoUserIsRefusedAndCountsNothing) {
    post();
    const auto view = open_form(bob, "C0QUICK", "openfloor_flag", "1");
    ASSERT_TRUE(view.has_value());
    auto mention = slack_->view_submission(bob, *view, {{"reason_select", "spam"}});
    mention["user"]["id"] = "U0BOB> <!here";
    auto not_a_post = slack_->view_submission(bob, *view, {{"reason_select", "spam"}});
    not_a_post["view"]["private_metadata"] = "{\"n\":1}";
    for (const auto& hostile : {mention, not_a_post}) {
        const auto r = submit(hostile);
        if (GetParam() == config::slack_mode::http) {
            EXPECT_EQ(r.status, 400U) << r.body.dump();
        } else {
            EXPECT_TRUE(r.body.is_null()) << r.body.dump();
        }
    }
    auto elsewhere = slack_->view_submission(bob, *view, {{"reason_select", "spam"}});
    elsewhere["view"]["private_metadata"] = "7";
    const auto r = submit(elsewhere);
    EXPECT_TRUE(contains(r.body.dump(), "no post #7")) << r.body.dump();
    wait_for([] { return false; }, std::chrono::milliseconds(300));
    EXPECT_TRUE(moderator_notices().empty());
}

TEST_P(SlackFlags, NoFlaggerIsInTheDatabaseItsWalOrTheLog) {
    const std::string ts = post();
    flag(bob);
    flag(carol);
    flag(dave);
    ASSERT_TRUE(wait_for([&] { return updates_of(ts).size() == 1; }));
    ASSERT_TRUE(wait_for([&] { return moderator_notices().size() == 3; }));
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        for (const auto& who : {bob, carol, dave}) {
            EXPECT_EQ(bytes.find(who), std::string::npos) << who << " in " << what;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(BothModes, SlackFlags, both_slack_modes(), slack_mode_name);

} // namespace
} // namespace openfloor::testing
