// Flags through Mattermost's interactive dialog (issue 10): the Flag button opens a dialog with
// the reasons; each distinct flagger reaches the moderators channel by name, the third hides the
// post (its channel message patched to a notice, its author told), and `restore N` brings it back.
#include "tests/mattermost_e2e/fixture.hpp"

namespace openfloor::testing {
namespace {

class MattermostDialogFlags : public mattermost_e2e {
protected:
    void SetUp() override {
        boot();
        for (const auto* name : {"fern.aldous", "gideon.pryce", "hattie.wren"}) {
            flaggers.push_back(mm_->add_user(name));
        }
    }

    std::string publish(const std::string& text) {
        mm_->dm_post(alice, "#quick mistake: " + text);
        EXPECT_TRUE(wait_for_post(quick, text)) << text;
        auto p = bot_post_in(quick, text);
        return p ? p->value("id", "") : std::string();
    }

    // The bot's posts into the moderators channel containing `needle`.
    std::size_t notices_with(const std::string& needle) const {
        std::size_t n = 0;
        for (const auto& p : mm_->posts_in(mods)) {
            n += p.value("message", "").find(needle) != std::string::npos;
        }
        return n;
    }

    void flagged(const std::string& root, const std::string& user, const std::string& reason) {
        const auto r = flag_by_dialog(root, user, reason);
        ASSERT_EQ(r.status, 200U) << r.body;
        EXPECT_EQ(nlohmann::json::parse(r.body, nullptr, false), nlohmann::json::object())
            << r.body;
    }

    std::vector<std::string> flaggers;
};

TEST_F(MattermostDialogFlags, FlagOpensADialogWithARequiredMenuOfTheReasons) {
    const std::string root = publish("the invoice total is wrong");
    const std::size_t d = click_for_dialog(root, "openfloor_flag", flaggers[0]);
    ASSERT_NE(d, std::string::npos);
    const auto& dialog = mm_->dialogs[d].dialog;
    EXPECT_EQ(dialog.value("callback_id", ""), "openfloor_flag");
    EXPECT_EQ(dialog.value("title", ""), "Flag #1");
    EXPECT_EQ(dialog.value("submit_label", ""), "Flag");
    EXPECT_NE(dialog.value("introduction_text", "").find("will see your name"), std::string::npos);
    ASSERT_EQ(dialog["elements"].size(), 1U);
    const auto& menu = dialog["elements"][0];
    EXPECT_EQ(menu.value("name", ""), "reason");
    EXPECT_EQ(menu.value("type", ""), "select");
    EXPECT_FALSE(menu.value("optional", true));
    std::vector<std::string> values;
    for (const auto& o : menu["options"]) {
        values.push_back(o.value("value", ""));
        EXPECT_FALSE(o.value("text", "").empty());
    }
    EXPECT_EQ(values, (std::vector<std::string>{"spam", "hurtful", "identifies_someone", "other"}));
}

TEST_F(MattermostDialogFlags, TheThirdDistinctFlagHidesThePostAndARepeatDoesNotCount) {
    const std::string root = publish("the Q3 numbers were rounded twice");
    const std::string dm = dm_of(alice);
    ASSERT_EQ(mm_->buttons_of(root).size(), 1U);
    const mm_button flag_button = mm_->buttons_of(root)[0];

    flagged(root, flaggers[0], "spam");
    ASSERT_TRUE(wait_for_post(mods, "#1 flagged (1 of 3)"));
    const std::string first = bot_post_in(mods, "#1 flagged (1 of 3)")->value("message", "");
    EXPECT_NE(first.find("Spam"), std::string::npos) << first;
    EXPECT_NE(first.find("by @\u200Bfern.aldous"), std::string::npos) << first;
    EXPECT_TRUE(wait_for_ephemeral(flaggers[0], "Thank you for flagging #1"));

    flagged(root, flaggers[0], "hurtful"); // the same person again
    EXPECT_TRUE(wait_for_ephemeral(flaggers[0], "You already flagged #1"));
    flagged(root, flaggers[1], "hurtful");
    ASSERT_TRUE(wait_for_post(mods, "#1 flagged (2 of 3)"));
    EXPECT_EQ(notices_with("#1 flagged"), 2U) << "a repeated flag counted";
    EXPECT_NE(bot_post_in(quick, "rounded twice"), std::nullopt) << "hidden at two flags";

    flagged(root, flaggers[2], "identifies_someone");
    ASSERT_TRUE(wait_for_post(mods, "#1 flagged (3 of 3)"));
    const std::string third = bot_post_in(mods, "(3 of 3)")->value("message", "");
    EXPECT_NE(third.find("by @\u200Bhattie.wren"), std::string::npos) << third;
    EXPECT_NE(third.find("restore 1"), std::string::npos) << third;
    ASSERT_TRUE(wait_for([&] {
        const auto p = mm_->post(root);
        return p && p->value("message", "").find("is hidden while") != std::string::npos;
    }));
    bool patched = false;
    for (const auto& call : mm_->calls_to("PUT", "/posts/" + root + "/patch")) {
        patched = patched || call.body.value("message", "").find("is hidden") != std::string::npos;
    }
    EXPECT_TRUE(patched);
    EXPECT_TRUE(mm_->buttons_of(root).empty()) << "a hidden post keeps no buttons";
    EXPECT_EQ(mm_->post(root)->value("message", "").find("rounded twice"), std::string::npos);
    ASSERT_TRUE(wait_for_post(dm, "A few teammates asked the moderators"));

    // A click on the Flag button as it was finds the post hidden already: no dialog, and the
    // moderators hear nothing more.
    const std::size_t dialogs_before = mm_->dialogs.size();
    const auto late = post_action(mm_->click_body(flag_button, mm_->add_user("ivo.stark")));
    ASSERT_EQ(late.status, 200U);
    EXPECT_NE(late.body.find("already hidden"), std::string::npos) << late.body;
    EXPECT_EQ(mm_->dialogs.size(), dialogs_before);
    EXPECT_EQ(notices_with("#1 flagged"), 3U);

    // restore N, by a moderator, brings the text and the buttons back.
    const auto restored = command_answer(moderator, town_square, "restore 1");
    EXPECT_NE(restored.value("text", "").find("visible again"), std::string::npos)
        << restored.dump();
    ASSERT_TRUE(wait_for([&] {
        const auto p = mm_->post(root);
        return p && p->value("message", "").find("rounded twice") != std::string::npos;
    }));
    EXPECT_EQ(mm_->buttons_of(root).size(), 1U);
    ASSERT_TRUE(wait_for_post(dm, "is visible again"));
}

TEST_F(MattermostDialogFlags, AnUnknownReasonIsAnErrorBesideTheMenuAndCountsNothing) {
    const std::string root = publish("the badge reader logs names");
    const std::size_t d = click_for_dialog(root, "openfloor_flag", flaggers[0]);
    ASSERT_NE(d, std::string::npos);
    const auto r = submit_dialog(d, {{"reason", "because"}});
    ASSERT_EQ(r.status, 200U);
    const auto body = nlohmann::json::parse(r.body);
    EXPECT_FALSE(body["errors"].value("reason", "").empty()) << r.body;
    EXPECT_TRUE(mm_->dialogs[d].open);
    const auto again = submit_dialog(d, {{"reason", 7}}); // not even a string
    EXPECT_FALSE(nlohmann::json::parse(again.body)["errors"].value("reason", "").empty());

    ASSERT_EQ(submit_dialog(d, {{"reason", "other"}}).status, 200U);
    ASSERT_TRUE(wait_for_post(mods, "#1 flagged (1 of 3)"));
    EXPECT_EQ(notices_with("#1 flagged"), 1U);
}

} // namespace
} // namespace openfloor::testing
