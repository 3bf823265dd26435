// After real Slack traffic: no trace of the author's id or DM channel in the database files, in
// the debug log, in /metrics, or in any request to Slack but those addressed back to the author.
#include "tests/slack_e2e/fixture.hpp"
#include "tests/support/e2e.hpp"

#include <iostream>

namespace openfloor::testing {
namespace {

class SlackAnonymity : public slack_e2e {
protected:
    // A call that goes back to `user` alone: a message into their DM (or to their id, which
    // Slack delivers as a DM), opening that DM, their App Home, an ephemeral only they see, or
    // the answer to their own click or command (the fake names its response_url after them).
    static bool addressed_to(const slack_call& call, const std::string& user,
                             const std::string& dm) {
        if (call.method == "/hooks/actions/" + user || call.method == "/hooks/commands/" + user) {
            return true;
        }
        if (!call.body.is_object()) {
            return false;
        }
        const auto field = [&](const char* key) {
            const auto it = call.body.find(key);
            return it != call.body.end() && it->is_string() ? it->get<std::string>() : "";
        };
        if (call.method == "conversations.open") {
            return field("users") == user;
        }
        if (call.method == "views.publish") {
            return field("user_id") == user;
        }
        if (call.method == "chat.postEphemeral") {
            return field("user") == user;
        }
        return field("channel") == dm || field("channel") == user;
    }
};

TEST_F(SlackAnonymity, NoFlowLeavesTheAuthorBehind) {
    boot(config::slack_mode::socket);
    event(slack_->dm_event(alice, alice_dm, "#eng mistake: totals", "EvX1"));
    ASSERT_TRUE(wait_for([&] { return !draft_in(alice_dm).empty(); }));
    click(alice, alice_dm, "openfloor_confirm", draft_in(alice_dm));
    command(alice, "C0ENG", "#ops question: rota?");
    event(slack_->dm_event(alice, alice_dm, "#quick question: staging?", "EvX2"));
    ASSERT_TRUE(wait_for([&] {
        return slack_->posts_to("C0ENG").size() == 1 && slack_->posts_to("C0QUICK").size() == 1;
    }));
    const std::string ts = channel_ts_of(1);
    ASSERT_FALSE(ts.empty());
    event(slack_->thread_reply_event(bob, "C0ENG", ts, "which tab?", "EvX3"));
    event(slack_->dm_event(alice, alice_dm, "reply 1 the summary", "EvX4", "1700000600.000100"));
    command(moderator, "C0MODS", "ban 3 1d");
    command(moderator, "C0MODS", "unban 3");
    ASSERT_TRUE(wait_for([&] {
        for (const auto& c : slack_->posts_to("C0ENG")) {
            if (c.body.contains("thread_ts")) {
                return true;
            }
        }
        return false;
    }));

    std::size_t to_alice = 0;
    for (const auto& call : slack_->calls) {
        const std::string sent = call.method + " " + call.body.dump();
        if (sent.find(alice) == std::string::npos && sent.find(alice_dm) == std::string::npos) {
            continue;
        }
        ++to_alice;
        EXPECT_TRUE(addressed_to(call, alice, alice_dm)) << "the author, sent elsewhere: " << sent;
    }
    EXPECT_GT(to_alice, 0U) << "the scan saw the author's own messages";
    const auto metrics = get("/metrics");
    EXPECT_EQ(metrics.status, 200U);
    for (const auto& secret : {alice, alice_dm, bob, moderator, std::string("C0ENG"),
                               std::string("totals"), slack_->bot_token}) {
        EXPECT_EQ(metrics.body.find(secret), std::string::npos) << secret << " in /metrics";
    }
    std::size_t scanned = 0;
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        scanned += bytes.size();
        EXPECT_EQ(bytes.find(alice), std::string::npos) << "author id in " << what;
        EXPECT_EQ(bytes.find(alice_dm), std::string::npos) << "DM channel in " << what;
    }
    // The figure SECURITY.md quotes.
    std::cout << "anonymity(slack): " << slack_->calls.size()
              << " requests to the platform scanned, " << to_alice
              << " carried the author and all went back to the author; " << scanned
              << " bytes of database, -wal, -shm and debug log and " << metrics.body.size()
              << " bytes of /metrics hold no author id or DM channel\n";
    EXPECT_FALSE(log_.empty());
}


TEST_F(SlackAnonymity, TheHomeInboxLeavesTheAuthorBehindNowhereEither) {
    boot(config::slack_mode::socket, nullptr,
         [](config::settings& s) { s.notices = config::notices_mode::home; });
    event(slack_->dm_event(alice, alice_dm, "#quick question: totals?", "EvY1"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
    command(alice, "C0ENG", "#quick question: rota?");
    const std::string ts = channel_ts_of(1);
    ASSERT_FALSE(ts.empty());
    event(slack_->thread_reply_event(bob, "C0QUICK", ts, "which tab?", "EvY2"));
    event(slack_->dm_event(alice, alice_dm, "reply 1 the summary", "EvY3", "1700000600.000100"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 2; }));
    command(moderator, "C0MODS", "delete 2 please ask in #people");
    event(slack_->home_opened_event(alice, "EvY4"));
    ASSERT_TRUE(wait_for([&] {
        const auto homes = slack_->homes_of(alice);
        return !homes.empty() && homes.back().body.dump().find("which tab?") != std::string::npos &&
               homes.back().body.dump().find("please ask in #people") != std::string::npos;
    }));

    std::size_t to_alice = 0;
    for (const auto& call : slack_->calls) {
        const std::string sent = call.method + " " + call.body.dump();
        if (sent.find(alice) == std::string::npos && sent.find(alice_dm) == std::string::npos) {
            continue;
        }
        ++to_alice;
        EXPECT_TRUE(addressed_to(call, alice, alice_dm)) << "the author, sent elsewhere: " << sent;
        EXPECT_NE(call.method, "chat.postMessage") << "a DM message in home mode: " << sent;
        EXPECT_NE(call.method, "conversations.open") << sent;
    }
    EXPECT_GT(to_alice, 0U) << "the scan saw the author's own views and ephemerals";
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        EXPECT_EQ(bytes.find(alice), std::string::npos) << "author id in " << what;
        EXPECT_EQ(bytes.find(alice_dm), std::string::npos) << "DM channel in " << what;
        EXPECT_EQ(bytes.find("which tab?"), std::string::npos) << "a relayed reply in " << what;
    }
}

} // namespace
} // namespace openfloor::testing
