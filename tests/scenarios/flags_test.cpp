// Flags (product.md §4): one per person per post, each reaching the moderators with the
// flagger's name and the count; at moderation.flag_threshold different flaggers the post is
// hidden until a moderator restores or deletes it, and its author is told.
#include "tests/scenarios/harness.hpp"

#include <algorithm>

namespace openfloor::testing {
namespace {

using bot::flag_reason;
using bot::job_kind;
using bot::message_kind;

class Flags : public scenario {
protected:
    // alice's post #1 in #quick, delivered; returns its channel message ref.
    std::string published() {
        slash(alice, "#quick question: Is the VPN down for everyone?");
        deliver_due();
        return platform_.to("C0QUICK").back().ref;
    }

    bot::reply flag(const bot::actor& who, flag_reason why = flag_reason::spam,
                    std::string_view post = "1") {
        return core_->on_flag(who, post, why, "<@" + who.user.user_id + ">");
    }

    std::vector<std::string> moderator_notices() const { return texts_to("C0MODS"); }

    bool alice_was_told(std::string_view words) const {
        const auto texts = texts_to("D0SECRETDM");
        return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) {
            return t.find(words) != std::string::npos;
        });
    }

    std::vector<bot::audit_record> audit_rows(std::string_view action) {
        std::vector<bot::audit_record> out;
        for (const auto& a : store_->audit().since(bot::time_point{}).value()) {
            if (a.action == action) {
                out.push_back(a);
            }
        }
        return out;
    }

    const bot::actor carol{{bot::platform::slack, "T0TEAM", "U0CAROL"}, "D0CAROLDM", "D0CAROLDM"};
    const bot::actor dave{{bot::platform::slack, "T0TEAM", "U0DAVE"}, "D0DAVEDM", "D0DAVEDM"};
};

TEST_F(Flags, TheThirdDistinctFlagHidesThePostAndARepeatDoesNotCount) {
    const auto ref = published();
    const auto first = flag(bob, flag_reason::spam);
    EXPECT_NE(first.messages.at(0).text.find("Thank you for flagging #1"), std::string::npos);
    const auto repeat = flag(bob, flag_reason::hurtful);
    EXPECT_NE(repeat.messages.at(0).text.find("already flagged #1"), std::string::npos);
    flag(carol, flag_reason::identifies_someone);
    run_for(std::chrono::seconds(3));
    EXPECT_FALSE(post(1)->hidden) << "two different people so far";
    EXPECT_TRUE(platform_.of_kind(job_kind::update_post).empty());

    flag(dave, flag_reason::other);
    EXPECT_TRUE(post(1)->hidden);
    run_for(std::chrono::seconds(3));

    const auto updates = platform_.of_kind(job_kind::update_post);
    ASSERT_EQ(updates.size(), 1U);
    EXPECT_EQ(updates[0].job.message_ref, ref);
    EXPECT_EQ(updates[0].job.channel_id, "C0QUICK");
    EXPECT_EQ(updates[0].job.body.kind, message_kind::notice);
    EXPECT_EQ(updates[0].job.body.text, "#1 is hidden while the moderators take a look at it.");
    EXPECT_TRUE(updates[0].job.body.buttons.empty());
    EXPECT_EQ(updates[0].job.body.body, "") << "the text is not in the hidden message";
    EXPECT_TRUE(alice_was_told("your post #1, so it is hidden for now"));

    const auto notices = moderator_notices();
    ASSERT_EQ(notices.size(), 3U) << "the repeat reached nobody";
    EXPECT_EQ(notices[0], "#1 flagged (1 of 3): Spam — by <@U0BOB>");
    EXPECT_EQ(notices[1], "#1 flagged (2 of 3): Identifies someone — by <@U0CAROL>");
    EXPECT_NE(notices[2].find("#1 flagged (3 of 3): Something else — by <@U0DAVE>"),
              std::string::npos);
    EXPECT_NE(notices[2].find("now hidden"), std::string::npos) << notices[2];
}

TEST_F(Flags, OnePersonFlaggingAgainAndAgainNeverHidesAPost) {
    settings_.moderation.flag_threshold = 2;
    published();
    for (int i = 0; i < 4; ++i) {
        flag(bob);
    }
    EXPECT_FALSE(post(1)->hidden);
    flag(carol);
    EXPECT_TRUE(post(1)->hidden);
}

TEST_F(Flags, AFlagSaysWhetherItCounted) {
    published();
    EXPECT_TRUE(flag(bob).accepted);
    EXPECT_FALSE(flag(bob, flag_reason::hurtful).accepted) << "a repeat does not count";
    EXPECT_FALSE(flag(carol, flag_reason::spam, "9").accepted) << "no post #9";
    EXPECT_TRUE(flag(carol).accepted);
}

TEST_F(Flags, AThresholdOfZeroNeverHidesButStillTellsTheModerators) {
    settings_.moderation.flag_threshold = 0;
    published();
    for (const auto* who : {&bob, &carol, &dave, &moderator}) {
        flag(*who);
    }
    run_for(std::chrono::seconds(3));
    EXPECT_FALSE(post(1)->hidden);
    EXPECT_TRUE(platform_.of_kind(job_kind::update_post).empty());
    const auto notices = moderator_notices();
    ASSERT_EQ(notices.size(), 4U);
    EXPECT_EQ(notices[3], "#1 flagged (4): Spam — by <@U0MODERATOR>");
}

TEST_F(Flags, RestoreShowsThePostAgainAndStartsTheCountAfresh) {
    const auto ref = published();
    flag(bob);
    flag(carol);
    flag(dave);
    run_for(std::chrono::seconds(3));
    const auto r = slash(moderator, "restore 1");
    EXPECT_NE(r.messages.at(0).text.find("#1 is visible again"), std::string::npos);
    EXPECT_FALSE(post(1)->hidden);
    run_for(std::chrono::seconds(3));

    const auto updates = platform_.of_kind(job_kind::update_post);
    ASSERT_EQ(updates.size(), 2U);
    const auto& shown = updates[1].job;
    EXPECT_EQ(shown.message_ref, ref);
    EXPECT_EQ(shown.body, platform_.to("C0QUICK").at(0).job.body)
        << "the same message as first posted, buttons and all";
    EXPECT_TRUE(alice_was_told("Your post #1 is visible again in #quick."));

    flag(bob);
    run_for(std::chrono::seconds(2));
    EXPECT_EQ(moderator_notices().back(), "#1 flagged (1 of 3): Spam — by <@U0BOB>");
}

TEST_F(Flags, AHiddenPostTakesNoAnswersRelaysNothingAndTakesNoMoreFlags) {
    settings_.channels.at(2).anonymous_replies = true;
    const auto ref = published();
    flag(bob);
    flag(carol);
    flag(dave);
    run_for(std::chrono::seconds(3));
    const auto before = texts_to("D0SECRETDM").size();

    EXPECT_NE(slash(bob, "reply 1 still here?").messages.at(0).text.find("hidden"),
              std::string::npos);
    EXPECT_NE(slash(alice, "reply 1 my own answer").messages.at(0).text.find("hidden"),
              std::string::npos);
    EXPECT_FALSE(click(bob, bot::action::reply, "1").form.has_value());
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Erin", "hello?", "Ev-h1"});
    const auto again = flag(moderator);
    EXPECT_NE(again.messages.at(0).text.find("already hidden"), std::string::npos);
    run_for(std::chrono::seconds(3));
    EXPECT_TRUE(platform_.of_kind(job_kind::thread_post).empty());
    EXPECT_EQ(texts_to("D0SECRETDM").size(), before) << "nothing relayed to the author";
}

TEST_F(Flags, AHiddenPostCanBeDeletedAsAnyOther) {
    const auto ref = published();
    flag(bob);
    flag(carol);
    flag(dave);
    const auto r = slash(moderator, "delete 1 names a colleague");
    EXPECT_NE(r.messages.at(0).text.find("removed"), std::string::npos);
    run_for(std::chrono::seconds(3));
    const auto deletes = platform_.of_kind(job_kind::delete_post);
    ASSERT_EQ(deletes.size(), 1U);
    EXPECT_EQ(deletes[0].job.message_ref, ref);
    EXPECT_EQ(post(1)->state, bot::post_state::deleted);
    EXPECT_NE(slash(moderator, "restore 1").messages.at(0).text.find("already removed"),
              std::string::npos);
}

TEST_F(Flags, OnlyModeratorsRestoreAndOnlyHiddenPosts) {
    published();
    EXPECT_NE(slash(moderator, "restore 1").messages.at(0).text.find("#1 is not hidden"),
              std::string::npos);
    flag(bob);
    flag(carol);
    flag(dave);
    EXPECT_NE(slash(bob, "restore 1").messages.at(0).text.find("Only moderators"),
              std::string::npos);
    EXPECT_TRUE(post(1)->hidden);
}

TEST_F(Flags, OnlyAPostInTheChannelCanBeFlagged) {
    settings_.posting.delay_min = std::chrono::seconds(30);
    settings_.posting.delay_max = std::chrono::seconds(30);
    slash(alice, "#quick still in its posting delay");
    EXPECT_NE(flag(bob).messages.at(0).text.find("not in the channel yet"), std::string::npos);
    EXPECT_NE(flag(bob, flag_reason::spam, "7").messages.at(0).text.find("no post #7"),
              std::string::npos);
    EXPECT_FALSE(click(bob, bot::action::flag, "1").form.has_value());
    EXPECT_TRUE(moderator_notices().empty());
}

TEST_F(Flags, TheFlagButtonOpensAFormWithTheReasons) {
    published();
    const auto r = click(bob, bot::action::flag, "1");
    ASSERT_TRUE(r.form.has_value());
    EXPECT_EQ(r.form->kind, bot::form_kind::flag);
    EXPECT_EQ(r.form->value, "1");
    EXPECT_EQ(r.form->title, "Flag #1");
    ASSERT_EQ(r.form->options.size(), 4U);
    EXPECT_EQ(r.form->options[0].id, "spam");
    EXPECT_EQ(r.form->options[2].id, "identifies_someone");
    EXPECT_EQ(r.form->options[2].label, "Identifies someone");
    EXPECT_EQ(core_->flag_reasons().size(), 4U);
    bot::flag_reason parsed = flag_reason::spam;
    ASSERT_TRUE(bot::parse_flag_reason(r.form->options[1].id, parsed));
    EXPECT_EQ(parsed, flag_reason::hurtful);
    core_->on_flag(bob, r.form->value, parsed, "<@U0BOB>");
    deliver_due();
    EXPECT_EQ(moderator_notices().back(), "#1 flagged (1 of 3): Hurtful — by <@U0BOB>");
}

TEST_F(Flags, FlagsHidesAndRestoresAreAuditedWithoutNamingTheFlagger) {
    published();
    slash(alice, "#quick another post");
    run_for(std::chrono::seconds(2)); // paced into the channel a second after #1
    ASSERT_EQ(post(2)->state, bot::post_state::posted);
    flag(bob, flag_reason::hurtful, "1");
    flag(bob, flag_reason::spam, "2");
    flag(carol);
    flag(dave);
    slash(moderator, "restore 1");

    const auto flags = audit_rows("flag");
    ASSERT_EQ(flags.size(), 4U);
    EXPECT_EQ(flags[0].number, 1);
    EXPECT_EQ(flags[0].detail, "hurtful");
    EXPECT_EQ(flags[1].number, 2);
    EXPECT_EQ(flags[1].detail, "spam");
    const auto bob_hex = identity_->pseudonym_of(bob.user).hex();
    for (const auto& a : flags) {
        EXPECT_EQ(a.actor.rfind("flagger:", 0), 0U) << a.actor;
        EXPECT_EQ(a.actor.find(bob_hex.substr(0, 8)), std::string::npos);
    }
    EXPECT_NE(flags[0].actor, flags[1].actor) << "bob on two posts cannot be matched up";
    EXPECT_NE(flags[0].actor, flags[2].actor) << "bob and carol on one post are told apart";
    ASSERT_EQ(audit_rows("hide").size(), 1U);
    EXPECT_EQ(audit_rows("hide")[0].actor, "system");
    ASSERT_EQ(audit_rows("restore").size(), 1U);
    EXPECT_EQ(audit_rows("restore")[0].actor.rfind("moderator:", 0), 0U);

    const auto stats = slash(moderator, "stats");
    EXPECT_NE(stats.messages.at(0).text.find("4 flags, 1 hidden by flags, 1 restored, 0 locked"),
              std::string::npos)
        << stats.messages.at(0).text;
}

TEST_F(Flags, NeitherTheFlaggersNorTheirNamesAreInTheDatabaseOrTheLog) {
    published();
    flag(bob);
    core_->on_flag(carol, "1", flag_reason::other, "Carol Surname");
    flag(dave);
    slash(moderator, "restore 1");
    run_for(std::chrono::seconds(3));
    ASSERT_EQ(moderator_notices().size(), 3U);

    const std::vector<std::string> markers{"U0BOB",
                                           "D0BOBDM",
                                           "U0CAROL",
                                           "D0CAROLDM",
                                           "U0DAVE",
                                           "D0DAVEDM",
                                           "Carol Surname",
                                           identity_->pseudonym_of(bob.user).hex(),
                                           identity_->pseudonym_of(carol.user).hex()};
    const auto db = dir_.file("openfloor.db").string();
    for (const auto& [what, bytes] :
         {std::pair{"the database", read_file(db)}, std::pair{"the WAL", read_file(db + "-wal")},
          std::pair{"the log", log_}}) {
        for (const auto& marker : markers) {
            EXPECT_EQ(bytes.find(marker), std::string::npos) << marker << " found in " << what;
        }
    }
}

} // namespace
} // namespace openfloor::testing
