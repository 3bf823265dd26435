// hostile_fixture: the config, the child under a descriptor limit, signed requests, and the
// measured stream of real requests.
#include "tests/process/hostile_fixture.hpp"

#include "adapters/slack/signature.hpp"
#include "tests/support/binary_under_test.hpp"
#include "tests/support/descriptor_limit.hpp"
#include "tests/support/e2e.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

namespace openfloor::testing {
namespace {

using namespace std::chrono_literals;

struct real_outcome {
    unsigned status = 0; // 0 while unanswered, 1 when no answer came at all
    double ms = 0;
};

using outcomes = std::shared_ptr<std::vector<real_outcome>>; // shared: a late answer lands safely

asio::awaitable<void> send_real(transport::http_client& client, transport::client_request req,
                                outcomes all, std::size_t i) {
    const auto began = std::chrono::steady_clock::now();
    auto res = co_await client.send(std::move(req));
    (*all)[i].ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
    (*all)[i].status = res ? res->status : 1U;
}

// `stop` and `peak` are fixture members, which outlive the io_context's handlers.
asio::awaitable<void> sample(int pid, const bool& stop, std::size_t& peak) {
    asio::steady_timer tick(co_await asio::this_coro::executor);
    while (!stop) {
        peak = std::max(peak, open_descriptors(pid));
        tick.expires_after(100ms);
        co_await tick.async_wait(transport::use_tuple);
    }
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

stream_stats summarise(const std::vector<real_outcome>& real) {
    stream_stats out;
    out.sent = real.size();
    std::vector<double> latencies;
    for (const auto& r : real) {
        if (r.status == 200) {
            ++out.served;
        }
        latencies.push_back(r.ms);
    }
    out.p50_ms = percentile(latencies, 0.50);
    out.p99_ms = percentile(latencies, 0.99);
    return out;
}

} // namespace

std::string unix_now(std::chrono::seconds offset) {
    const auto now = std::chrono::system_clock::now() + offset;
    return std::to_string(
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

std::string events_post(const std::string& body, const std::string& secret, const std::string& ts) {
    std::ostringstream out;
    out << "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    if (!secret.empty()) {
        out << "X-Slack-Request-Timestamp: " << ts << "\r\n"
            << "X-Slack-Signature: " << slack::sign(secret, ts, body) << "\r\n";
    }
    out << "Content-Length: " << body.size() << "\r\nConnection: close\r\n\r\n" << body;
    return out.str();
}

std::string events_post(const std::string& body) {
    return events_post(body, hostile_signing_secret, unix_now());
}

void hostile_fixture::write_hostile_config() {
    const nlohmann::json config = {
        {"server",
         {{"listen", "127.0.0.1:0"}, {"request_timeout_ms", hostile_request_timeout.count()}}},
        {"storage", {{"path", dir_.file("openfloor.db").string()}}},
        {"identity", {{"secret", "process-test-secret-0123456789abcdef"}}},
        {"outbound", {{"timeout_ms", 2000}, {"channel_interval_ms", 0}}},
        {"slack",
         {{"mode", "http"},
          {"bot_token", slack_.bot_token},
          {"signing_secret", hostile_signing_secret},
          {"api_base_url", slack_.api_base_url()}}},
        {"channels",
         nlohmann::json::array({{{"key", "eng"}, {"channel_id", "C0ENG"}, {"confirm", false}}})},
        {"limits", {{"posts_per_hour", 100'000}}},
        {"log", {{"level", "info"}}},
    };
    std::ofstream(config_path_, std::ios::trunc) << config.dump(2);
}

void hostile_fixture::start_binary(const std::string& binary,
                                   const std::vector<std::string>& args) {
    bot_ = std::make_unique<bot_process>(binary, args);
}

void hostile_fixture::start_with_soft_limit(rlim_t soft) {
    {
        soft_descriptor_limit lowered(soft); // inherited by the child, restored right after
        ASSERT_TRUE(lowered.applied());
        start_binary(binary_under_test(), {"run", "--config", config_path_});
    }
    ASSERT_TRUE(wait([&] { return bot_->port().has_value(); })) << "the bot did not start";
    port_ = *bot_->port();
}

void hostile_fixture::start_with_hard_limit(rlim_t limit) {
    // prlimit sets the limits and then execs the bot, which keeps its process id.
    const std::string nofile = "--nofile=" + std::to_string(limit) + ":" + std::to_string(limit);
    start_binary("/usr/bin/prlimit",
                 {nofile, binary_under_test(), "run", "--config", config_path_});
    ASSERT_TRUE(wait([&] { return bot_->port().has_value(); })) << "the bot did not start";
    port_ = *bot_->port();
}

std::string hostile_fixture::dm_body(const std::string& user, const std::string& text,
                                     int n) const {
    char ts[32];
    std::snprintf(ts, sizeof ts, "1700000000.%06d", n);
    return slack_.dm_event(user, "D" + user.substr(1), text, "EvHostile" + std::to_string(n), ts)
        .dump();
}

transport::client_request hostile_fixture::real_request(int n) const {
    const std::string body =
        dm_body("U0REAL", "#eng question: real request " + std::to_string(n), n);
    const std::string ts = unix_now();
    transport::client_request req;
    req.url = "http://127.0.0.1:" + std::to_string(port_) + "/slack/events";
    req.body = body;
    req.headers = {{"Content-Type", "application/json"},
                   {"X-Slack-Request-Timestamp", ts},
                   {"X-Slack-Signature", slack::sign(hostile_signing_secret, ts, body)}};
    return req;
}

stream_stats hostile_fixture::stream_real_requests(std::chrono::milliseconds length,
                                                   std::chrono::milliseconds interval, int first,
                                                   const std::function<bool()>& also_done,
                                                   std::chrono::milliseconds deadline) {
    auto real =
        std::make_shared<std::vector<real_outcome>>(static_cast<std::size_t>(length / interval));
    const auto began = std::chrono::steady_clock::now();
    std::size_t sent = 0;
    const bool finished = wait(
        [&] {
            // Open loop: each request leaves on schedule whether or not earlier ones were answered.
            const auto due =
                static_cast<std::size_t>((std::chrono::steady_clock::now() - began) / interval);
            for (; sent < std::min(due + 1, real->size()); ++sent) {
                asio::co_spawn(
                    ioc_,
                    send_real(client_, real_request(first + static_cast<int>(sent)), real, sent),
                    asio::detached);
            }
            const bool answered = std::all_of(real->begin(), real->end(),
                                              [](const real_outcome& r) { return r.status != 0; });
            return sent == real->size() && answered && also_done();
        },
        deadline);
    EXPECT_TRUE(finished) << "the attack did not end in time";
    return summarise(*real); // unanswered requests count as not served
}

std::size_t hostile_fixture::posts_mentioning(const std::string& channel,
                                              const std::string& needle) const {
    std::size_t n = 0;
    for (const auto& call : slack_.posts_to(channel)) {
        if (call.body.dump().find(needle) != std::string::npos) {
            ++n;
        }
    }
    return n;
}

bool hostile_fixture::healthy() {
    transport::client_request req{transport::http::verb::get,
                                  "http://127.0.0.1:" + std::to_string(port_) + "/healthz",
                                  "",
                                  {}};
    std::optional<transport::client_response> res;
    bool done = false;
    asio::co_spawn(ioc_, send_request(client_, std::move(req), res, done), asio::detached);
    return wait([&] { return done; }) && res && res->status == 200U;
}

void hostile_fixture::start_sampling() {
    sampling_stopped_ = false;
    asio::co_spawn(ioc_, sample(bot_->pid(), sampling_stopped_, peak_descriptors_), asio::detached);
}

} // namespace openfloor::testing
