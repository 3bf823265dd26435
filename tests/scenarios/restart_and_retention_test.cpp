// State that must outlive the process (drafts, the queue, the outbox), and state that must not
// outlive storage.retention_days (texts and the way back to authors).
#include "tests/scenarios/harness.hpp"

namespace openfloor::testing {
namespace {

using bot::job_kind;

class RestartAndRetention : public scenario {};

TEST_F(RestartAndRetention, ARestartKeepsDraftsTheQueueAndTheOutbox) {
    dm(alice, "#eng mistake: draft across a restart");
    deliver_due();
    const std::string draft = last_draft_for("D0SECRETDM");
    dm(bob, "#ops question: queued across a restart");
    deliver_due();
    click(bob, bot::action::confirm, last_draft_for("D0BOBDM"));
    // A confirmed post whose delivery is still pending when the process goes away.
    platform_.respond = [](const bot::delivery_job&) {
        return answer(bot::delivery_result::status::retry, "down");
    };
    slash(alice, "#quick pending across a restart");
    deliver_due();
    EXPECT_TRUE(platform_.to("C0QUICK").empty());

    restart();
    platform_.respond = nullptr;

    click(alice, bot::action::confirm, draft);
    click(moderator, bot::action::approve, "1");
    run_for(std::chrono::seconds(10));
    EXPECT_EQ(platform_.to("C0QUICK").size(), 1U) << "the outbox survived";
    EXPECT_EQ(platform_.to("C0OPS").size(), 1U) << "the queue survived";
    EXPECT_EQ(platform_.to("C0ENG").size(), 1U) << "the draft survived";
    auto depth = store_->outbox().depth();
    ASSERT_TRUE(depth);
    EXPECT_EQ(*depth, 0);
}

TEST_F(RestartAndRetention, RetentionDropsTextsAndRoutesButKeepsNumbersAndAudit) {
    slash(alice, "#quick an old question");
    deliver_due();
    const auto ref = platform_.to("C0QUICK").at(0).ref;
    slash(moderator, "ban 1 1d");
    dm(alice, "#eng mistake: an abandoned draft");

    clock_.advance(std::chrono::hours(24 * 91));
    core_->purge();
    // Gone from the file and from the write-ahead log too, while the bot keeps running.
    const auto db = dir_.file("openfloor.db").string();
    EXPECT_EQ(read_file(db).find("an old question"), std::string::npos);
    EXPECT_EQ(read_file(db + "-wal").find("an old question"), std::string::npos);

    auto old = post(1);
    ASSERT_TRUE(old);
    EXPECT_FALSE(old->text.has_value());
    EXPECT_EQ(old->number, 1);
    auto route = store_->routes().find(old->id);
    ASSERT_TRUE(route);
    EXPECT_FALSE(route->has_value());
    auto audit = store_->audit().since(bot::time_point{});
    ASSERT_TRUE(audit);
    EXPECT_EQ(audit->size(), 1U);
    auto drafts = store_->drafts().find_by_author(identity_->pseudonym_of(alice.user));
    ASSERT_TRUE(drafts);
    EXPECT_TRUE(drafts->empty());

    // Past retention, replies cannot find their way back to the author.
    deliver_due();
    const auto before = platform_.sent.size();
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Bob", "late", "Ev-late"});
    deliver_due();
    EXPECT_EQ(platform_.sent.size(), before);

    slash(alice, "#quick numbering goes on");
    EXPECT_TRUE(post(2));
}

} // namespace
} // namespace openfloor::testing
