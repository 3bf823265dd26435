// The fixture of the process tests: a fake Slack (HTTP mode) on the test's io_context, a config
// file pointing the real binary at it, the binary started and restarted on the same database,
// and signed DM events sent to it.
#pragma once

#include "adapters/transport/http_client.hpp"
#include "tests/fakes/fake_slack.hpp"
#include "tests/process/bot_process.hpp"
#include "tests/support/run_until.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace openfloor::testing {

class process_fixture : public ::testing::Test {
protected:
    ~process_fixture() override;

    // The config file: #eng always (no preview), #ops only when `with_ops`. A `digest` block
    // (JSON) turns the weekly digest on for #eng.
    void write_config(bool with_ops, int timeout_ms = 2000, const std::string& digest = {});
    // Starts the binary on that config and waits for its port.
    void start();
    // Runs the fake while reading the bot's output, until `condition` or the deadline.
    bool wait(const std::function<bool()>& condition,
              std::chrono::milliseconds deadline = std::chrono::seconds(15));
    // A DM event from one author, signed as Slack signs it; the HTTP status of the answer.
    unsigned dm(const std::string& text, const std::string& event_id);
    // /openfloor `text` from `user`, signed as Slack signs it, sent without waiting: the answer
    // lands in `out` (none if the connection died first), then `done` is set.
    void command_async(const std::string& user, const std::string& text,
                       std::optional<transport::client_response>& out, bool& done);
    static int count(const std::string& haystack, const std::string& needle);
    // Whether the last post the bot logged as confirmed is on disk: a group commit has returned
    // since (groups commit in order, so it held that post and every one before it).
    bool confirmations_on_disk() const;

    asio::io_context ioc_{1};
    temp_dir dir_;
    fake_slack slack_{ioc_};
    config::outbound_settings outbound_;
    transport::http_client client_{ioc_, outbound_};
    std::string config_path_ = dir_.file("openfloor.jsonc").string();
    std::unique_ptr<bot_process> bot_;
    unsigned short port_ = 0;
};

} // namespace openfloor::testing
