// apply_reload: what SIGHUP takes over from a new config, and what it only names.
#include "config/reload.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace openfloor::config {
namespace {

settings base() {
    settings s;
    s.identity.key = secret("0123456789abcdef0123456789abcdef");
    s.mattermost = mattermost_settings{"https://mm.example.com", secret("t"), secret("c")};
    channel_settings eng;
    eng.key = "eng";
    eng.channel_id = "C1";
    s.channels = {eng};
    return s;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(Reload, ChannelsLimitsAndWordsApplyInPlace) {
    settings live = base();
    settings fresh = base();
    channel_settings ops;
    ops.key = "ops";
    ops.channel_id = "C2";
    fresh.channels.push_back(ops);
    fresh.limits.posts_per_hour = 2;
    fresh.moderation.blocked_words = {"rude"};
    fresh.outbound.channel_interval = std::chrono::milliseconds(0);
    fresh.channels[0].digest = true;
    fresh.digest.day = std::chrono::Tuesday;
    const auto* address = &live;
    const auto report = apply_reload(live, fresh);
    EXPECT_EQ(&live, address);
    ASSERT_EQ(live.channels.size(), 2U);
    EXPECT_EQ(live.channels[1].key, "ops");
    EXPECT_EQ(live.limits.posts_per_hour, 2);
    EXPECT_EQ(live.moderation.blocked_words, std::vector<std::string>{"rude"});
    EXPECT_EQ(live.outbound.channel_interval, std::chrono::milliseconds(0));
    EXPECT_TRUE(live.channels[0].digest);
    EXPECT_EQ(live.digest.day, std::chrono::Tuesday);
    EXPECT_TRUE(has(report.applied, "channels"));
    EXPECT_TRUE(has(report.applied, "digest"));
    EXPECT_TRUE(report.need_restart.empty());
}

TEST(Reload, SocketsKeysAndTheDatabaseWaitForARestart) {
    settings live = base();
    settings fresh = base();
    fresh.server.listen = "0.0.0.0:9999";
    fresh.identity.key = secret("another-secret-0123456789abcdef-xyz");
    fresh.mattermost->bot_token = secret("new-token");
    fresh.storage.path = "elsewhere.db";
    fresh.locale = "sv";
    const auto report = apply_reload(live, fresh);
    EXPECT_EQ(live.server.listen, "127.0.0.1:8080");
    EXPECT_EQ(live.identity.key.reveal(), "0123456789abcdef0123456789abcdef");
    EXPECT_EQ(live.mattermost->bot_token.reveal(), "t");
    EXPECT_EQ(live.storage.path, "openfloor.db");
    EXPECT_EQ(live.locale, "en");
    for (const char* section : {"server", "identity", "mattermost", "storage.path", "locale"}) {
        EXPECT_TRUE(has(report.need_restart, section)) << section;
    }
    EXPECT_FALSE(has(report.need_restart, "slack"));
}

} // namespace
} // namespace openfloor::config
