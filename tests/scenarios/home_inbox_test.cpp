// The Slack private inbox (privacy.notices "home", product.md §5): no DM ever goes to an author;
// answers to their DMs are ephemeral, outcomes and relayed replies land in one sealed home
// document per author and on their App Home, retention prunes it, and Mattermost keeps DMs.
#include "bot/use_cases.hpp"
#include "tests/scenarios/harness.hpp"

#include <algorithm>

namespace openfloor::testing {
namespace {

class HomeInbox : public scenario {
protected:
    HomeInbox() {
        settings_.notices = config::notices_mode::home; // the core reads settings_ on every call
        settings_.channels[2].anonymous_replies = true; // #quick
    }

    // alice writes to #ops by DM, confirms the preview, a moderator approves, Bob replies.
    void post_approve_and_reply() {
        dm(alice, "#ops question: Who reviews the on-call rota?");
        deliver_due();
        click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
        deliver_due();
        click(moderator, bot::action::approve, "1");
        run_for(std::chrono::seconds(3));
        const auto ref = platform_.to("C0OPS").at(0).ref;
        core_->on_thread_reply({bot::platform::slack, "C0OPS", ref, "Bob", "Which rota?", "Ev-h1"});
        run_for(std::chrono::seconds(3));
    }

    std::vector<sent_job> homes_of(std::string_view user) const {
        std::vector<sent_job> out;
        for (const auto& s : platform_.of_kind(bot::job_kind::home_view)) {
            if (s.job.channel_id == user) {
                out.push_back(s);
            }
        }
        return out;
    }

    bot::home_document document_of(const bot::actor& who) {
        const auto key = bot::home_key(*identity_, identity_->pseudonym_of(who.user));
        auto doc = bot::load_home(*store_, *identity_, key);
        EXPECT_TRUE(doc.has_value());
        return doc ? *doc : bot::home_document{};
    }

    static bool has_line(const std::vector<bot::home_line>& lines, std::string_view name,
                         std::string_view text) {
        return std::any_of(lines.begin(), lines.end(), [&](const bot::home_line& l) {
            return l.name == name && l.text.find(text) != std::string::npos;
        });
    }
};

TEST_F(HomeInbox, NothingReachesTheAuthorAsADirectMessageFromPostToApprovalToRelay) {
    post_approve_and_reply();
    dm(alice, "reply 1 The weekly one"); // her answer's receipt
    run_for(std::chrono::seconds(2));

    EXPECT_TRUE(platform_.of_kind(bot::job_kind::direct_message).empty());
    const auto ephemerals = platform_.of_kind(bot::job_kind::ephemeral);
    ASSERT_EQ(ephemerals.size(), 2U); // the preview, then the receipt of her answer
    EXPECT_EQ(ephemerals[0].job.body.kind, bot::message_kind::preview);
    EXPECT_EQ(ephemerals[1].job.body.text,
              bot::texts("en").say(bot::text_id::reply_sent, {{"n", "1"}}));
    for (const auto& e : ephemerals) {
        EXPECT_EQ(e.job.channel_id, "D0SECRETDM");
        EXPECT_EQ(e.job.recipient, "U0SECRETALICE");
    }
    EXPECT_EQ(store_->outbox().depth().value(), 0);
}

TEST_F(HomeInbox, TheLastHomeViewShowsThePostItsStateTheOutcomeAndTheRelayedReply) {
    post_approve_and_reply();

    const auto homes = homes_of("U0SECRETALICE");
    ASSERT_GE(homes.size(), 3U); // confirmed, approved, posted, relayed
    const bot::home_view& view = homes.back().job.home;
    ASSERT_EQ(view.posts.size(), 1U);
    const auto& shown = view.posts[0];
    EXPECT_EQ(shown.number, 1);
    EXPECT_NE(shown.heading.find("#1 in #ops"), std::string::npos) << shown.heading;
    EXPECT_NE(shown.heading.find("posted"), std::string::npos) << shown.heading;
    EXPECT_EQ(shown.body, "Who reviews the on-call rota?");
    EXPECT_TRUE(has_line(shown.lines, "", "approved"));
    EXPECT_TRUE(has_line(shown.lines, "Bob", "Which rota?"));
    EXPECT_EQ(shown.reply.action, bot::action::reply);
    EXPECT_EQ(shown.reply.value, "1");
}

TEST_F(HomeInbox, TheHomeDocumentHoldsThePostAndTheRelayedReply) {
    post_approve_and_reply();

    const auto doc = document_of(alice);
    ASSERT_EQ(doc.posts.size(), 1U);
    EXPECT_EQ(doc.posts[0].post_id, post(1)->id);
    EXPECT_TRUE(has_line(doc.posts[0].lines, "Bob", "Which rota?"));
    auto keys = store_->homes().keys();
    ASSERT_TRUE(keys);
    EXPECT_EQ(keys->size(), 1U) << "one document per author, not one row per post";
}

TEST_F(HomeInbox, TheDatabaseHoldsNeitherTheAuthorsIdNorTheirDmChannel) {
    post_approve_and_reply();
    slash(alice, "#quick Why is staging down?");
    core_->on_home_opened(alice, "Ev-open");
    run_for(std::chrono::seconds(3));
    ASSERT_EQ(post(2)->state, bot::post_state::posted);

    const auto db = dir_.file("openfloor.db").string();
    for (const auto& [where, bytes] :
         {std::pair{"the database", read_file(db)}, std::pair{"the WAL", read_file(db + "-wal")},
          std::pair{"the debug log", log_}}) {
        for (const std::string marker : {"U0SECRETALICE", "D0SECRETDM", "Which rota?"}) {
            EXPECT_EQ(bytes.find(marker), std::string::npos) << marker << " found in " << where;
        }
    }
}

TEST_F(HomeInbox, ARejectionAndItsReasonShowOnTheAuthorsHome) {
    dm(alice, "#ops question: Is the rota fair?");
    deliver_due();
    click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    slash(moderator, "reject 1 please ask in #people instead");
    run_for(std::chrono::seconds(3));

    const auto homes = homes_of("U0SECRETALICE");
    ASSERT_FALSE(homes.empty());
    const auto& shown = homes.back().job.home.posts.at(0);
    EXPECT_NE(shown.heading.find("not approved"), std::string::npos) << shown.heading;
    EXPECT_TRUE(has_line(shown.lines, "", "please ask in #people instead"));
    EXPECT_TRUE(platform_.of_kind(bot::job_kind::direct_message).empty());
}

TEST_F(HomeInbox, ATeammatesAnonymousAnswerReachesTheAuthorsHomeUnderItsMadeUpName) {
    slash(alice, "#quick question: Does anyone test the backups?");
    run_for(std::chrono::seconds(2));
    ASSERT_EQ(post(1)->state, bot::post_state::posted);
    slash(bob, "reply 1 I restore one every Monday");
    run_for(std::chrono::seconds(3));

    const auto homes = homes_of("U0SECRETALICE");
    ASSERT_FALSE(homes.empty());
    const auto& lines = homes.back().job.home.posts.at(0).lines;
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0].text, "I restore one every Monday");
    EXPECT_NE(lines[0].name.find("Anonymous"), std::string::npos) << lines[0].name;
    EXPECT_TRUE(platform_.of_kind(bot::job_kind::direct_message).empty());
}

TEST_F(HomeInbox, OpeningTheHomeTabPublishesTheCurrentView) {
    core_->on_home_opened(alice, "Ev-o1");
    deliver_due();
    auto homes = homes_of("U0SECRETALICE");
    ASSERT_EQ(homes.size(), 1U);
    EXPECT_TRUE(homes[0].job.home.posts.empty());
    EXPECT_EQ(homes[0].job.home.intro, bot::texts("en").say(bot::text_id::home_empty));

    slash(alice, "#quick Why is staging down?");
    run_for(std::chrono::seconds(2));
    core_->on_home_opened(alice, "Ev-o2");
    core_->on_home_opened(alice, "Ev-o2"); // the same event again: once
    run_for(std::chrono::seconds(2));
    homes = homes_of("U0SECRETALICE");
    ASSERT_EQ(homes.back().job.home.posts.size(), 1U);
    EXPECT_NE(homes.back().job.home.posts[0].heading.find("#1 in #quick"), std::string::npos);
    EXPECT_EQ(homes.back().job.home.intro, bot::texts("en").say(bot::text_id::home_intro));
    EXPECT_EQ(homes.size(), 4U); // the empty view, confirmed, posted, opened (once)
}

TEST_F(HomeInbox, AViewRetriedLateShowsTheStateAtItsSendNotAtItsQueueing) {
    int refusals = 0;
    platform_.respond = [&](const bot::delivery_job& job) {
        if (job.kind == bot::job_kind::home_view && refusals++ == 0) {
            return answer(bot::delivery_result::status::rate_limited, "ratelimited",
                          std::chrono::seconds(5));
        }
        return bot::delivery_result{};
    };
    slash(alice, "#quick Why is staging down?"); // its first view (queued) meets a 429
    run_for(std::chrono::seconds(8));

    const auto homes = homes_of("U0SECRETALICE");
    ASSERT_FALSE(homes.empty());
    for (const auto& h : homes) {
        EXPECT_NE(h.job.home.posts.at(0).heading.find("posted"), std::string::npos);
    }
    EXPECT_EQ(refusals, 3); // one 429, then two views delivered
}

TEST_F(HomeInbox, RetentionRemovesOldPostsAndTheirRepliesFromTheHomeDocument) {
    post_approve_and_reply(); // #1, with Bob's reply
    clock_.advance(std::chrono::hours(24 * 89));
    slash(alice, "#quick a newer question");
    run_for(std::chrono::seconds(2));
    const auto ref = platform_.to("C0QUICK").at(0).ref;
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Bob", "Fresh answer", "Ev-h2"});
    run_for(std::chrono::seconds(2));
    ASSERT_EQ(document_of(alice).posts.size(), 2U);

    clock_.advance(std::chrono::hours(24 * 2)); // #1 is 91 days old, #2 two days
    core_->purge();
    auto doc = document_of(alice);
    ASSERT_EQ(doc.posts.size(), 1U);
    EXPECT_EQ(doc.posts[0].post_id, post(2)->id);
    EXPECT_TRUE(has_line(doc.posts[0].lines, "Bob", "Fresh answer"));

    clock_.advance(std::chrono::hours(24 * 91));
    core_->purge();
    auto keys = store_->homes().keys();
    ASSERT_TRUE(keys);
    EXPECT_TRUE(keys->empty()) << "an emptied document is removed";
}

TEST_F(HomeInbox, MattermostKeepsDirectMessagesWhateverTheSetting) {
    settings_.mattermost = config::mattermost_settings{};
    config::channel_settings mm;
    mm.key = "mm";
    mm.platform = bot::platform::mattermost;
    mm.channel_id = "mmchan00000000000000000000";
    settings_.channels.push_back(mm);
    const bot::actor carol{
        {bot::platform::mattermost, "chat.example.com", "carolid"}, "dmcarol", "dmcarol"};

    dm(carol, "#mm question: Who owns the wiki?");
    deliver_due(bot::platform::mattermost);
    click(carol, bot::action::confirm, last_draft_for("dmcarol"));
    run_for(std::chrono::seconds(2));
    const auto ref = platform_.to("mmchan00000000000000000000").at(0).ref;
    core_->on_thread_reply(
        {bot::platform::mattermost, "mmchan00000000000000000000", ref, "@bob", "I do", "Ev-m1"});
    run_for(std::chrono::seconds(2));

    const auto dms = platform_.to("dmcarol");
    ASSERT_EQ(dms.size(), 2U); // the preview, then the relayed reply
    EXPECT_EQ(dms[0].job.kind, bot::job_kind::direct_message);
    EXPECT_EQ(dms[1].job.body.kind, bot::message_kind::relay);
    EXPECT_TRUE(platform_.of_kind(bot::job_kind::ephemeral).empty());
    EXPECT_TRUE(platform_.of_kind(bot::job_kind::home_view).empty());
}

} // namespace
} // namespace openfloor::testing
