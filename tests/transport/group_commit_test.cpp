// The commit barrier on a real io_context and a real SQLite file: requests handled together share
// one commit, nobody resumes before the commit holding their writes has returned, a failing
// request sinks only itself, and the outbox sends nothing a crash could still take back.
#include "adapters/transport/group_commit.hpp"
#include "adapters/transport/outbox_pump.hpp"
#include "bot/environment.hpp"
#include "bot/identity.hpp"
#include "storage/sqlite_store.hpp"
#include "tests/support/run_until.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_channels.hpp"

#include <SQLiteCpp/Database.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace openfloor::testing {
namespace {

namespace asio = transport::asio;
using namespace std::chrono_literals;

bot::post_record post_numbered(bot::post_number n) {
    bot::post_record p;
    p.workspace = "T1";
    p.number = n;
    p.channel_key = "eng";
    p.channel_id = "C0ENG";
    p.category = "question";
    p.text = "Is the release on Friday?";
    p.author_seal = {0x01};
    p.created_at = bot::time_point(std::chrono::milliseconds(1'700'000'000'000));
    return p;
}

struct sent {
    std::int64_t job = 0;
    bool row_on_disk = false;
};

// The platform's part: notes whether the job's outbox row was already in the file (as another
// connection, or this one after a crash, would read it) when the job reached the platform.
asio::awaitable<bot::delivery_result> record_send(std::vector<sent>& performed, std::string db_path,
                                                  bot::delivery_job job) {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    SQLite::Statement select(db, "SELECT COUNT(*) FROM outbox WHERE id = ?");
    select.bind(1, job.id);
    select.executeStep();
    performed.push_back({job.id, select.getColumn(0).getInt() == 1});
    bot::delivery_result ok;
    ok.message_ref = "1700000000." + std::to_string(job.id);
    co_return ok;
}

class GroupCommit : public ::testing::Test {
protected:
    // Whether a second connection (the file as a restart would find it) holds post `n`.
    bool on_disk(bot::post_number n) const {
        SQLite::Database db(path_, SQLite::OPEN_READONLY);
        SQLite::Statement select(db, "SELECT COUNT(*) FROM posts WHERE number = ?");
        select.bind(1, n);
        select.executeStep();
        return select.getColumn(0).getInt() == 1;
    }

    // One request's work: a unit that writes post `n` (or fails half way), then the wait.
    struct request {
        bool written = false;
        bool done = false;
        bool kept = false;
        bool on_disk_when_resumed = false;
    };
    asio::awaitable<void> handle(bot::post_number n, bool fail, request& r) {
        {
            auto tx = store_.begin();
            EXPECT_TRUE(tx.has_value());
            EXPECT_TRUE(store_.posts().insert(post_numbered(n)));
            if (fail) {
                EXPECT_FALSE(store_.posts().insert(post_numbered(n))); // a duplicate
            } else {
                r.written = (*tx)->commit().has_value();
            }
        }
        const auto kept = co_await commits_.durable();
        r.kept = kept.has_value();
        r.on_disk_when_resumed = on_disk(n);
        r.done = true;
    }

    temp_dir dir_;
    std::string path_ = dir_.file("openfloor.db").string();
    asio::io_context ioc_{1};
    storage::sqlite_store store_{path_};
    transport::group_commit commits_{ioc_.get_executor(), store_};
};

TEST_F(GroupCommit, RequestsHandledTogetherShareOneCommit) {
    constexpr int requests = 20;
    std::vector<request> r(requests);
    const auto before = store_.commits();
    for (int i = 0; i < requests; ++i) {
        asio::co_spawn(ioc_, handle(i + 1, false, r[static_cast<std::size_t>(i)]), asio::detached);
    }
    ASSERT_TRUE(run_until(
        ioc_,
        [&] { return std::all_of(r.begin(), r.end(), [](const request& q) { return q.done; }); },
        10s));
    EXPECT_EQ(commits_.flushes(), 1U);
    EXPECT_LT(store_.commits() - before, static_cast<std::uint64_t>(requests));
    for (const auto& q : r) {
        EXPECT_TRUE(q.written);
        EXPECT_TRUE(q.kept);
        EXPECT_TRUE(q.on_disk_when_resumed); // resumed only after the commit had returned
    }
}

TEST_F(GroupCommit, AFailingRequestRollsBackOnlyItself) {
    std::vector<request> r(3);
    asio::co_spawn(ioc_, handle(1, false, r[0]), asio::detached);
    asio::co_spawn(ioc_, handle(2, true, r[1]), asio::detached);
    asio::co_spawn(ioc_, handle(3, false, r[2]), asio::detached);
    ASSERT_TRUE(run_until(
        ioc_, [&] { return r[0].done && r[1].done && r[2].done; }, 10s));
    EXPECT_EQ(commits_.flushes(), 1U);
    EXPECT_TRUE(r[0].on_disk_when_resumed);
    EXPECT_FALSE(r[1].written);
    EXPECT_FALSE(on_disk(2));
    EXPECT_TRUE(r[2].on_disk_when_resumed);
}

TEST_F(GroupCommit, RequestsAfterAFlushWaitForTheNextOne) {
    request first;
    asio::co_spawn(ioc_, handle(1, false, first), asio::detached);
    ASSERT_TRUE(run_until(
        ioc_, [&] { return first.done; }, 10s));
    request second;
    asio::co_spawn(ioc_, handle(2, false, second), asio::detached);
    ASSERT_TRUE(run_until(
        ioc_, [&] { return second.done; }, 10s));
    EXPECT_EQ(commits_.flushes(), 2U);
    EXPECT_TRUE(second.on_disk_when_resumed);
}

TEST_F(GroupCommit, WaitsForNothingWhenNothingIsPending) {
    bool done = false;
    asio::co_spawn(
        ioc_,
        [](transport::group_commit& c, bool& d) -> asio::awaitable<void> {
            const auto kept = co_await c.durable();
            EXPECT_TRUE(kept.has_value());
            d = true;
        }(commits_, done),
        asio::detached);
    ASSERT_TRUE(run_until(
        ioc_, [&] { return done; }, 10s));
    EXPECT_EQ(commits_.flushes(), 0U);
}

TEST_F(GroupCommit, EveryWaiterLearnsThatItsGroupWasNotKept) {
    { // A foreign key checked only at COMMIT: the group's COMMIT fails.
        SQLite::Database db(path_, SQLite::OPEN_READWRITE);
        db.exec("CREATE TABLE nowhere (id INTEGER PRIMARY KEY)");
        db.exec("CREATE TABLE poison (ref INTEGER REFERENCES nowhere (id) "
                "DEFERRABLE INITIALLY DEFERRED)");
        db.exec("CREATE TRIGGER poison_posts AFTER INSERT ON posts WHEN NEW.number = 2 "
                "BEGIN INSERT INTO poison VALUES (1); END");
    }
    std::vector<request> r(3);
    for (int i = 0; i < 3; ++i) {
        asio::co_spawn(ioc_, handle(i + 1, false, r[static_cast<std::size_t>(i)]), asio::detached);
    }
    ASSERT_TRUE(run_until(
        ioc_, [&] { return r[0].done && r[1].done && r[2].done; }, 10s));
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(r[static_cast<std::size_t>(i)].written);
        EXPECT_FALSE(r[static_cast<std::size_t>(i)].kept);
        EXPECT_FALSE(on_disk(i + 1));
    }
}

// The outbox hands out a job queued by a request whose group is still open only after the
// group's commit: the platform never gets what a crash could still take back.
TEST_F(GroupCommit, TheOutboxSendsOnlyWhatIsOnDisk) {
    config::settings settings;
    add_test_channels(settings, "U0MOD");
    settings.identity.key = config::secret("group-commit-test-secret-0123456789abcdef");
    settings.outbound.channel_interval = 0ms;
    bot::identity id(settings.identity.key);
    bot::system_clock clock;
    bot::system_random random;
    bot::core core(settings, store_, id, clock, random);

    std::vector<sent> performed;
    transport::outbox_pump pump(
        ioc_.get_executor(), core, commits_, bot::platform::slack,
        [&performed, this](bot::delivery_job job) {
            return record_send(performed, path_, std::move(job));
        },
        1);
    pump.start();
    for (int i = 0; i < 5; ++i) {
        bot::actor who;
        who.user.where = bot::platform::slack;
        who.user.workspace = "T1";
        who.user.user_id = "U0AUTHOR" + std::to_string(i);
        who.route = "D0AUTHOR" + std::to_string(i);
        who.channel_id = who.route;
        const auto r = core.on_text(who, "#quick question: number " + std::to_string(i),
                                    bot::surface::direct_message, "Ev" + std::to_string(i));
        ASSERT_EQ(r.messages.size(), 0U); // answered through the outbox
        pump.poke();
    }
    // Each DM queues its channel post and the author's notice.
    ASSERT_TRUE(run_until(
        ioc_, [&] { return performed.size() == 10; }, 10s));
    for (const auto& s : performed) {
        EXPECT_TRUE(s.row_on_disk) << "job " << s.job << " was sent before its commit";
    }
    EXPECT_LT(commits_.flushes(), 10U);
    pump.stop();
    ASSERT_TRUE(run_until(
        ioc_, [&] { return pump.in_flight() == 0 && !store_.pending(); }, 10s));
}

} // namespace
} // namespace openfloor::testing
