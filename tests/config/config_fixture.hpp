// Shared by the config tests: a temp dir to write config files into, a fake environment, and
// the problems of a load rendered the way `openfloor check` prints them.
#pragma once

#include "config/loader.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace openfloor::testing {

class ConfigTest : public ::testing::Test {
protected:
    using variables = std::map<std::string, std::string, std::less<>>;

    // The fake environment; tests add and erase variables.
    variables& vars() { return vars_; }
    const temp_dir& dir() const { return dir_; }

    config::env_lookup env() const {
        return [this](std::string_view name) -> std::optional<std::string> {
            const auto it = vars_.find(name);
            return it == vars_.end() ? std::nullopt : std::optional(it->second);
        };
    }

    std::string write(const std::string& text, const std::string& name = "openfloor.jsonc") {
        std::string path = dir_.file(name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    config::loaded load(const std::string& text) { return config::load_file(write(text), env()); }

    // "FILE:LINE: path: message" with FILE shortened to "f".
    static std::vector<std::string> printed(const config::loaded& result) {
        std::vector<std::string> out;
        for (config::problem p : result.problems) {
            p.file = "f";
            out.push_back(config::format(p));
        }
        return out;
    }

private:
    // 40 bytes: over the 32 the identity secret needs.
    variables vars_{
        {"OPENFLOOR_SECRET", "0123456789abcdef0123456789abcdef01234567"},
        {"SLACK_BOT_TOKEN", "xoxb-test"},
        {"SLACK_APP_TOKEN", "xapp-test"},
        {"SLACK_SIGNING_SECRET", "signing-test"},
        {"MATTERMOST_BOT_TOKEN", "mm-bot-test"},
        {"MATTERMOST_COMMAND_TOKEN", "mm-command-test"},
    };
    temp_dir dir_;
};

// The smallest config that loads: a secret, one platform, one channel.
inline const std::string minimal_config = R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "${SLACK_BOT_TOKEN}", "app_token": "${SLACK_APP_TOKEN}" },
  "channels": [ { "key": "eng", "platform": "slack", "channel_id": "C1" } ]
})";

} // namespace openfloor::testing
