// Anonymous answers from teammates (product.md §3): where a channel has anonymous_replies,
// anyone may answer a post in its thread under a made-up name that is stable for them within
// the post and different on every other, relayed to the author, and never stored.
#include "tests/scenarios/harness.hpp"

#include <algorithm>

namespace openfloor::testing {
namespace {

using bot::job_kind;
using bot::message_kind;

class AnonymousAnswers : public scenario {
protected:
    AnonymousAnswers() { quick().anonymous_replies = true; }

    config::channel_settings& quick() { return settings_.channels.at(2); }

    // alice's next post in #quick, delivered; returns its channel message ref.
    std::string published(std::string_view text = "question: Is the VPN down for everyone?") {
        slash(alice, "#quick " + std::string(text));
        deliver_due();
        return platform_.to("C0QUICK").back().ref;
    }

    // The signatures under the answers delivered into threads, oldest first.
    std::vector<std::string> signatures() const {
        std::vector<std::string> out;
        for (const auto& s : platform_.of_kind(job_kind::thread_post)) {
            out.push_back(s.job.body.text);
        }
        return out;
    }

    std::vector<bot::message> relays_to_alice() const {
        std::vector<bot::message> out;
        for (const auto& s : platform_.to("D0SECRETDM")) {
            if (s.job.body.kind == message_kind::relay) {
                out.push_back(s.job.body);
            }
        }
        return out;
    }

    const bot::actor carol{{bot::platform::slack, "T0TEAM", "U0CAROL"}, "D0CAROLDM", "D0CAROLDM"};
};

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.rfind(prefix, 0) == 0;
}

TEST_F(AnonymousAnswers, TwoTeammatesGetTwoNamesAndEachKeepsTheirsWithinThePost) {
    const auto ref = published();
    slash(bob, "reply 1 Yes, since nine");
    slash(carol, "reply 1 Not for me");
    slash(bob, "reply 1 It is back now");
    run_for(std::chrono::seconds(5)); // one thread, one channel: paced a second apart

    const auto answers = platform_.of_kind(job_kind::thread_post);
    ASSERT_EQ(answers.size(), 3U);
    for (const auto& a : answers) {
        EXPECT_EQ(a.job.thread_ref, ref);
        EXPECT_EQ(a.job.body.kind, message_kind::thread_answer);
    }
    EXPECT_EQ(answers[0].job.body.body, "Yes, since nine");
    const auto names = signatures();
    EXPECT_TRUE(starts_with(names[0], "— Anonymous ")) << names[0];
    EXPECT_TRUE(starts_with(names[1], "— Anonymous ")) << names[1];
    EXPECT_NE(names[0], names[1]) << "bob and carol are told apart";
    EXPECT_EQ(names[0], names[2]) << "bob is the same person on both of his answers";
}

TEST_F(AnonymousAnswers, OnePersonsNameDiffersOnAnotherPost) {
    published("question: first");
    published("question: second");
    slash(bob, "reply 1 on the first");
    slash(bob, "reply 2 on the second");
    run_for(std::chrono::seconds(4));
    const auto names = signatures();
    ASSERT_EQ(names.size(), 2U);
    EXPECT_NE(names[0], names[1]);
}

TEST_F(AnonymousAnswers, TheAnswerersReceiptNamesTheirNameForThePost) {
    published();
    const auto r = slash(bob, "reply 1 Yes");
    ASSERT_EQ(r.messages.size(), 1U);
    run_for(std::chrono::seconds(2));
    const auto names = signatures();
    ASSERT_EQ(names.size(), 1U);
    const std::string name = names[0].substr(std::string("— ").size());
    EXPECT_NE(r.messages[0].text.find("#1"), std::string::npos);
    EXPECT_NE(r.messages[0].text.find(name), std::string::npos) << r.messages[0].text;
}

TEST_F(AnonymousAnswers, TheAuthorStillAnswersAsAuthorOfNAndIsNotEchoed) {
    published();
    dm(alice, "reply 1 Thanks, I will wait");
    run_for(std::chrono::seconds(2));
    EXPECT_EQ(signatures(), std::vector<std::string>{"— author of #1"});
    EXPECT_TRUE(relays_to_alice().empty()) << "the author's own answer is not relayed to her";
}

TEST_F(AnonymousAnswers, ATeammatesAnswerIsRelayedToTheAuthorWhoCanAnswerBack) {
    const auto ref = published();
    slash(bob, "reply 1 Which office are you in?");
    run_for(std::chrono::seconds(2));
    const auto relays = relays_to_alice();
    ASSERT_EQ(relays.size(), 1U);
    const std::string name = signatures().at(0).substr(std::string("— ").size());
    EXPECT_EQ(relays[0].number, 1);
    EXPECT_EQ(relays[0].text, "#1 — " + name + " replied:");
    EXPECT_EQ(relays[0].body, "Which office are you in?");
    EXPECT_TRUE(post(1)->first_reply_at.has_value());

    // Answering in the relayed DM's thread reaches #1's thread as its author.
    core_->on_relay_answer(alice, platform_.to("D0SECRETDM").back().ref, "Berlin", "Ev-b1");
    run_for(std::chrono::seconds(2));
    const auto answers = platform_.of_kind(job_kind::thread_post);
    ASSERT_EQ(answers.size(), 2U);
    EXPECT_EQ(answers[1].job.thread_ref, ref);
    EXPECT_EQ(answers[1].job.body.text, "— author of #1");
}

TEST_F(AnonymousAnswers, WithTheOptionOffSomeoneElsesAnswerIsRefusedWithTheReason) {
    quick().anonymous_replies = false;
    published();
    const auto r = slash(bob, "reply 1 let me in");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("not turned on in #quick"), std::string::npos);
    const auto button = click(bob, bot::action::reply, "1");
    EXPECT_FALSE(button.form.has_value());
    ASSERT_EQ(button.messages.size(), 1U);
    EXPECT_NE(button.messages[0].text.find("not turned on"), std::string::npos);
    run_for(std::chrono::seconds(2));
    EXPECT_TRUE(platform_.of_kind(job_kind::thread_post).empty());
}

TEST_F(AnonymousAnswers, ChannelPostsCarryReplyWhereTheOptionIsOnAndFlagEverywhere) {
    published();
    dm(alice, "#eng mistake: the totals");
    deliver_due();
    click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    deliver_due();
    const auto quick_post = platform_.to("C0QUICK").at(0).job.body;
    ASSERT_EQ(quick_post.buttons.size(), 2U);
    EXPECT_EQ(quick_post.buttons[0].action, bot::action::reply);
    EXPECT_EQ(quick_post.buttons[0].label, "Reply anonymously");
    EXPECT_EQ(quick_post.buttons[0].value, "1");
    EXPECT_EQ(quick_post.buttons[1].action, bot::action::flag);
    EXPECT_EQ(quick_post.buttons[1].value, "1");
    const auto eng_post = platform_.to("C0ENG").at(0).job.body;
    ASSERT_EQ(eng_post.buttons.size(), 1U) << "no anonymous answers in #eng";
    EXPECT_EQ(eng_post.buttons[0].action, bot::action::flag);
    EXPECT_EQ(eng_post.buttons[0].value, "2");
}

TEST_F(AnonymousAnswers, TheReplyButtonOpensAFormWhoseAnswerIsSignedLikeReplyN) {
    published();
    const auto r = click(bob, bot::action::reply, "1");
    ASSERT_TRUE(r.form.has_value());
    EXPECT_TRUE(r.messages.empty());
    EXPECT_EQ(r.form->kind, bot::form_kind::answer);
    EXPECT_EQ(r.form->value, "1");
    EXPECT_EQ(r.form->number, 1);
    EXPECT_EQ(r.form->title, "Answer #1");
    EXPECT_FALSE(r.form->field_label.empty());
    EXPECT_FALSE(r.form->submit_label.empty());

    const auto sent = core_->on_answer_form(bob, r.form->value, "From the form");
    ASSERT_EQ(sent.messages.size(), 1U);
    slash(bob, "reply 1 From the command");
    run_for(std::chrono::seconds(3));
    const auto names = signatures();
    ASSERT_EQ(names.size(), 2U);
    EXPECT_EQ(names[0], names[1]);
    EXPECT_NE(r.form->intro.find(names[0].substr(std::string("— ").size())), std::string::npos)
        << "the form says which name the answer will carry: " << r.form->intro;
    EXPECT_EQ(platform_.of_kind(job_kind::thread_post).at(0).job.body.body, "From the form");
}

TEST_F(AnonymousAnswers, TheAuthorsFormSaysTheAnswerIsSignedAsAuthor) {
    published();
    const auto r = click(alice, bot::action::reply, "1");
    ASSERT_TRUE(r.form.has_value());
    EXPECT_NE(r.form->intro.find("author of #1"), std::string::npos) << r.form->intro;
    core_->on_answer_form(alice, r.form->value, "From the author");
    run_for(std::chrono::seconds(2));
    EXPECT_EQ(signatures(), std::vector<std::string>{"— author of #1"});
}

TEST_F(AnonymousAnswers, TheReplyButtonOnAPostThatIsNotThereSaysSo) {
    published();
    const auto unknown = click(bob, bot::action::reply, "42");
    EXPECT_FALSE(unknown.form.has_value());
    EXPECT_NE(unknown.messages.at(0).text.find("no post #42"), std::string::npos);
    const auto garbage = core_->on_answer_form(bob, "not-a-number", "hello");
    EXPECT_NE(garbage.messages.at(0).text.find("no post"), std::string::npos);
    run_for(std::chrono::seconds(2));
    EXPECT_TRUE(platform_.of_kind(job_kind::thread_post).empty());
}

TEST_F(AnonymousAnswers, EmptyTooLongAndBlockedAnswersAreRefused) {
    published();
    EXPECT_NE(core_->on_answer_form(bob, "1", "   ").messages.at(0).text.find("What would you"),
              std::string::npos);
    settings_.limits.max_chars = 10;
    EXPECT_NE(slash(bob, "reply 1 far more than ten characters").messages.at(0).text.find("limit"),
              std::string::npos);
    settings_.limits.max_chars = 4000;
    EXPECT_NE(slash(bob, "reply 1 what an idiot").messages.at(0).text.find("does not allow"),
              std::string::npos);
    run_for(std::chrono::seconds(2));
    EXPECT_TRUE(platform_.of_kind(job_kind::thread_post).empty());
}

TEST_F(AnonymousAnswers, AFormAnswerSaysWhetherItWasQueuedSoTheFormCanStayOpen) {
    published();
    EXPECT_TRUE(core_->on_answer_form(bob, "1", "Yes, since nine").accepted);
    EXPECT_FALSE(core_->on_answer_form(bob, "1", "   ").accepted);
    EXPECT_FALSE(core_->on_answer_form(bob, "42", "To nowhere").accepted);
    slash(moderator, "lock 1");
    const auto locked = core_->on_answer_form(bob, "1", "Too late");
    EXPECT_FALSE(locked.accepted);
    EXPECT_NE(locked.messages.at(0).text.find("locked"), std::string::npos);
    run_for(std::chrono::seconds(3));
    std::vector<std::string> bodies;
    for (const auto& s : platform_.of_kind(job_kind::thread_post)) {
        bodies.push_back(s.job.body.body); // the answer, and the thread's note of the lock
    }
    EXPECT_EQ(std::count(bodies.begin(), bodies.end(), "Yes, since nine"), 1);
    EXPECT_EQ(std::count(bodies.begin(), bodies.end(), "Too late"), 0);
}

TEST_F(AnonymousAnswers, ARefusedFormCanBeSentAgainOnceTheReasonIsGoneButATakenOneOnlyOnce) {
    published();
    slash(moderator, "lock 1");
    const auto locked =
        core_->on_answer_form(bob, "1", "After the lock", "view:V1\nAfter the lock");
    EXPECT_FALSE(locked.accepted);
    EXPECT_FALSE(locked.duplicate);
    slash(moderator, "unlock 1");
    // The same submission again (same event key): refused before, so not remembered.
    const auto again = core_->on_answer_form(bob, "1", "After the lock", "view:V1\nAfter the lock");
    EXPECT_FALSE(again.duplicate);
    EXPECT_TRUE(again.accepted);
    // Taken now, so a redelivery of it is a duplicate and posts nothing more.
    const auto redelivered =
        core_->on_answer_form(bob, "1", "After the lock", "view:V1\nAfter the lock");
    EXPECT_TRUE(redelivered.duplicate);
    run_for(std::chrono::seconds(3));
    std::vector<std::string> bodies;
    for (const auto& s : platform_.of_kind(job_kind::thread_post)) {
        bodies.push_back(s.job.body.body);
    }
    EXPECT_EQ(std::count(bodies.begin(), bodies.end(), "After the lock"), 1);
}

TEST_F(AnonymousAnswers, ABannedPersonCannotAnswerAnonymouslyEither) {
    slash(bob, "#quick a post by bob");
    published(); // alice's is #2
    slash(moderator, "ban 1 7d");
    const auto r = slash(bob, "reply 2 sneaking in");
    EXPECT_NE(r.messages.at(0).text.find("paused"), std::string::npos);
    run_for(std::chrono::seconds(2));
    EXPECT_TRUE(platform_.of_kind(job_kind::thread_post).empty());
}

TEST_F(AnonymousAnswers, NeitherTheTeammatesNorTheirNamesAreInTheDatabaseOrTheLog) {
    published();
    slash(bob, "reply 1 First answer");
    dm(carol, "reply 1 Second answer");
    const auto form = click(carol, bot::action::reply, "1");
    ASSERT_TRUE(form.form.has_value());
    core_->on_answer_form(carol, form.form->value, "Third answer");
    run_for(std::chrono::seconds(5));
    const auto names = signatures();
    ASSERT_EQ(names.size(), 3U);
    ASSERT_EQ(relays_to_alice().size(), 3U);

    std::vector<std::string> markers{"U0BOB",
                                     "D0BOBDM",
                                     "U0CAROL",
                                     "D0CAROLDM",
                                     identity_->pseudonym_of(bob.user).hex(),
                                     identity_->pseudonym_of(carol.user).hex()};
    for (const auto& signature : names) {
        const std::string name = signature.substr(std::string("— ").size()); // "Anonymous …"
        markers.push_back(name);
        markers.push_back(name.substr(std::string("Anonymous ").size())); // the words alone
    }
    // Nor the keyed hashes the names come from.
    for (const auto* who : {&bob, &carol}) {
        markers.push_back(identity_->keyed_hash(
            "reply-name", identity_->pseudonym_of(who->user).hex() + "|slack#1"));
    }
    const auto scan = [&](const std::string& where) {
        const auto db = dir_.file("openfloor.db").string();
        for (const auto& [what, bytes] :
             {std::pair{"the database", read_file(db)},
              std::pair{"the WAL", read_file(db + "-wal")}, std::pair{"the log", log_}}) {
            for (const auto& marker : markers) {
                EXPECT_EQ(bytes.find(marker), std::string::npos)
                    << marker << " found in " << what << " " << where;
            }
        }
    };
    scan("while open");
    core_.reset();
    store_.reset();
    scan("after close");
}

} // namespace
} // namespace openfloor::testing
