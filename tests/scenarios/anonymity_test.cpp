// The anonymity promise of product.md §5: after every flow, the database file, its WAL and
// shared-memory files, and everything logged at debug level hold none of the author's markers.
#include "tests/scenarios/harness.hpp"

namespace openfloor::testing {
namespace {

class Anonymity : public scenario {
protected:
    void expect_no_markers(const std::string& bytes, const std::string& where) {
        for (const std::string marker : {"U0SECRETALICE", "alice.secret", "D0SECRETDM"}) {
            EXPECT_EQ(bytes.find(marker), std::string::npos) << marker << " found in " << where;
        }
    }
    void expect_clean_files() {
        const auto db = dir_.file("openfloor.db").string();
        expect_no_markers(read_file(db), "the database");
        expect_no_markers(read_file(db + "-wal"), "the WAL");
        expect_no_markers(read_file(db + "-shm"), "the shm file");
        expect_no_markers(log_, "the debug log");
    }
};

TEST_F(Anonymity, NoFlowLeavesTheAuthorsIdNameOrDmChannelBehind) {
    // Every flow, with alice as author.
    dm(alice, "#eng mistake: The Q3 totals are off");
    deliver_due();
    click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    dm(alice, "#ops question: Who reviews the on-call rota?");
    deliver_due();
    click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    slash(alice, "#quick Why is staging down?");
    dm(alice, "#eng mistake: draft left waiting");
    run_for(std::chrono::seconds(5));
    click(moderator, bot::action::approve, "2");
    run_for(std::chrono::seconds(3));
    const auto ref = platform_.to("C0ENG").at(0).ref;
    // alice.secret replies in her own thread under her name (a teammate's view of her).
    core_->on_thread_reply({bot::platform::slack, "C0ENG", ref, "alice.secret", "self", "Ev-a1"});
    core_->on_thread_reply({bot::platform::slack, "C0ENG", ref, "Bob", "Which tab?", "Ev-a2"});
    run_for(std::chrono::seconds(3));
    core_->on_relay_answer(alice, platform_.to("D0SECRETDM").back().ref, "The summary tab", "Ev-a3");
    dm(alice, "reply 1 And the totals row");
    slash(moderator, "ban 3 7d");
    slash(alice, "#quick refused while banned");
    slash(moderator, "unban 3");
    slash(alice, "delete 3");
    slash(moderator, "stats");
    run_for(std::chrono::seconds(5));
    ASSERT_EQ(platform_.of_kind(bot::job_kind::thread_post).size(), 2U);
    ASSERT_EQ(post(3)->state, bot::post_state::deleted);

    expect_clean_files();
    // And once more after the connection is closed and the WAL checkpointed into the file.
    core_.reset();
    store_.reset();
    expect_clean_files();
}

TEST_F(Anonymity, PostsOfOneAuthorCannotBeLinkedThroughTheDatabase) {
    slash(alice, "#quick first");
    slash(alice, "#quick second");
    auto one = post(1);
    auto two = post(2);
    ASSERT_TRUE(one && two);
    EXPECT_NE(one->author_seal, two->author_seal) << "each seal has its own nonce";
    // Only the secret opens them, and both lead to the same author.
    const auto pseudonym = identity_->pseudonym_of(alice.user).hex();
    EXPECT_EQ(identity_->open(one->author_seal, bot::seal_purpose::author), pseudonym);
    EXPECT_EQ(identity_->open(two->author_seal, bot::seal_purpose::author), pseudonym);
}

} // namespace
} // namespace openfloor::testing

#include <SQLiteCpp/Database.h>

namespace openfloor::testing {
namespace {

TEST_F(Anonymity, AnAuthorsFirstSeenIsADayNotThePostsTime) {
    clock_.advance(std::chrono::hours(5) + std::chrono::minutes(7));
    slash(alice, "#quick timing");
    SQLite::Database db(dir_.file("openfloor.db").string(), SQLite::OPEN_READONLY);
    const auto first_seen = db.execAndGet("SELECT first_seen FROM authors").getInt64();
    EXPECT_EQ(first_seen % (24LL * 3600 * 1000), 0) << "rounded to the day";
    const auto created = db.execAndGet("SELECT created_at FROM posts").getInt64();
    EXPECT_NE(first_seen, created);
}

} // namespace
} // namespace openfloor::testing
