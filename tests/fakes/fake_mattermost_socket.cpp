// fake_mattermost_socket: the websocket of api4/websocket.go and platform/web_conn.go: both ways
// to authenticate, events with seq, the dead queue and resumes, and the faults a test injects.
#include "tests/fakes/fake_mattermost.hpp"
#include "tests/fakes/fake_mattermost_detail.hpp"

#include <boost/asio/steady_timer.hpp>

#include <algorithm>

namespace openfloor::testing {

struct fake_mattermost::ws_client {
    std::shared_ptr<fake_socket> socket;
    std::map<std::string, std::string> query; // of the upgrade request
    bool authenticated = false;
    bool gone = false;   // the fake ended it (drop, close, hang up) or the peer did
    bool silent = false; // the fake stopped reading and writing: a hung connection
    std::string connection_id;
    std::unique_ptr<asio::steady_timer> auth_timer;
};

namespace {

using json = nlohmann::json;
using namespace mm_detail;

constexpr std::size_t dead_queue_size = 128; // platform/web_conn.go deadQueueSize

json broadcast_for(const std::string& user_id, const std::string& channel_id) {
    return {{"omit_users", nullptr}, {"user_id", user_id},  {"channel_id", channel_id},
            {"team_id", ""},         {"connection_id", ""}, {"omit_connection_id", ""}};
}

} // namespace

fake_mattermost::~fake_mattermost() {
    for (auto& [key, client] : clients_) {
        client->socket->on_message = nullptr;
        client->socket->on_close = nullptr;
    }
}

// ---------------------------------------------------------------- websocket: events

json fake_mattermost::channel_broadcast(const std::string& channel_id) const {
    return broadcast_for("", channel_id);
}

json fake_mattermost::user_broadcast(const std::string& user_id) const {
    return broadcast_for(user_id, "");
}

bool fake_mattermost::is_active(const ws_connection& c) const {
    return c.client && c.client->authenticated && !c.client->gone && c.client->socket->open;
}

void fake_mattermost::write(ws_client& client, const std::string& frame) {
    if (!client.gone && !client.silent) {
        client.socket->send(frame);
    }
}

std::optional<std::int64_t> fake_mattermost::push_event(const std::string& event, const json& data,
                                                        const json& broadcast) {
    std::vector<ws_connection*> targets;
    for (auto& [id, c] : connections_) {
        if (is_active(c)) {
            targets.push_back(&c);
        }
    }
    if (targets.empty() && connections_.count(newest_connection_) != 0) {
        targets.push_back(&connections_.at(newest_connection_)); // replayed on resume
    }
    std::optional<std::int64_t> seq_used;
    for (ws_connection* c : targets) {
        const std::int64_t seq = c->next_seq++;
        json frame{{"event", event},
                   {"data", data},
                   {"broadcast", broadcast.is_null() ? broadcast_for("", "") : broadcast},
                   {"seq", seq}};
        c->buffer.push_back(ws_event{seq, frame.dump()});
        if (c->buffer.size() > dead_queue_size) {
            c->buffer.pop_front();
        }
        if (is_active(*c)) {
            write(*c->client, c->buffer.back().frame);
        }
        if (!seq_used || c->id == newest_connection_) {
            seq_used = seq;
        }
    }
    return seq_used;
}

void fake_mattermost::push_typing(const std::string& channel_id, const std::string& user_id) {
    json broadcast = channel_broadcast(channel_id);
    broadcast["omit_users"] = {{user_id, true}};
    push_event("typing", {{"parent_id", ""}, {"user_id", user_id}}, broadcast);
}

void fake_mattermost::push_status_change(const std::string& user_id, const std::string& status) {
    push_event("status_change", {{"status", status}, {"user_id", user_id}},
               user_broadcast(user_id));
}

// ---------------------------------------------------------------- websocket: connections

std::optional<fake_reply> fake_mattermost::check_upgrade(const fake_request& req) {
    record(req);
    if (auto injected = take_fault(req.method, req.path)) {
        return injected;
    }
    if (req.path != std::string(api_prefix) + "/websocket") {
        return app_error(404, "api.context.404.app_error", "Sorry, we could not find the page.");
    }
    return std::nullopt;
}

void fake_mattermost::on_socket(std::shared_ptr<fake_socket> socket) {
    auto client = std::make_shared<ws_client>();
    client->socket = socket;
    client->query = parse_query(socket->target);
    clients_[socket.get()] = client;
    sockets.push_back(socket);
    std::weak_ptr<ws_client> weak = client; // the fake owns its clients: alive means we are
    socket->on_message = [this, weak](const std::string& text) {
        if (auto c = weak.lock()) {
            on_frame(*c, text);
        }
    };
    socket->on_close = [weak] {
        if (auto c = weak.lock()) {
            c->gone = true;
        }
    };
    if (token_of(socket->header("authorization")) == bot_token) {
        client->authenticated = true; // a session from the upgrade: hello now, resume allowed
        register_connection(*client, true);
        return;
    }
    // A bad or missing header token is no session, not a refusal (APIHandlerTrustRequester):
    // the socket waits for an authentication_challenge, then is closed.
    client->auth_timer = std::make_unique<asio::steady_timer>(ioc_, auth_deadline);
    client->auth_timer->async_wait([weak](boost::system::error_code ec) {
        auto c = weak.lock();
        if (ec || !c || c->authenticated || c->gone) {
            return;
        }
        c->gone = true;
        c->socket->hang_up();
    });
}

void fake_mattermost::reply_fail(ws_client& client, std::int64_t seq, const std::string& id,
                                 unsigned status) {
    write(client, json{{"status", "FAIL"},
                       {"seq_reply", seq},
                       {"error",
                        {{"id", id},
                         {"message", id},
                         {"detailed_error", ""},
                         {"request_id", ""},
                         {"status_code", status}}}}
                      .dump());
}

// web_socket_router.go ServeWebSocket, in its order of checks.
void fake_mattermost::on_frame(ws_client& client, const std::string& text) {
    const json frame = json::parse(text, nullptr, false);
    if (!frame.is_object()) {
        client.gone = true; // the server's decoder fails and it closes the connection
        client.socket->hang_up();
        return;
    }
    const std::string action = string_field(frame, "action");
    const std::int64_t seq = int_field(frame, "seq");
    if (action.empty()) {
        return reply_fail(client, seq, "api.web_socket_router.no_action.app_error", 400);
    }
    if (seq <= 0) {
        return reply_fail(client, seq, "api.web_socket_router.bad_seq.app_error", 400);
    }
    if (action == "authentication_challenge") {
        if (client.authenticated) {
            return; // already has a session: no reply at all
        }
        if (string_field(frame.value("data", json::object()), "token") != bot_token) {
            client.gone = true;
            client.socket->hang_up();
            return;
        }
        client.authenticated = true;
        const std::string ok = json{{"status", "OK"}, {"seq_reply", seq}}.dump();
        if (!hello_before_challenge_reply) {
            write(client, ok);
        }
        register_connection(client, false); // no session at upgrade: connection_id is ignored
        if (hello_before_challenge_reply) {
            write(client, ok);
        }
        return;
    }
    if (!client.authenticated) {
        return reply_fail(client, seq, "api.web_socket_router.not_authenticated.app_error", 401);
    }
    if (action == "ping") {
        write(client, json{{"status", "OK"},
                           {"seq_reply", seq},
                           {"data",
                            {{"text", "pong"},
                             {"version", server_version},
                             {"server_time", now_ms()},
                             {"node_id", ""}}}}
                          .dump());
        return;
    }
    if (action == "user_typing" || action == "get_statuses" || action == "get_statuses_by_ids") {
        write(client, json{{"status", "OK"}, {"seq_reply", seq}}.dump());
        return;
    }
    reply_fail(client, seq, "api.web_socket_router.bad_action.app_error", 501);
}

// api4/websocket.go and web_conn.go: a known, inactive connection id whose wanted seq is still
// in its dead queue (or is exactly the next one) continues without a hello; anything else is a
// fresh connection with a new id, a hello, and seq from 0.
void fake_mattermost::register_connection(ws_client& client, bool may_resume) {
    const auto wanted = client.query.find("connection_id");
    if (may_resume && wanted != client.query.end() && !wanted->second.empty()) {
        const auto seq_text = client.query.find("sequence_number");
        const auto seq =
            seq_text == client.query.end() ? std::nullopt : parse_int(seq_text->second);
        if (!is_valid_id(wanted->second) || !seq) {
            client.gone = true; // PopulateWebConnConfig fails: ws.Close()
            client.socket->hang_up();
            return;
        }
        auto it = connections_.find(wanted->second);
        if (it != connections_.end() && !forget_connections && !is_active(it->second)) {
            ws_connection& c = it->second;
            auto from = std::find_if(c.buffer.begin(), c.buffer.end(),
                                     [&](const ws_event& e) { return e.seq == *seq; });
            if (from != c.buffer.end() || *seq == c.next_seq) {
                c.client = clients_.at(client.socket.get());
                client.connection_id = c.id;
                newest_connection_ = c.id;
                ++resumes_;
                for (; from != c.buffer.end(); ++from) {
                    write(client, from->frame);
                    ++replayed_;
                }
                return;
            }
        }
        if (it != connections_.end() && !is_active(it->second)) {
            connections_.erase(it); // message loss: the old id is gone for good
        }
    }
    start_fresh(client);
}

void fake_mattermost::start_fresh(ws_client& client) {
    ws_connection c;
    c.id = new_id();
    c.client = clients_.at(client.socket.get());
    json hello{
        {"event", "hello"},
        {"data", {{"connection_id", c.id}, {"server_version", server_version}}},
        {"broadcast",
         {{"omit_users", nullptr}, {"user_id", bot_user_id}, {"channel_id", ""}, {"team_id", ""}}},
        {"seq", 0}};
    c.buffer.push_back(ws_event{0, hello.dump()});
    c.next_seq = 1;
    client.connection_id = c.id;
    newest_connection_ = c.id;
    ++hellos_;
    write(client, c.buffer.back().frame);
    connections_[c.id] = std::move(c);
}

// ---------------------------------------------------------------- websocket: test side

std::shared_ptr<fake_mattermost::ws_client> fake_mattermost::newest_client() const {
    for (auto it = sockets.rbegin(); it != sockets.rend(); ++it) {
        auto c = clients_.find(it->get());
        if ((*it)->open && c != clients_.end() && !c->second->gone) {
            return c->second;
        }
    }
    return nullptr;
}

std::size_t fake_mattermost::open_sockets() const {
    return static_cast<std::size_t>(
        std::count_if(sockets.begin(), sockets.end(), [&](const auto& s) {
            auto c = clients_.find(s.get());
            return s->open && c != clients_.end() && !c->second->gone;
        }));
}

std::shared_ptr<fake_socket> fake_mattermost::newest_socket() const {
    auto c = newest_client();
    return c ? c->socket : nullptr;
}

std::vector<std::string> fake_mattermost::socket_targets() const {
    std::vector<std::string> out;
    for (const auto& s : sockets) {
        out.push_back(s->target);
    }
    return out;
}

std::vector<json> fake_mattermost::frames_from(const fake_socket& socket) const {
    std::vector<json> out;
    for (const auto& text : socket.received) {
        json frame = json::parse(text, nullptr, false);
        out.push_back(frame.is_discarded() ? json(text) : frame);
    }
    return out;
}

bool fake_mattermost::authenticated(const fake_socket& socket) const {
    auto c = clients_.find(&socket);
    return c != clients_.end() && c->second->authenticated;
}

std::string fake_mattermost::connection_id() const {
    return newest_connection_;
}

std::int64_t fake_mattermost::next_seq() const {
    auto it = connections_.find(newest_connection_);
    return it == connections_.end() ? 0 : it->second.next_seq;
}

bool fake_mattermost::drop_socket() {
    auto c = newest_client();
    if (c) {
        c->gone = true;
        c->socket->drop();
    }
    return c != nullptr;
}

bool fake_mattermost::close_socket() {
    auto c = newest_client();
    if (c) {
        c->gone = true;
        c->socket->close();
    }
    return c != nullptr;
}

bool fake_mattermost::hang_up_socket() {
    auto c = newest_client();
    if (c) {
        c->gone = true;
        c->socket->hang_up();
    }
    return c != nullptr;
}

bool fake_mattermost::silence_socket() {
    auto c = newest_client();
    if (c) {
        c->silent = true;
        c->socket->go_silent();
    }
    return c != nullptr;
}

} // namespace openfloor::testing
