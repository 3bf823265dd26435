// Anonymous answers through a channel post's Reply anonymously button, over Slack in both modes:
// the modal views.open shows, its submission, the made-up names in the thread, the relay to the
// author, the refusals, and nothing of the teammates left in the database or the log.
#include "tests/slack_e2e/fixture.hpp"
#include "tests/support/e2e.hpp"

namespace openfloor::testing {
namespace {

class SlackAnonymousAnswers : public slack_e2e,
                              public ::testing::WithParamInterface<config::slack_mode> {
protected:
    // Boots with #quick (no preview) taking anonymous answers, or not.
    void start(bool anonymous_replies = true) {
        boot(GetParam(), nullptr,
             [&](config::settings& s) { s.channels.at(2).anonymous_replies = anonymous_replies; });
    }

    // alice's next post in #quick, once it is in the channel; returns its ts.
    std::string post(const std::string& text, const std::string& event_id) {
        const auto before = slack_->posts_to("C0QUICK").size();
        event(slack_->dm_event(alice, alice_dm, "#quick question: " + text, event_id));
        EXPECT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == before + 1; }));
        return channel_ts_of(static_cast<bot::post_number>(before + 1));
    }

    // `user` clicks Reply anonymously on #n and sends `text` through the modal.
    view_answer answer(const std::string& user, const std::string& n, const std::string& text) {
        const auto view = open_form(user, "C0QUICK", "openfloor_reply", n);
        EXPECT_TRUE(view.has_value()) << "no modal for " << user;
        if (!view) {
            return {};
        }
        return submit_view(user, *view, {{"answer_input", text}});
    }

    // The answers delivered into the thread of `ts`: (body text, signature), oldest first.
    std::vector<std::pair<std::string, std::string>> thread(const std::string& ts) const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& c : slack_->posts_to("C0QUICK")) {
            if (c.body.value("thread_ts", "") != ts) {
                continue;
            }
            std::string body;
            std::string signature;
            for (const auto& block : c.body.value("blocks", nlohmann::json::array())) {
                if (block.value("block_id", "") == "of_signature") {
                    signature = block.at("elements").at(0).value("text", "");
                } else if (block.contains("text")) {
                    body += block["text"].value("text", "");
                }
            }
            out.emplace_back(body, signature);
        }
        return out;
    }

    bool thread_has(const std::string& ts, std::size_t n) const { return thread(ts).size() >= n; }

    const std::string carol = "U0SECRETCAROL";
    const std::string bob_dm = "D0BOBDM";
};

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.rfind(prefix, 0) == 0;
}

TEST_P(SlackAnonymousAnswers, TwoTeammatesGetTwoNamesAndOneKeepsHisWithinThePost) {
    start();
    const std::string ts = post("Is the VPN down?", "Ev1");
    const auto first = answer(bob, "1", "Yes, since nine");
    EXPECT_EQ(first.status, 200U);
    EXPECT_EQ(first.body.value("response_action", ""), "update") << first.body.dump();
    EXPECT_NE(first.body.dump().find("Anonymous "), std::string::npos)
        << "the receipt names the name the answer carries: " << first.body.dump();
    ASSERT_TRUE(wait_for([&] { return thread_has(ts, 1); }));
    answer(carol, "1", "Not for me");
    ASSERT_TRUE(wait_for([&] { return thread_has(ts, 2); }));
    answer(bob, "1", "It is back now");
    ASSERT_TRUE(wait_for([&] { return thread_has(ts, 3); }));

    const auto answers = thread(ts);
    ASSERT_EQ(answers.size(), 3U);
    EXPECT_EQ(answers[0].first, "Yes, since nine");
    EXPECT_TRUE(starts_with(answers[0].second, "— Anonymous ")) << answers[0].second;
    EXPECT_TRUE(starts_with(answers[1].second, "— Anonymous ")) << answers[1].second;
    EXPECT_NE(answers[0].second, answers[1].second) << "bob and carol are told apart";
    EXPECT_EQ(answers[0].second, answers[2].second) << "bob is the same on both answers";
    for (const auto& c : slack_->posts_to("C0QUICK")) {
        EXPECT_EQ(c.body.dump().find(bob), std::string::npos);
        EXPECT_EQ(c.body.dump().find(carol), std::string::npos);
    }
}

TEST_P(SlackAnonymousAnswers, OnePersonsNameDiffersOnAnotherPost) {
    start();
    const std::string ts1 = post("first", "Ev1");
    const std::string ts2 = post("second", "Ev2");
    answer(bob, "1", "on the first");
    answer(bob, "2", "on the second");
    ASSERT_TRUE(wait_for([&] { return thread_has(ts1, 1) && thread_has(ts2, 1); }));
    EXPECT_TRUE(starts_with(thread(ts1)[0].second, "— Anonymous "));
    EXPECT_NE(thread(ts1)[0].second, thread(ts2)[0].second);
}

TEST_P(SlackAnonymousAnswers, TheAuthorsAnswerThroughTheModalIsSignedAsAuthor) {
    start();
    const std::string ts = post("Is the VPN down?", "Ev1");
    const auto view = open_form(alice, "C0QUICK", "openfloor_reply", "1");
    ASSERT_TRUE(view.has_value());
    EXPECT_NE(view->view.dump().find("author of #1"), std::string::npos)
        << "the modal says how the answer is signed: " << view->view.dump();
    const auto sent = submit_view(alice, *view, {{"answer_input", "The summary tab"}});
    EXPECT_EQ(sent.body.value("response_action", ""), "update") << sent.body.dump();
    ASSERT_TRUE(wait_for([&] { return thread_has(ts, 1); }));
    EXPECT_EQ(thread(ts)[0],
              std::make_pair(std::string("The summary tab"), std::string("— author of #1")));
}

TEST_P(SlackAnonymousAnswers, TheAuthorGetsTheTeammatesAnswersRelayedInDm) {
    start();
    post("Is the VPN down?", "Ev1");
    const auto dms = slack_->posts_to(alice_dm).size();
    answer(bob, "1", "Yes, since nine");
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to(alice_dm).size() > dms; }));
    const std::string relay = all_text(slack_->posts_to(alice_dm).back().body);
    EXPECT_NE(relay.find("#1 — Anonymous "), std::string::npos) << relay;
    EXPECT_NE(relay.find("Yes, since nine"), std::string::npos) << relay;
    EXPECT_EQ(relay.find(bob), std::string::npos) << "the relay does not name bob";
}

TEST_P(SlackAnonymousAnswers, WithTheOptionOffATeammatesReplyIsRefusedAndThereIsNoReplyButton) {
    start(false);
    post("Is the VPN down?", "Ev1");
    const auto post_body = slack_->posts_to("C0QUICK").at(0).body.dump();
    EXPECT_EQ(post_body.find("openfloor_reply"), std::string::npos) << post_body;
    EXPECT_NE(post_body.find("openfloor_flag"), std::string::npos) << post_body;

    event(slack_->dm_event(bob, bob_dm, "reply 1 Yes, since nine", "Ev2"));
    ASSERT_TRUE(wait_for([&] { return !slack_->posts_to(bob_dm).empty(); }));
    const std::string refusal = all_text(slack_->posts_to(bob_dm).back().body);
    EXPECT_NE(refusal.find("anonymous answers are not turned on in #quick"), std::string::npos)
        << refusal;
    // A hand-made click on a button the post does not have is refused the same way.
    EXPECT_FALSE(open_form(bob, "C0QUICK", "openfloor_reply", "1").has_value());
    EXPECT_NE(click_answers(bob).back().find("not turned on"), std::string::npos);
    EXPECT_TRUE(slack_->views.empty());
    EXPECT_EQ(slack_->posts_to("C0QUICK").size(), 1U) << "nothing in the thread";
}

TEST_P(SlackAnonymousAnswers, ALockedPostRefusesAnAnswerFromTheModalAndKeepsTheText) {
    start();
    const std::string ts = post("Is the VPN down?", "Ev1");
    const auto view = open_form(bob, "C0QUICK", "openfloor_reply", "1");
    ASSERT_TRUE(view.has_value());
    const auto locked = command(moderator, "C0MODS", "lock 1");
    EXPECT_NE(all_text(locked).find("#1 is locked"), std::string::npos) << locked.dump();
    const auto refused = submit_view(bob, *view, {{"answer_input", "Too late"}});
    EXPECT_EQ(refused.status, 200U);
    EXPECT_EQ(refused.body.value("response_action", ""), "errors") << refused.body.dump();
    EXPECT_NE(refused.body["errors"].value("answer_block", "").find("locked"), std::string::npos)
        << refused.body.dump();
    EXPECT_FALSE(open_form(bob, "C0QUICK", "openfloor_reply", "1").has_value())
        << "a locked post opens no new form";
    EXPECT_NE(click_answers(bob).back().find("locked"), std::string::npos);
    wait_for([] { return false; }, std::chrono::milliseconds(300)); // let any delivery happen
    for (const auto& [body, signature] : thread(ts)) {
        EXPECT_NE(body, "Too late");
    }
}

TEST_P(SlackAnonymousAnswers, AnEmptyOrTooLongAnswerStaysInTheModalWithTheReason) {
    start();
    const std::string ts = post("Is the VPN down?", "Ev1");
    const auto view = open_form(bob, "C0QUICK", "openfloor_reply", "1");
    ASSERT_TRUE(view.has_value());
    const auto max_length = view->view.at("blocks").back().at("element").at("max_length");
    EXPECT_EQ(max_length, settings_.limits.max_chars);
    const auto empty = submit_view(bob, *view, {});
    EXPECT_EQ(empty.body.value("response_action", ""), "errors") << empty.body.dump();
    EXPECT_NE(empty.body["errors"].value("answer_block", "").find("What would you"),
              std::string::npos);
    const auto huge = submit_view(bob, *view, {{"answer_input", std::string(5000, 'x')}});
    EXPECT_EQ(huge.body.value("response_action", ""), "errors") << huge.body.dump();
    EXPECT_NE(huge.body["errors"].value("answer_block", "").find("limit"), std::string::npos);
    const auto fixed = submit_view(bob, *view, {{"answer_input", "Shorter"}});
    EXPECT_EQ(fixed.body.value("response_action", ""), "update") << fixed.body.dump();
    ASSERT_TRUE(wait_for([&] { return thread_has(ts, 1); }));
    EXPECT_EQ(thread(ts).size(), 1U);
}

TEST_P(SlackAnonymousAnswers, TheSameSubmissionDeliveredTwiceAnswersOnce) {
    start();
    const std::string ts = post("Is the VPN down?", "Ev1");
    const auto view = open_form(bob, "C0QUICK", "openfloor_reply", "1");
    ASSERT_TRUE(view.has_value());
    const auto submission = slack_->view_submission(bob, *view, {{"answer_input", "Once"}});
    EXPECT_EQ(submit(submission).body.value("response_action", ""), "update");
    submit(submission);
    ASSERT_TRUE(wait_for([&] { return thread_has(ts, 1); }));
    wait_for([] { return false; }, std::chrono::milliseconds(300)); // a second would be out by now
    EXPECT_EQ(thread(ts).size(), 1U);
}

TEST_P(SlackAnonymousAnswers, AnExpiredTriggerIsToldKindlyAndTheNextClickWorks) {
    start();
    post("Is the VPN down?", "Ev1");
    slack_->inject("views.open", fake_slack::api_error("expired_trigger_id"));
    EXPECT_FALSE(open_form(bob, "C0QUICK", "openfloor_reply", "1").has_value());
    ASSERT_EQ(slack_->calls_to("views.open").size(), 1U) << "the bot did try to open it";
    const auto told = slack_->calls_to("/hooks/actions/" + bob).back().body;
    EXPECT_NE(all_text(told).find("Please click the button again"), std::string::npos)
        << told.dump();
    EXPECT_EQ(told.value("response_type", ""), "ephemeral");
    EXPECT_EQ(told.value("replace_original", true), false) << "the channel post stays";
    EXPECT_TRUE(open_form(bob, "C0QUICK", "openfloor_reply", "1").has_value());
}

TEST_P(SlackAnonymousAnswers, HostileSubmissionsChangeNothing) {
    start();
    const std::string ts = post("Is the VPN down?", "Ev1");
    const auto view = open_form(bob, "C0QUICK", "openfloor_reply", "1");
    ASSERT_TRUE(view.has_value());
    auto other_post = slack_->view_submission(bob, *view, {{"answer_input", "hi"}});
    other_post["view"]["private_metadata"] = "1 OR 1=1";
    auto no_user = slack_->view_submission(bob, *view, {{"answer_input", "hi"}});
    no_user["user"].erase("id");
    auto huge = slack_->view_submission(bob, *view, {{"answer_input", "hi"}});
    huge["view"]["private_metadata"] = std::string(100'000, '9');
    auto wrong_type = slack_->view_submission(bob, *view, {});
    wrong_type["view"]["state"]["values"]["answer_block"]["answer_input"]["value"] = 42;
    for (const auto& hostile : {other_post, no_user, huge, wrong_type}) {
        const auto r = submit(hostile);
        if (GetParam() == config::slack_mode::http) {
            EXPECT_EQ(r.status, 400U) << r.body.dump();
        } else {
            EXPECT_TRUE(r.body.is_null()) << "a bare ack: " << r.body.dump();
        }
    }
    const auto unknown = submit_view(bob,
                                     {view->id, view->trigger_id,
                                      nlohmann::json{{"type", "modal"},
                                                     {"callback_id", "of_answer"},
                                                     {"private_metadata", "99"},
                                                     {"blocks", view->view["blocks"]}}},
                                     {{"answer_input", "to nowhere"}});
    EXPECT_EQ(unknown.body.value("response_action", ""), "errors") << unknown.body.dump();
    EXPECT_NE(unknown.body.dump().find("no post #99"), std::string::npos) << unknown.body.dump();
    wait_for([] { return false; }, std::chrono::milliseconds(300));
    EXPECT_TRUE(thread(ts).empty());
    EXPECT_TRUE(bot_->slack()->healthy() || GetParam() == config::slack_mode::http);
}

TEST_P(SlackAnonymousAnswers, AClickWithAValueSlackNeverSendsOpensNothingAndAnswersNothing) {
    start();
    post("Is the VPN down?", "Ev1");
    click(bob, "C0QUICK", "openfloor_reply", std::string(5000, '1'));
    // The next click is handled after it: once its modal is open, the first is done with.
    ASSERT_TRUE(open_form(bob, "C0QUICK", "openfloor_reply", "1").has_value());
    EXPECT_EQ(slack_->views.size(), 1U);
    EXPECT_TRUE(click_answers(bob).empty());
}

TEST_P(SlackAnonymousAnswers, NeitherTeammateIsInTheDatabaseItsWalOrTheLog) {
    start();
    const std::string ts = post("Is the VPN down?", "Ev1");
    answer(bob, "1", "Yes, since nine");
    answer(carol, "1", "Not for me");
    ASSERT_TRUE(wait_for([&] { return thread_has(ts, 2); }));
    std::size_t scanned = 0;
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        scanned += bytes.size();
        EXPECT_EQ(bytes.find(bob), std::string::npos) << "bob's id in " << what;
        EXPECT_EQ(bytes.find(carol), std::string::npos) << "carol's id in " << what;
        for (const auto& [body, signature] : thread(ts)) {
            const std::string name = signature.substr(std::string("— ").size());
            EXPECT_EQ(bytes.find(name), std::string::npos) << name << " in " << what;
        }
    }
    EXPECT_GT(scanned, 0U);
    EXPECT_FALSE(log_.empty());
}

INSTANTIATE_TEST_SUITE_P(BothModes, SlackAnonymousAnswers, both_slack_modes(), slack_mode_name);

} // namespace
} // namespace openfloor::testing
