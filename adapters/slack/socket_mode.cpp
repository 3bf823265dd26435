// socket_mode: a connection manager (run) and one reader per connection (serve). A refresh or
// a warning asks the manager for a new connection while the old one keeps being read; the new
// connection's hello retires the old ones.
#include "adapters/slack/socket_mode.hpp"

#include "adapters/slack/protocol.hpp"
#include "adapters/transport/backoff.hpp"
#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

#include <algorithm>

namespace openfloor::slack {
namespace {

constexpr auto handshake_timeout = std::chrono::seconds(10);

// Errors of apps.connections.open that no retry will fix.
bool fatal_open_error(std::string_view error) {
    return error == "invalid_auth" || error == "not_authed" || error == "not_allowed_token_type" ||
           error == "token_revoked" || error == "account_inactive";
}

} // namespace

socket_mode::socket_mode(asio::any_io_executor ex, web_api& api, transport::http_client& http,
                         inbound& in, bot::random_source& random)
    : ex_(ex)
    , api_(api)
    , http_(http)
    , in_(in)
    , random_(random)
    , need_new_(ex, asio::steady_timer::time_point::max()) {}

void socket_mode::start() {
    transport::spawn_logged(ex_, "slack.socket_mode", run());
}

void socket_mode::stop() {
    stopping_ = true;
    need_new_.cancel();
    for (auto& ws : connections_) {
        transport::spawn_logged(ex_, "slack.socket_close", ws->close());
    }
}

void socket_mode::ask_for_new_connection() {
    need_new_flag_ = true;
    need_new_.cancel();
}

void socket_mode::retire_others(const connection& keep) {
    for (auto& ws : connections_) {
        if (ws != keep && ws->is_open()) {
            transport::spawn_logged(ex_, "slack.socket_retire", ws->close());
        }
    }
}

asio::awaitable<void> socket_mode::run() {
    asio::steady_timer wait(ex_);
    while (!stopping_) {
        if (!need_new_flag_) {
            need_new_.expires_at(asio::steady_timer::time_point::max());
            co_await need_new_.async_wait(transport::use_tuple);
            continue;
        }
        if (lost_) {
            // A connection that dies soon after opening must not turn into a tight loop.
            lost_ = false;
            wait.expires_after(pause_.next(random_.unit()));
            co_await wait.async_wait(transport::use_tuple);
            continue;
        }
        need_new_flag_ = false;
        const bool opened = co_await open_one(); // awaited outside the if: see run_command.cpp
        if (!opened) {
            need_new_flag_ = true;
            lost_ = true;
        }
    }
}

asio::awaitable<bool> socket_mode::open_one() {
    auto opened = co_await api_.call(method::apps_connections_open, nlohmann::json::object(),
                                     web_api::token::app);
    if (!opened.ok() || opened.result.url.empty()) {
        bot::log::error("slack.socket_open_failed", {{"reason", opened.reason}});
        if (fatal_open_error(opened.result.error)) {
            bot::log::error(
                "slack.app_token_refused",
                {{"detail", "check slack.app_token (xapp-…, scope connections:write)"}});
        }
        co_return false;
    }
    transport::websocket_options options;
    options.handshake_timeout = handshake_timeout;
    options.idle_timeout = idle_timeout_;
    auto ws = co_await transport::websocket_connection::connect(ex_, http_.tls_context(),
                                                                opened.result.url, {}, options);
    if (!ws) {
        bot::log::error("slack.socket_connect_failed", {{"error", ws.error().message()}});
        co_return false;
    }
    ++opened_;
    connections_.push_back(*ws);
    transport::spawn_logged(ex_, "slack.socket_reader", serve(*ws));
    co_return true;
}

asio::awaitable<void> socket_mode::serve(connection ws) {
    bool said_hello = false;
    bool retiring = false;
    for (;;) {
        auto text = co_await ws->read();
        if (!text) {
            break;
        }
        auto frame = decode_socket_frame(*text);
        if (!frame) {
            bot::log::warn("slack.socket_garbage");
            continue;
        }
        if (std::holds_alternative<socket_hello>(*frame)) {
            if (!said_hello) {
                said_hello = true;
                ++live_;
                pause_.reset();
            }
            bot::log::info("slack.socket_hello",
                           {{"connections", static_cast<std::int64_t>(opened_)}});
            retire_others(ws);
        } else if (const auto* bye = std::get_if<socket_disconnect>(&*frame)) {
            bot::log::info("slack.socket_disconnect", {{"reason", bye->reason}});
            if (bye->reason == disconnect_reason::link_disabled) {
                bot::log::error("slack.socket_mode_disabled",
                                {{"detail", "Socket Mode was turned off for this app"}});
                stop();
                break;
            }
            if (!retiring) {
                retiring = true;
                ask_for_new_connection(); // this one stays open until the next says hello
            }
        } else if (auto* env = std::get_if<socket_envelope>(&*frame)) {
            transport::spawn_logged(ex_, "slack.envelope", handle(ws, std::move(*env)));
        }
    }
    if (said_hello) {
        --live_;
    }
    std::erase(connections_, ws);
    if (!retiring && !stopping_) {
        bot::log::warn("slack.socket_lost");
        lost_ = true;
        ask_for_new_connection();
    }
}

void socket_mode::measure(transport::metrics::registry& r) {
    ack_time_ = &r.histograms("openfloor_socket_ack_duration_seconds",
                              "Socket Mode: an envelope's arrival to its ack, by envelope type "
                              "(Slack wants the ack within 3 s).",
                              {"platform", "endpoint"}, transport::metrics::ack_buckets());
    for (const auto type :
         {payload_type::events_api, payload_type::slash_commands, payload_type::interactive}) {
        ack_time_->with({"slack", std::string(type)});
    }
}

void socket_mode::acked(const socket_envelope& env,
                        std::chrono::steady_clock::time_point received) {
    if (ack_time_ == nullptr) {
        return;
    }
    const bool known = env.type == payload_type::events_api ||
                       env.type == payload_type::slash_commands ||
                       env.type == payload_type::interactive;
    ack_time_->with({"slack", known ? env.type : "other"})
        .observe(std::chrono::steady_clock::now() - received);
}

asio::awaitable<void> socket_mode::handle(connection ws, socket_envelope env) {
    const auto received = std::chrono::steady_clock::now();
    if (env.type == payload_type::events_api) {
        ws->send(socket_ack(env.envelope_id)); // ack first: the 3 s clock is running
        acked(env, received);
        if (auto body = decode_events(env.payload)) {
            if (auto* callback = std::get_if<event_callback>(&*body)) {
                co_await in_.on_event(std::move(*callback));
            }
        }
        co_return;
    }
    if (env.type == payload_type::slash_commands) {
        auto command = decode_slash_command_json(env.payload);
        if (!command) {
            ws->send(socket_ack(env.envelope_id));
            acked(env, received);
            co_return;
        }
        auto answer = co_await in_.on_command(std::move(*command));
        ws->send(socket_ack(env.envelope_id,
                            answer && env.accepts_response_payload ? &*answer : nullptr));
        acked(env, received);
        co_return;
    }
    if (env.type == payload_type::interactive) {
        auto payload = decode_interactive_json(env.payload);
        if (payload) {
            if (const auto* submission = std::get_if<view_submission>(&*payload)) {
                auto answer = co_await in_.on_view_submission(*submission);
                ws->send(socket_ack(env.envelope_id,
                                    answer && env.accepts_response_payload ? &*answer : nullptr));
                acked(env, received);
                co_return;
            }
        }
        ws->send(socket_ack(env.envelope_id));
        acked(env, received);
        if (payload) {
            if (auto* action = std::get_if<block_action>(&*payload)) {
                co_await in_.on_block_action(std::move(*action));
            }
        }
        co_return;
    }
    ws->send(socket_ack(env.envelope_id));
    acked(env, received);
}

} // namespace openfloor::slack
