// The bot the Slack and Mattermost targets feed: real settings, the real core over a real SQLite
// file, both adapters' inbound sides and HTTP endpoints on one io_context, and the outbox
// delivered through the real Web API and REST clients to a loopback sink (a real http_server on
// its own thread that answers like the platforms). No socket leaves 127.0.0.1.
#pragma once

#include "adapters/mattermost/action_signer.hpp"
#include "adapters/mattermost/delivery.hpp"
#include "adapters/mattermost/http_endpoints.hpp"
#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/rest_api.hpp"
#include "adapters/slack/delivery.hpp"
#include "adapters/slack/inbound.hpp"
#include "adapters/slack/web_api.hpp"
#include "adapters/transport/http_client.hpp"
#include "adapters/transport/http_server.hpp"
#include "bot/core.hpp"
#include "bot/identity.hpp"
#include "storage/sqlite_store.hpp"

#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace openfloor::fuzz {

namespace asio = transport::asio;

// The secrets the rig's platforms share with the bot, so targets can sign what they send.
inline constexpr std::string_view slack_signing_secret = "8f742231b10e8888abcd99yyyzzz85a5";
inline constexpr std::string_view mattermost_command_token = "xk4zn8e3gtd3mrqc6hrmg1p5ya";
// In corpus files, this word stands for the sink's base URL ("http://127.0.0.1:<port>"): a
// response_url the bot may call. Any other host is never called (see bot_rig::safe_url).
inline constexpr std::string_view sink_placeholder = "SINKURL";

// A clock the rig moves forward a little with every input, so drafts expire and rate windows
// slide as they would over a day of use.
class stepping_clock final : public bot::clock {
public:
    bot::time_point now() const override { return now_; }
    void advance(std::chrono::seconds d) { now_ += d; }

private:
    bot::time_point now_ = bot::time_point{} + std::chrono::hours(24 * 365 * 54);
};

class fixed_random final : public bot::random_source {
public:
    double unit() override { return 0.5; }
};

class bot_rig {
public:
    // One per process, built on first use. Every `renew_every` inputs the database and the core
    // start afresh, so state cannot grow without bound over millions of inputs.
    static bot_rig& instance();

    ~bot_rig();
    bot_rig(const bot_rig&) = delete;
    bot_rig& operator=(const bot_rig&) = delete;

    // Call at the start of every input: moves the clock, renews the store when due, and clears
    // the log's record of failures.
    void next_input();

    // Runs `task` and everything it spawned on the io_context to completion, then delivers up to
    // a few due outbox jobs per platform through the real delivery code. Checks afterwards that
    // no task died and no storage call failed (the log says so).
    void run(asio::awaitable<void> task);

    // `text` with every sink_placeholder replaced by the sink's base URL.
    std::string with_sink(std::string_view text) const;
    // Whether the bot may call `url`: empty, or on the sink.
    bool safe_url(std::string_view url) const;

    asio::io_context& io() { return ioc_; }
    // An executor nothing runs: tasks spawned on it (calls to URLs that are not the sink's) are
    // dropped unrun when the next input starts.
    asio::any_io_executor parked() { return parked_->get_executor(); }

    const config::settings& settings() const { return settings_; }
    bot::core& core();
    const bot::identity& identity() const { return identity_; }
    slack::inbound& slack_inbound();
    mattermost::inbound& mattermost_inbound();
    const mattermost::action_signer& signer() const { return signer_; }

private:
    bot_rig();
    struct sink;  // the loopback platform
    struct parts; // what is renewed with the database
    void renew();
    asio::awaitable<void> deliver_due();

    std::filesystem::path dir_;
    std::unique_ptr<sink> sink_;
    config::settings settings_;
    bot::identity identity_;
    stepping_clock clock_;
    fixed_random random_;
    asio::io_context ioc_{1};
    std::unique_ptr<asio::io_context> parked_ = std::make_unique<asio::io_context>(1);
    transport::http_client http_;
    mattermost::action_signer signer_;
    mattermost::render_context render_;
    std::unique_ptr<parts> parts_;
    long inputs_ = 0;
};

} // namespace openfloor::fuzz
