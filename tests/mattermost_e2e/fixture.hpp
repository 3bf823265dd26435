// End-to-end Mattermost tests: the whole bot (bot_app) and a fake Mattermost on one io_context,
// talking over real sockets on 127.0.0.1 (REST, websocket, and the bot's own HTTP endpoints),
// with a real SQLite file and every log line captured.
#pragma once

#include "adapters/transport/http_client.hpp"
#include "app/bot_app.hpp"
#include "tests/fakes/fake_mattermost.hpp"
#include "tests/support/metrics_text.hpp"
#include "tests/support/run_until.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

namespace openfloor::testing {

class mattermost_e2e : public ::testing::Test {
protected:
    mattermost_e2e();
    ~mattermost_e2e() override;

    // Builds the fake Mattermost and the bot, starts the bot, waits until its websocket is up.
    // `adjust` may change the settings (built for the fake) before the bot is made.
    void boot(const std::function<void(config::settings&)>& adjust = nullptr,
              asio::ssl::context* tls = nullptr);
    // Builds and starts the bot only (the fake exists): false when start() failed.
    bool start_bot();
    bool wait_for(std::function<bool()> condition,
                  std::chrono::milliseconds deadline = std::chrono::seconds(10));

    transport::client_response send(transport::client_request req);
    transport::client_response get(const std::string& path); // GET on the bot's server
    // GET /metrics: answered 200 in the text format, every line well formed (else the test fails).
    scraped_metrics scrape();
    // POST /mattermost/commands as Mattermost sends it (§B4), with `token` in the header and
    // the form; the parsed JSON answer is in `answer` when there is one.
    transport::client_response command(const std::string& user_id, const std::string& user_name,
                                       const std::string& channel_id, const std::string& text,
                                       const std::string& token = {});
    nlohmann::json command_answer(const std::string& user_id, const std::string& channel_id,
                                  const std::string& text);
    // Clicks the button `action` ("openfloor_confirm") of `post_id` as `user_id`, the way
    // Mattermost would (POST to its integration URL's path, §B5), and applies the answer to the
    // fake's post. Returns the HTTP answer.
    transport::client_response click(const std::string& post_id, const std::string& action,
                                     const std::string& user_id);
    transport::client_response post_action(const nlohmann::json& body);

    // Interactive dialogs (§B5's buttons opening a form). click_for_dialog clicks `action` on
    // `post_id` as `user_id` and waits for the dialog the bot opens on that click's trigger: its
    // index in the fake's `dialogs`, or npos when the click opened none (the click's answer, its
    // ephemeral_text, is then in `*click_answer` when given).
    std::size_t click_for_dialog(const std::string& post_id, const std::string& action,
                                 const std::string& user_id, std::string* click_answer = nullptr);
    // Submits dialog `index` with `submission` as the server does (POST to the dialog's url
    // path on the bot) and applies the answer to the fake's dialog. Returns the HTTP answer.
    transport::client_response submit_dialog(std::size_t index, const nlohmann::json& submission);
    transport::client_response post_dialog(const std::string& body);
    // Click Reply anonymously (Flag) and submit the dialog; the submission's HTTP answer.
    transport::client_response answer_by_dialog(const std::string& post_id,
                                                const std::string& user_id,
                                                const std::string& text);
    transport::client_response flag_by_dialog(const std::string& post_id,
                                              const std::string& user_id,
                                              const std::string& reason);
    // The newest ephemeral post to `user_id` whose message contains `needle`, once there.
    bool wait_for_ephemeral(const std::string& user_id, const std::string& needle);

    // The DM channel of a user with the bot, once it exists ("" on timeout).
    std::string dm_of(const std::string& user_id);
    // The newest post the bot wrote into `channel_id` whose message contains `needle`.
    std::optional<nlohmann::json> bot_post_in(const std::string& channel_id,
                                              const std::string& needle) const;
    bool wait_for_post(const std::string& channel_id, const std::string& needle);
    // Posts by the bot into a channel (the fake's current state).
    std::size_t bot_posts_in(const std::string& channel_id) const;
    // The Mattermost post id of post #n's channel message, once posted ("" on timeout).
    std::string post_id_of(bot::post_number n);

    asio::io_context ioc_{1};
    temp_dir dir_;
    config::settings settings_;
    std::unique_ptr<asio::ssl::context> server_tls_;
    std::unique_ptr<fake_mattermost> mm_;
    std::unique_ptr<app::bot_app> bot_;
    std::unique_ptr<transport::http_client> client_;
    std::string log_;

    // Channel ids are 26 characters of Mattermost's alphabet, like the real ones.
    const std::string eng = "e9gq7w3kxpdf8cbfjw1tz6ag5h";
    const std::string ops = "o3kx8mh1q5tryw7dz4nbc2fjae";
    const std::string quick = "q8d1wzk3m6hyr4txpf9cgn2bae";
    const std::string mods = "m4sd7hq2k8xyw3zbr5tgfn1pce";
    const std::string town_square = "fd8kzq1mjbn3zgsk4ydw6cam3e";
    std::string alice;        // §C5's alice
    std::string bob;          // answers in threads
    std::string moderator;    // listed in moderation.moderators
    const std::string public_url = "https://openfloor.example.com";
};

} // namespace openfloor::testing
