// event_socket: one connection at a time (run), read in order (serve); a drop leads to a
// resume, and a fresh start after a drop to a REST catch-up before the next live event.
#include "adapters/mattermost/event_socket.hpp"

#include "adapters/mattermost/protocol.hpp"
#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

#include <algorithm>
#include <map>

namespace openfloor::mattermost {
namespace {

constexpr auto handshake_timeout = std::chrono::seconds(10);
// A catch-up never reaches back further than this: the core remembers event ids for 24 hours,
// so older posts could be taken for new ones.
constexpr auto max_catch_up = std::chrono::hours(12);

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

event_socket::event_socket(asio::any_io_executor ex, rest_api& api, transport::http_client& http,
                           const config::mattermost_settings& settings, inbound& in,
                           bot::random_source& random)
    : ex_(ex)
    , api_(api)
    , http_(http)
    , settings_(settings)
    , in_(in)
    , random_(random)
    , wait_(ex) {}

void event_socket::start() {
    transport::spawn_logged(ex_, "mattermost.websocket", run());
}

void event_socket::stop() {
    stopping_ = true;
    wait_.cancel();
    if (current_) {
        transport::spawn_logged(ex_, "mattermost.websocket_close", current_->close());
    }
}

std::string event_socket::url() const {
    std::string out = api_.websocket_url();
    if (!connection_id_.empty()) {
        // §B3: both or neither; the server replays from the next seq if it still can.
        out += "?connection_id=" + connection_id_ + "&sequence_number=" + std::to_string(next_seq_);
    }
    return out;
}

void event_socket::note_seq(std::int64_t seq) {
    next_seq_ = std::max(next_seq_, seq + 1);
}

asio::awaitable<void> event_socket::run() {
    while (!stopping_) {
        transport::websocket_options options;
        options.handshake_timeout = handshake_timeout;
        options.idle_timeout = idle_timeout_;
        const transport::header_list headers{
            {"Authorization", "Bearer " + std::string(settings_.bot_token.reveal())}};
        auto ws = co_await transport::websocket_connection::connect(ex_, http_.tls_context(), url(),
                                                                    headers, options);
        if (ws) {
            ++opened_;
            current_ = *ws;
            const bool was_live = co_await serve(*ws); // awaited outside an if: see run_command.cpp
            current_.reset();
            connected_ = false;
            // A dead peer is noticed only after the idle timeout: count from before it.
            lost_at_ms_ = now_ms() - idle_timeout_.count();
            if (was_live) {
                pause_.reset();
            }
            if (stopping_) {
                break;
            }
            bot::log::warn("mattermost.websocket_lost");
        } else {
            bot::log::warn("mattermost.websocket_connect_failed", {{"error", ws.error().message()}});
        }
        wait_.expires_after(pause_.next(random_.unit()));
        co_await wait_.async_wait(transport::use_tuple);
    }
}

asio::awaitable<void> event_socket::pinger(connection ws) {
    asio::steady_timer tick(ex_);
    while (!stopping_ && ws->is_open()) {
        tick.expires_after(app_ping_interval);
        co_await tick.async_wait(transport::use_tuple);
        if (!stopping_ && ws->is_open()) {
            ws->send(ping_frame(++request_seq_));
        }
    }
}

asio::awaitable<bool> event_socket::serve(connection ws) {
    // With the upgrade header the server has authenticated us already and ignores the challenge;
    // without it (a proxy that strips the header) the challenge does the job. The ping's answer
    // says the socket is live even when a resume brings no hello.
    ws->send(authentication_challenge_frame(++request_seq_, settings_.bot_token.reveal()));
    ws->send(ping_frame(++request_seq_));
    transport::spawn_logged(ex_, "mattermost.ping", pinger(ws));
    bool live = false;
    for (;;) {
        auto text = co_await ws->read();
        if (!text) {
            break;
        }
        auto frame = decode_ws_frame(*text);
        if (!frame) {
            bot::log::warn("mattermost.websocket_garbage");
            continue;
        }
        if (const auto* hello = std::get_if<ws_hello>(&*frame)) {
            const bool started_afresh = !connection_id_.empty() && hello->connection_id != connection_id_;
            connection_id_ = hello->connection_id;
            next_seq_ = hello->seq + 1;
            live = connected_ = true;
            bot::log::info("mattermost.websocket_hello",
                           {{"server_version", hello->server_version}, {"resumed", false}});
            if (started_afresh) {
                // The server could not replay what we missed: ask REST for it.
                co_await catch_up(catch_up_from(lost_at_ms_));
            }
        } else if (const auto* reply = std::get_if<ws_reply>(&*frame)) {
            if (reply->ok) {
                live = connected_ = true;
            } else {
                bot::log::warn("mattermost.websocket_request_failed", {{"error", reply->error_id}});
            }
        } else if (auto* posted = std::get_if<ws_posted>(&*frame)) {
            if (!connection_id_.empty() && posted->seq > next_seq_) {
                // Events were skipped (a replay that could not be complete): fetch them.
                bot::log::warn("mattermost.websocket_seq_gap",
                               {{"expected", next_seq_}, {"got", posted->seq}});
                co_await catch_up(catch_up_from(lost_at_ms_));
            }
            note_seq(posted->seq);
            live = connected_ = true;
            co_await dispatch(std::move(*posted));
        } else if (const auto* other = std::get_if<ws_other_event>(&*frame)) {
            note_seq(other->seq);
        }
    }
    co_return live;
}

std::int64_t event_socket::catch_up_from(std::int64_t lost_at_ms) const {
    // The newest post seen is on the server's clock, so it is the better mark; without one,
    // the moment the socket opened (our clock). Never further back than max_catch_up.
    const std::int64_t mark = last_post_ms_ > 0 ? last_post_ms_ : lost_at_ms;
    const std::int64_t floor =
        now_ms() - std::chrono::duration_cast<std::chrono::milliseconds>(max_catch_up).count();
    return std::max(mark, floor) - catch_up_margin.count();
}

asio::awaitable<void> event_socket::dispatch(ws_posted ev) {
    const bool direct = ev.channel_type == channel_type::direct;
    if (direct && in_.wanted(ev.post)) {
        direct_channels_.insert(ev.post.channel_id);
    }
    last_post_ms_ = std::max(last_post_ms_, ev.post.create_at);
    // Named first: g++ 12 destroys a braced temporary argument of a coroutine twice.
    incoming_post in{std::move(ev.post), direct, std::move(ev.sender_name)};
    co_await in_.on_post(std::move(in));
}

asio::awaitable<void> event_socket::catch_up(std::int64_t since_ms) {
    ++catch_ups_;
    std::set<std::string> channels = direct_channels_;
    for (const auto& ch : in_.settings().channels) {
        if (ch.platform == bot::platform::mattermost && !ch.webhook_url) {
            channels.insert(ch.channel_id);
        }
    }
    std::map<std::string, std::string> names; // user id → "@username", for thread replies
    int seen = 0;
    for (const auto& channel : channels) {
        auto answer = co_await api_.get(std::string(rest::channels) + "/" + channel +
                                        "/posts?since=" + std::to_string(since_ms));
        if (!answer.ok()) {
            bot::log::warn("mattermost.catch_up_failed", {{"reason", answer.reason}});
            continue;
        }
        auto posts = decode_post_list(answer.body);
        if (!posts) {
            continue;
        }
        const bool direct = direct_channels_.contains(channel);
        for (auto& p : *posts) {
            // `since` also returns older posts that were edited or deleted since: not new.
            if (p.create_at < since_ms || !in_.wanted(p)) {
                continue;
            }
            std::string sender;
            if (!direct && !p.root_id.empty()) {
                auto known = names.find(p.user_id);
                if (known == names.end()) {
                    auto who = co_await api_.get("/users/" + p.user_id);
                    std::string name;
                    if (auto u = decode_user(who.body); who.ok() && u && !u->username.empty()) {
                        name = "@" + u->username;
                    }
                    known = names.emplace(p.user_id, std::move(name)).first;
                }
                sender = known->second;
            }
            last_post_ms_ = std::max(last_post_ms_, p.create_at);
            ++seen;
            incoming_post in{std::move(p), direct, std::move(sender)}; // named: see dispatch()
            co_await in_.on_post(std::move(in));
        }
    }
    bot::log::info("mattermost.caught_up",
                   {{"channels", static_cast<std::int64_t>(channels.size())}, {"posts", seen}});
}

} // namespace openfloor::mattermost
