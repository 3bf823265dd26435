// process_fixture: the config file, the child process and signed events.
#include "tests/process/process_fixture.hpp"

#include "adapters/slack/signature.hpp"
#include "tests/support/binary_under_test.hpp"
#include "tests/support/e2e.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <fstream>
#include <iostream>

namespace openfloor::testing {
namespace {

constexpr const char* signing_secret = "process-test-signing-secret";

} // namespace

process_fixture::~process_fixture() {
    if (HasFailure() && bot_) {
        bot_->pump();
        std::cerr << "---- the bot's output ----\n" << bot_->output();
    }
}

void process_fixture::write_config(bool with_ops, int timeout_ms, const std::string& digest) {
    std::ofstream out(config_path_, std::ios::trunc);
    out << R"({
  "server": { "listen": "127.0.0.1:0" },
  "storage": { "path": ")"
        << dir_.file("openfloor.db").string() << R"(" },
  "identity": { "secret": "process-test-secret-0123456789abcdef" },
  "outbound": { "timeout_ms": )"
        << timeout_ms << R"(, "channel_interval_ms": 0 },
  "slack": { "mode": "http", "bot_token": ")"
        << slack_.bot_token << R"(",
             "signing_secret": ")"
        << signing_secret << R"(",
             "api_base_url": ")"
        << slack_.api_base_url() << R"(" },
  "channels": [ { "key": "eng", "channel_id": "C0ENG", "confirm": false)"
        << (digest.empty() ? "" : R"(, "digest": true)") << " } "
        << (with_ops ? R"(, { "key": "ops", "channel_id": "C0OPS", "confirm": false } )" : "")
        << R"( ],)" << (digest.empty() ? "" : "\n  \"digest\": " + digest + ",") << R"(
  "limits": { "posts_per_hour": 100 },
  "log": { "level": "debug" }
})";
}

void process_fixture::start() {
    bot_ = std::make_unique<bot_process>(binary_under_test(),
                                         std::vector<std::string>{"run", "--config", config_path_});
    ASSERT_TRUE(wait([&] { return bot_->port().has_value(); })) << "the bot did not start";
    port_ = *bot_->port();
}

bool process_fixture::wait(const std::function<bool()>& condition,
                           std::chrono::milliseconds deadline) {
    return run_until(
        ioc_,
        [&] {
            bot_->pump();
            return condition();
        },
        deadline);
}

unsigned process_fixture::dm(const std::string& text, const std::string& event_id) {
    const std::string body = slack_.dm_event("U0AUTHOR", "D0AUTHOR", text, event_id).dump();
    const auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = "http://127.0.0.1:" + std::to_string(port_) + "/slack/events";
    req.body = body;
    req.headers = {{"Content-Type", "application/json"},
                   {"X-Slack-Request-Timestamp", ts},
                   {"X-Slack-Signature", slack::sign(signing_secret, ts, body)}};
    std::optional<transport::client_response> out;
    bool done = false;
    asio::co_spawn(ioc_, send_request(client_, std::move(req), out, done), asio::detached);
    EXPECT_TRUE(wait([&] { return done; }));
    return out ? out->status : 0U;
}

void process_fixture::command_async(const std::string& user, const std::string& text,
                                    std::optional<transport::client_response>& out, bool& done) {
    std::string body;
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    const nlohmann::json fields = slack_.slash_command(user, "C0ENG", text);
    for (const auto& [key, value] : fields.items()) {
        body += (body.empty() ? "" : "&") + key + "=" +
                boost::urls::encode(value.get<std::string>(), boost::urls::unreserved_chars, opts);
    }
    const auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = "http://127.0.0.1:" + std::to_string(port_) + "/slack/commands";
    req.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                   {"X-Slack-Request-Timestamp", ts},
                   {"X-Slack-Signature", slack::sign(signing_secret, ts, body)}};
    req.body = std::move(body);
    asio::co_spawn(ioc_, send_request(client_, std::move(req), out, done), asio::detached);
}

bool process_fixture::confirmations_on_disk() const {
    const std::string& out = bot_->output();
    const auto last = out.rfind("\"msg\":\"post.confirmed\"");
    return last != std::string::npos &&
           out.find("\"msg\":\"store.group_committed\"", last) != std::string::npos;
}

int process_fixture::count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace openfloor::testing
