// bench_fake_web_api: the Slack Web API both bots post through during the benchmark. It answers
// what the bots call at start (auth.test) and while working (conversations.open,
// chat.postMessage: {"ok":true,"channel":…,"ts":…}), stamps each team-channel post with its
// arrival time, and tells the load generator what it saw:
//   GET /bench/stats     {"team_posts":n,"other_calls":n,"unmarked":n}
//   GET /bench/arrivals  {"events":[…],"arrived_ns":[…]}   (steady_clock, one entry per post)
//   GET /bench/reset     forget everything seen so far
// Bodies may be JSON (openfloor) or form-encoded (Bolt's @slack/web-api). One io_context thread,
// like the bots; prints "listening <port>" on stdout; SIGTERM or SIGINT stops it.
#include "adapters/transport/form.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "bench/fake/post_record.hpp"
#include "bench/support/slack_requests.hpp"
#include <chrono>
#include <csignal>
#include <iostream>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;

namespace openfloor::bench {
namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::string_view api_prefix = "/api/";

struct call {
    std::string method;
    std::string channel;
    std::string text; // for JSON bodies: the whole body, where the marker is found as written
    std::string users;
};

std::int64_t steady_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

call read_call(const http::request<http::string_body>& req) {
    call c;
    c.method = std::string(req.target().substr(api_prefix.size()));
    const auto type = req[http::field::content_type];
    if (type.starts_with("application/json")) {
        const auto body = json::parse(req.body(), nullptr, /*allow_exceptions=*/false);
        if (body.is_object()) {
            c.channel = body.value("channel", "");
            c.users = body.value("users", "");
        }
        c.text = req.body();
        return c;
    }
    if (auto fields = transport::payload::decode_form(req.body())) {
        const auto field = [&](std::string_view key) {
            const auto* value = transport::payload::find_field(*fields, key);
            return value ? *value : std::string{};
        };
        c.channel = field("channel");
        c.text = field("text");
        c.users = field("users");
    }
    return c;
}

class fake_web_api {
public:
    std::string answer(const http::request<http::string_body>& req) {
        const auto target = req.target();
        if (target == "/bench/stats") {
            return json{{"team_posts", seen_.team_posts()},
                        {"other_calls", seen_.other_calls()},
                        {"unmarked", seen_.unmarked()}}
                .dump();
        }
        if (target == "/bench/arrivals") {
            return json{{"events", seen_.events()}, {"arrived_ns", seen_.arrivals_ns()}}.dump();
        }
        if (target == "/bench/reset") {
            seen_.reset();
            return R"({"ok":true})";
        }
        if (!target.starts_with(api_prefix)) {
            return R"({"ok":false,"error":"unknown_method"})";
        }
        const call c = read_call(req);
        seen_.record(c.method, c.channel, c.text, steady_ns());
        return web_api(c);
    }

private:
    std::string web_api(const call& c) {
        if (c.method == "auth.test") {
            return json{{"ok", true},         {"url", "https://bench.slack.com/"},
                        {"team", "Bench"},    {"user", "openfloor"},
                        {"team_id", team_id}, {"user_id", bot_user_id},
                        {"bot_id", bot_id}}
                .dump();
        }
        if (c.method == "conversations.open") {
            return json{{"ok", true},
                        {"channel", {{"id", "D" + c.users.substr(c.users.empty() ? 0 : 1)}}}}
                .dump();
        }
        if (c.method == "chat.postMessage") {
            const std::string ts = "1700001000." + std::to_string(1'000'000 + ++next_ts_).substr(1);
            return json{{"ok", true},
                        {"channel", c.channel},
                        {"ts", ts},
                        {"message", {{"type", "message"}, {"bot_id", bot_id}, {"ts", ts}}}}
                .dump();
        }
        return R"({"ok":true})";
    }

    post_record seen_;
    std::uint64_t next_ts_ = 0;
};

asio::awaitable<void> serve(beast::tcp_stream stream, fake_web_api& api) {
    beast::flat_buffer buffer;
    for (;;) {
        http::request<http::string_body> req;
        stream.expires_after(std::chrono::seconds(60));
        auto [ec, received] = co_await http::async_read(stream, buffer, req, use_tuple);
        if (ec) {
            break;
        }
        http::response<http::string_body> res{http::status::ok, req.version()};
        res.set(http::field::content_type, "application/json; charset=utf-8");
        res.body() = api.answer(req);
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        auto [write_ec, sent] = co_await http::async_write(stream, res, use_tuple);
        if (write_ec || !res.keep_alive()) {
            break;
        }
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, fake_web_api& api) {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
        if (ec == asio::error::operation_aborted) {
            co_return;
        }
        if (!ec) {
            asio::co_spawn(acceptor.get_executor(),
                           serve(beast::tcp_stream(std::move(socket)), api),
                           asio::detached); // one connection's end concerns nobody else
        }
    }
}

} // namespace
} // namespace openfloor::bench

int main() {
    using namespace openfloor::bench;
    asio::io_context ioc{1};
    fake_web_api api;
    tcp::acceptor acceptor(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    std::cout << "listening " << acceptor.local_endpoint().port() << std::endl;
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { ioc.stop(); });
    asio::co_spawn(ioc, accept_loop(acceptor, api), asio::detached);
    ioc.run();
    return 0;
}
