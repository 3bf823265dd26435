// End-to-end Slack tests: the whole bot (bot_app) and a fake Slack on one io_context, talking
// over real sockets on 127.0.0.1, with a real SQLite file and every log line captured.
#pragma once

#include "adapters/transport/http_client.hpp"
#include "app/bot_app.hpp"
#include "tests/fakes/fake_slack.hpp"
#include "tests/support/metrics_text.hpp"
#include "tests/support/run_until.hpp"
#include "tests/support/shifted_clock.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace openfloor::testing {

// Tests that run in Socket Mode and in HTTP mode alike:
// INSTANTIATE_TEST_SUITE_P(BothModes, Suite, both_slack_modes(), slack_mode_name).
inline auto both_slack_modes() {
    return ::testing::Values(config::slack_mode::socket, config::slack_mode::http);
}
inline std::string slack_mode_name(const ::testing::TestParamInfo<config::slack_mode>& info) {
    return info.param == config::slack_mode::socket ? "SocketMode" : "HttpMode";
}

class slack_e2e : public ::testing::Test {
protected:
    slack_e2e();
    ~slack_e2e() override;

    // Builds fake Slack and the bot in `mode`, starts the bot, waits until it is ready.
    // `adjust` may change the settings (built for the fake) before the bot is made.
    void boot(config::slack_mode mode, asio::ssl::context* tls = nullptr,
              const std::function<void(config::settings&)>& adjust = nullptr);
    bool wait_for(std::function<bool()> condition,
                  std::chrono::milliseconds deadline = std::chrono::seconds(10));
    // Stops the bot and starts a new one on the same database, settings and fake Slack, as a
    // restart of the process would.
    void restart_bot();

    // HTTP mode: a request signed like Slack's (now, or at `timestamp`), sent to the bot.
    transport::client_response post_signed(const std::string& path, const std::string& body,
                                           const std::string& content_type,
                                           std::optional<long long> timestamp = std::nullopt,
                                           transport::header_list extra = {});
    transport::client_response send(transport::client_request req);
    transport::client_response get(const std::string& path); // GET on the bot's server
    // GET /metrics: answered 200 in the text format, every line well formed (else the test fails).
    scraped_metrics scrape();
    // Form-encodes key/values the way Slack does (application/x-www-form-urlencoded).
    static std::string form(const std::vector<std::pair<std::string, std::string>>& fields);

    // One event/command/click, whichever the mode: an envelope or a signed POST.
    void event(const nlohmann::json& callback);
    nlohmann::json command(const std::string& user, const std::string& channel,
                           const std::string& text); // the immediate answer
    void click(const std::string& user, const std::string& channel, const std::string& action_id,
               const std::string& value);

    // A channel post's Reply anonymously or Flag button clicked by `user`: the modal the bot
    // opened for it, or nullopt when the bot answered through the click's response_url instead
    // (a refusal, or a modal Slack would not open).
    std::optional<opened_view> open_form(const std::string& user, const std::string& channel,
                                         const std::string& action_id, const std::string& value);
    // What the bot answered a view_submission: HTTP status and body, or the socket ack's payload
    // (status 200; body null for a bare ack).
    struct view_answer {
        unsigned status = 0;
        nlohmann::json body;
    };
    view_answer submit(const nlohmann::json& view_submission);
    view_answer submit_view(const std::string& user, const opened_view& v,
                            const std::map<std::string, std::string>& inputs) {
        return submit(slack_->view_submission(user, v, inputs));
    }
    // The ephemeral answers sent to `user`'s clicks through their response_url, oldest first.
    std::vector<std::string> click_answers(const std::string& user) const;

    // The Slack ts of post #n's channel message, once the bot has posted it ("" on timeout).
    std::string channel_ts_of(bot::post_number n);
    // The value of the openfloor_confirm button in the last preview sent to `channel`.
    std::string draft_in(const std::string& channel) const;
    std::string all_text(const nlohmann::json& body) const; // text + every block's text

    asio::io_context ioc_{1};
    temp_dir dir_;
    config::settings settings_;
    std::unique_ptr<asio::ssl::context> server_tls_; // the fake's certificate, when it serves TLS
    std::unique_ptr<fake_slack> slack_;
    shifted_clock clock_; // the bot's time: the system's until a test moves it
    std::unique_ptr<app::bot_app> bot_;
    std::unique_ptr<transport::http_client> client_;
    config::slack_mode mode_ = config::slack_mode::socket;
    std::string log_;
    bool started_ = false;
    bool start_ok_ = false;

    const std::string alice = "U0SECRETALICE";
    const std::string alice_dm = "D0SECRETDM";
    const std::string bob = "U0BOB";
    const std::string moderator = "U0MODERATOR";
    const std::string signing_secret = "8f742231b10e8888abcd99yyyzzz85a5";
};

} // namespace openfloor::testing
