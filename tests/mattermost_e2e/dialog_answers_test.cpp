// Anonymous answers through Mattermost's interactive dialog (issue 10): the Reply anonymously
// button opens a dialog on the click's trigger, and its submission posts in #N's thread under the
// person's made-up name for #N, or as "— author of #N" for the author.
#include "tests/mattermost_e2e/fixture.hpp"
#include "tests/support/e2e.hpp"

namespace openfloor::testing {
namespace {

class MattermostDialogAnswers : public mattermost_e2e {
protected:
    // quick (no preview) takes anonymous answers; eng does not.
    void boot_with_answers(const std::function<void(config::settings&)>& more = nullptr) {
        boot([&](config::settings& s) {
            for (auto& c : s.channels) {
                c.anonymous_replies = c.key == "quick";
            }
            if (more) {
                more(s);
            }
        });
        zeb = mm_->add_user("zebulon.quist");
        otto = mm_->add_user("ottoline.varga");
    }

    // Alice posts `text` into quick at once; the Mattermost id of its channel post.
    std::string publish(const std::string& text) {
        mm_->dm_post(alice, "#quick question: " + text);
        EXPECT_TRUE(wait_for_post(quick, text)) << text;
        auto p = bot_post_in(quick, text);
        return p ? p->value("id", "") : std::string();
    }

    // The bot's answers in `root`'s thread, oldest first.
    std::vector<std::string> thread_of(const std::string& root) const {
        std::vector<std::string> out;
        for (const auto& p : mm_->posts_in(quick)) {
            if (p.value("root_id", "") == root && p.value("user_id", "") == mm_->bot_user_id) {
                out.push_back(p.value("message", ""));
            }
        }
        return out;
    }

    bool wait_for_thread(const std::string& root, std::size_t n) {
        return wait_for([&] { return thread_of(root).size() >= n; });
    }

    // The signature line an answer ends with: "— Anonymous amber otter", "— author of #1".
    static std::string signature_of(const std::string& message) {
        const auto at = message.rfind('\n');
        return at == std::string::npos ? message : message.substr(at + 1);
    }

    std::string answered(const std::string& root, const std::string& user, const std::string& text,
                         std::size_t nth) {
        const auto r = answer_by_dialog(root, user, text);
        EXPECT_EQ(r.status, 200U) << r.body;
        EXPECT_EQ(nlohmann::json::parse(r.body, nullptr, false), nlohmann::json::object())
            << r.body;
        EXPECT_TRUE(wait_for_thread(root, nth)) << text;
        const auto thread = thread_of(root);
        return thread.size() >= nth ? signature_of(thread[nth - 1]) : std::string();
    }

    std::string zeb;
    std::string otto;
};

TEST_F(MattermostDialogAnswers, ReplyAnonymouslyOpensADialogWithOneTextareaOnTheClicksTrigger) {
    boot_with_answers([](config::settings& s) { s.limits.max_chars = 1200; });
    const std::string root = publish("is the freeze on?");
    const auto buttons = mm_->buttons_of(root);
    ASSERT_EQ(buttons.size(), 2U);
    EXPECT_EQ(buttons[0].id, "openfloorreply");
    EXPECT_EQ(buttons[1].id, "openfloorflag");

    const std::size_t d = click_for_dialog(root, "openfloor_reply", zeb);
    ASSERT_NE(d, std::string::npos);
    const auto opened = mm_->calls_to("POST", "/actions/dialogs/open");
    ASSERT_EQ(opened.size(), 1U);
    EXPECT_EQ(opened[0].authorization, "Bearer " + mm_->bot_token);
    EXPECT_FALSE(opened[0].body.value("trigger_id", "").empty());
    const auto& dialog = mm_->dialogs[d].dialog;
    EXPECT_EQ(dialog.value("callback_id", ""), "openfloor_reply");
    EXPECT_EQ(dialog.value("title", ""), "Answer #1");
    EXPECT_FALSE(dialog.value("notify_on_cancel", true));
    EXPECT_EQ(dialog.value("submit_label", ""), "Send");
    EXPECT_NE(dialog.value("introduction_text", "").find("Anonymous "), std::string::npos)
        << dialog.dump();
    ASSERT_EQ(dialog["elements"].size(), 1U);
    const auto& field = dialog["elements"][0];
    EXPECT_EQ(field.value("name", ""), "answer");
    EXPECT_EQ(field.value("type", ""), "textarea");
    EXPECT_EQ(field.value("max_length", 0), 1200);
    EXPECT_FALSE(field.value("optional", true));
    // The state is opaque to the person and names nobody.
    const std::string state = dialog.value("state", "");
    EXPECT_FALSE(state.empty());
    EXPECT_EQ(state.find(zeb), std::string::npos) << state;
    EXPECT_EQ(state.find("zebulon"), std::string::npos) << state;
}

TEST_F(MattermostDialogAnswers,
       TwoTeammatesGetTwoNamesTheSamePersonTheSameNameAndOtherPostsOtherNames) {
    boot_with_answers();
    const std::string first = publish("who owns the rota?");
    const std::string second = publish("why two standups?");

    const std::string zeb_first = answered(first, zeb, "I think ops does", 1);
    const std::string otto_first = answered(first, otto, "ask in #ops", 2);
    const std::string zeb_again = answered(first, zeb, "and it rotates weekly", 3);
    EXPECT_TRUE(zeb_first.starts_with("\u2014 Anonymous ")) << zeb_first;
    EXPECT_TRUE(otto_first.starts_with("\u2014 Anonymous ")) << otto_first;
    EXPECT_NE(zeb_first, otto_first);
    EXPECT_EQ(zeb_first, zeb_again);

    const std::string zeb_second = answered(second, zeb, "timezones", 1);
    const std::string otto_second = answered(second, otto, "history", 2);
    EXPECT_NE(zeb_second, zeb_first);
    EXPECT_NE(otto_second, otto_first);
    EXPECT_NE(zeb_second, otto_second);

    // Each person heard how their answer was signed, where they clicked, and only they did.
    EXPECT_TRUE(wait_for_ephemeral(zeb, zeb_first.substr(std::string("\u2014 ").size())));
    EXPECT_TRUE(wait_for_ephemeral(otto, otto_first.substr(std::string("\u2014 ").size())));
    for (const auto& p : mm_->ephemerals_for(zeb)) {
        EXPECT_EQ(p.value("channel_id", ""), quick);
    }
    for (const auto& thread_post : thread_of(first)) {
        EXPECT_EQ(thread_post.find("zebulon"), std::string::npos) << thread_post;
        EXPECT_EQ(thread_post.find("ottoline"), std::string::npos) << thread_post;
    }
    for (const auto& d : mm_->dialogs) {
        EXPECT_FALSE(d.open) << "a dialog stayed open after its answer was posted";
    }
}

TEST_F(MattermostDialogAnswers,
       TheAuthorsDialogAnswerIsSignedAsAuthorAndTeammatesAnswersAreRelayed) {
    boot_with_answers();
    const std::string root = publish("is the build cache shared?");
    const std::string dm = dm_of(alice);

    EXPECT_EQ(answered(root, alice, "I mean the CI cache", 1), "\u2014 author of #1");
    const std::string zeb_name = answered(root, zeb, "yes, per branch", 2);
    const std::string name = zeb_name.substr(std::string("\u2014 ").size());
    ASSERT_TRUE(wait_for_post(dm, "yes, per branch"));
    const auto relay = *bot_post_in(dm, "yes, per branch");
    EXPECT_NE(relay.value("message", "").find("#1 \u2014 " + name), std::string::npos)
        << relay.dump();
    EXPECT_EQ(relay.dump().find(zeb), std::string::npos);
    // The author's own answer is not echoed back to them as a relay.
    EXPECT_FALSE(bot_post_in(dm, "I mean the CI cache").has_value());
}

TEST_F(MattermostDialogAnswers, WithTheOptionOffThereIsNoReplyButtonAndReplyNIsRefusedKindly) {
    boot_with_answers();
    mm_->dm_post(alice, "#eng mistake: the wiki link is dead");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    ASSERT_EQ(click(mm_->last_post_with_buttons(dm), "openfloor_confirm", alice).status, 200U);
    ASSERT_TRUE(wait_for_post(eng, "wiki link"));
    const std::string root = bot_post_in(eng, "wiki link")->value("id", "");
    const auto buttons = mm_->buttons_of(root);
    ASSERT_EQ(buttons.size(), 1U);
    EXPECT_EQ(buttons[0].id, "openfloorflag");

    mm_->dm_post(zeb, "reply 1 it moved to confluence");
    const std::string zeb_dm = dm_of(zeb);
    ASSERT_TRUE(wait_for_post(zeb_dm, "anonymous answers are not turned on"));
    EXPECT_NE(bot_post_in(zeb_dm, "anonymous answers")->value("message", "").find("#eng"),
              std::string::npos);
    EXPECT_TRUE(mm_->dialogs.empty());
    for (const auto& p : mm_->posts_in(eng)) {
        EXPECT_EQ(p.value("message", "").find("confluence"), std::string::npos) << p.dump();
    }
}

TEST_F(MattermostDialogAnswers, ARefusedAnswerKeepsTheDialogOpenWithTheReasonBesideTheField) {
    boot_with_answers([](config::settings& s) {
        s.limits.max_chars = 20;
        s.moderation.blocked_words = {"idiot"};
    });
    const std::string root = publish("what is our SLO?");
    const std::size_t d = click_for_dialog(root, "openfloor_reply", zeb);
    ASSERT_NE(d, std::string::npos);

    auto blank = submit_dialog(d, {{"answer", "   "}});
    ASSERT_EQ(blank.status, 200U);
    auto errors = nlohmann::json::parse(blank.body)["errors"];
    EXPECT_NE(errors.value("answer", "").find("What would you like to answer"), std::string::npos)
        << blank.body;
    auto too_long = submit_dialog(d, {{"answer", std::string(25, 'x')}});
    errors = nlohmann::json::parse(too_long.body)["errors"];
    EXPECT_NE(errors.value("answer", "").find("25 characters"), std::string::npos) << too_long.body;
    auto blocked = submit_dialog(d, {{"answer", "ask the idiot"}});
    EXPECT_NE(blocked.body.find("idiot"), std::string::npos) << blocked.body;
    EXPECT_TRUE(mm_->dialogs[d].open);
    EXPECT_TRUE(thread_of(root).empty());

    // The same dialog, corrected, goes through.
    auto fixed = submit_dialog(d, {{"answer", "99.9%"}});
    EXPECT_EQ(nlohmann::json::parse(fixed.body), nlohmann::json::object()) << fixed.body;
    EXPECT_FALSE(mm_->dialogs[d].open);
    ASSERT_TRUE(wait_for_thread(root, 1));
    EXPECT_NE(thread_of(root)[0].find("99.9%"), std::string::npos);
}

TEST_F(MattermostDialogAnswers, ALockedPostOpensNoDialogAndRefusesOneOpenedBeforeTheLock) {
    boot_with_answers();
    const std::string root = publish("can we skip the retro?");
    const std::size_t before_lock = click_for_dialog(root, "openfloor_reply", otto);
    ASSERT_NE(before_lock, std::string::npos);

    const auto locked = command_answer(moderator, town_square, "lock 1");
    EXPECT_NE(locked.value("text", "").find("#1"), std::string::npos) << locked.dump();

    std::string said;
    EXPECT_EQ(click_for_dialog(root, "openfloor_reply", zeb, &said), std::string::npos);
    EXPECT_NE(said.find("locked"), std::string::npos) << said;

    auto late = submit_dialog(before_lock, {{"answer", "please no"}});
    ASSERT_EQ(late.status, 200U);
    EXPECT_NE(nlohmann::json::parse(late.body)["errors"].value("answer", "").find("locked"),
              std::string::npos)
        << late.body;
    EXPECT_TRUE(mm_->dialogs[before_lock].open);
    run_until(
        ioc_, [] { return false; }, std::chrono::milliseconds(100));
    for (const auto& m : thread_of(root)) {
        EXPECT_EQ(m.find("please no"), std::string::npos) << m;
    }
}

TEST_F(MattermostDialogAnswers, AnExpiredTriggerOpensNoDialogAndTheClickSaysHowToAnswerInWords) {
    boot_with_answers();
    const std::string root = publish("where are the runbooks?");
    mm_->trigger_lifetime = std::chrono::milliseconds(-1); // every trigger is already stale
    std::string said;
    EXPECT_EQ(click_for_dialog(root, "openfloor_reply", zeb, &said), std::string::npos);
    EXPECT_NE(said.find("try again"), std::string::npos) << said;
    EXPECT_NE(said.find("reply 1"), std::string::npos) << said;
    EXPECT_EQ(mm_->calls_to("POST", "/actions/dialogs/open").size(), 1U);
    EXPECT_NE(log_.find("mattermost.dialog_not_opened"), std::string::npos);
}

TEST_F(MattermostDialogAnswers, WithoutEphemeralPermissionTheOutcomeComesByDirectMessage) {
    boot_with_answers();
    mm_->allow_ephemeral = false;
    const std::string root = publish("who approves hotfixes?");
    answered(root, zeb, "the on-call lead", 1);
    const std::string zeb_dm = dm_of(zeb);
    ASSERT_FALSE(zeb_dm.empty());
    EXPECT_TRUE(wait_for_post(zeb_dm, "Nobody can see that it was you"));
    EXPECT_TRUE(mm_->ephemerals_for(zeb).empty());
}

TEST_F(MattermostDialogAnswers, NeitherTeammateIsInTheDatabaseFilesOrTheLog) {
    boot_with_answers();
    const std::string first = publish("do we pair on incidents?");
    const std::string second = publish("is friday deploy ok?");
    answered(first, zeb, "we should", 1);
    answered(first, otto, "sometimes", 2);
    answered(second, otto, "no", 1);
    ASSERT_EQ(flag_by_dialog(second, zeb, "other").status, 200U);
    ASSERT_TRUE(wait_for_post(mods, "#2 flagged"));
    ASSERT_TRUE(wait_for_ephemeral(zeb, "Thank you for flagging #2"));

    std::size_t scanned = 0;
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        scanned += bytes.size();
        for (const auto& secret : {zeb, otto, std::string("zebulon"), std::string("ottoline"),
                                   mm_->dm_channel_of(zeb), mm_->dm_channel_of(otto)}) {
            if (secret.empty()) {
                continue;
            }
            EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " in " << what;
        }
    }
    EXPECT_GT(scanned, 0U);
}

} // namespace
} // namespace openfloor::testing
