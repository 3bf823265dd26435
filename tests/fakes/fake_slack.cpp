// fake_slack: the Web API subset, hooks and Socket Mode, answering as Slack does.
#include "tests/fakes/fake_slack.hpp"

#include <algorithm>

namespace openfloor::testing {
namespace {

fake_reply json_reply(const nlohmann::json& body) {
    fake_reply r;
    r.body = body.dump();
    return r;
}

} // namespace

fake_slack::fake_slack(asio::io_context& ioc, asio::ssl::context* tls)
    : server_(
          ioc, [this](const fake_request& req) { return answer(req); },
          [this](std::shared_ptr<fake_socket> s) { on_socket(std::move(s)); }, tls) {}

fake_reply fake_slack::rate_limited(int retry_after_seconds) {
    fake_reply r;
    r.status = 429;
    r.body = R"({"ok":false,"error":"ratelimited"})";
    r.headers = {{"Retry-After", std::to_string(retry_after_seconds)}};
    return r;
}

fake_reply fake_slack::server_error(unsigned status) {
    fake_reply r;
    r.status = status;
    r.body = "<html>upstream trouble</html>";
    r.content_type = "text/html";
    return r;
}

fake_reply fake_slack::api_error(const std::string& code) {
    return json_reply({{"ok", false}, {"error", code}});
}

void fake_slack::inject(const std::string& method, fake_reply reply, int times) {
    for (int i = 0; i < times; ++i) {
        faults_[method].push_back(reply);
    }
}

std::vector<slack_call> fake_slack::calls_to(const std::string& method) const {
    std::vector<slack_call> out;
    for (const auto& c : calls) {
        if (c.method == method) {
            out.push_back(c);
        }
    }
    return out;
}

std::vector<slack_call> fake_slack::posts_to(const std::string& channel) const {
    std::vector<slack_call> out;
    for (const auto& c : calls_to("chat.postMessage")) {
        if (c.body.is_object() && c.body.value("channel", "") == channel) {
            out.push_back(c);
        }
    }
    return out;
}

std::vector<slack_call> fake_slack::ephemerals_in(const std::string& channel) const {
    std::vector<slack_call> out;
    for (const auto& c : calls_to("chat.postEphemeral")) {
        if (c.body.is_object() && c.body.value("channel", "") == channel) {
            out.push_back(c);
        }
    }
    return out;
}

std::vector<slack_call> fake_slack::homes_of(const std::string& user) const {
    std::vector<slack_call> out;
    for (const auto& c : calls_to("views.publish")) {
        if (c.body.is_object() && c.body.value("user_id", "") == user) {
            out.push_back(c);
        }
    }
    return out;
}

fake_reply fake_slack::answer(const fake_request& req) {
    slack_call call;
    call.authorization = req.header("authorization");
    call.body = nlohmann::json::parse(req.body, nullptr, false);
    if (call.body.is_discarded()) {
        call.body = nullptr;
    }
    if (req.path.rfind("/api/", 0) == 0) {
        call.method = req.path.substr(5);
    } else {
        call.method = req.path;
    }
    calls.push_back(call);
    if (auto f = faults_.find(call.method); f != faults_.end() && !f->second.empty()) {
        fake_reply fault = f->second.front();
        f->second.pop_front();
        return fault;
    }
    if (req.path.rfind("/hooks/", 0) == 0) {
        fake_reply ok;
        ok.body = "ok";
        ok.content_type = "text/plain";
        return ok;
    }
    if (req.method != "POST") {
        fake_reply r;
        r.status = 405;
        return r;
    }
    const std::string expected =
        "Bearer " + (call.method == "apps.connections.open" ? app_token : bot_token);
    if (call.authorization != expected) {
        return json_reply({{"ok", false}, {"error", "invalid_auth"}});
    }
    return web_api(call.method, call.body);
}

fake_reply fake_slack::web_api(const std::string& method, const nlohmann::json& body) {
    const auto field = [&](const char* key) {
        return body.is_object() && body.contains(key) && body[key].is_string()
                   ? body[key].get<std::string>()
                   : std::string{};
    };
    if (method == "auth.test") {
        return json_reply({{"ok", true},
                           {"url", "https://example.slack.com/"},
                           {"team", "Example"},
                           {"user", "openfloor"},
                           {"team_id", team_id},
                           {"user_id", bot_user_id},
                           {"bot_id", bot_id}});
    }
    if (method == "apps.connections.open") {
        return json_reply({{"ok", true},
                           {"url", server_.ws_url() + "/link/?ticket=t-" +
                                       std::to_string(sockets.size() + 1) + "&app_id=A0123ABCD"}});
    }
    if (method == "chat.postMessage") {
        std::string channel = field("channel");
        if (channel.empty() || (!body.contains("text") && !body.contains("blocks"))) {
            return json_reply({{"ok", false}, {"error", channel.empty() ? "channel_not_found" : "no_text"}});
        }
        if (channel.rfind('U', 0) == 0) {
            channel = "D" + channel.substr(1); // a bot posting to a user id lands in their DM
        }
        const std::string ts = "1700001000." + std::to_string(100000 + next_ts_++).substr(0, 6);
        return json_reply({{"ok", true},
                           {"channel", channel},
                           {"ts", ts},
                           {"message", {{"type", "message"}, {"bot_id", bot_id}, {"ts", ts}}}});
    }
    if (method == "chat.update" || method == "chat.delete") {
        return json_reply({{"ok", true}, {"channel", field("channel")}, {"ts", field("ts")}});
    }
    if (method == "chat.postEphemeral") {
        if (field("channel").empty() || field("user").empty()) {
            return json_reply({{"ok", false}, {"error", "channel_not_found"}});
        }
        return json_reply({{"ok", true}, {"message_ts", "1700002000.000100"}});
    }
    if (method == "views.publish") {
        // Slack's checks: a user, and a view of type "home" with blocks (at most 100).
        const bool home = body.is_object() && body.contains("view") && body["view"].is_object() &&
                          body["view"].value("type", "") == "home" &&
                          body["view"].contains("blocks") && body["view"]["blocks"].is_array() &&
                          body["view"]["blocks"].size() <= 100;
        if (field("user_id").empty() || !home) {
            return json_reply({{"ok", false}, {"error", "invalid_arguments"}});
        }
        return json_reply({{"ok", true}, {"view", {{"id", "V0HOME0001"}, {"type", "home"}}}});
    }
    if (method == "conversations.open") {
        return json_reply({{"ok", true}, {"channel", {{"id", "D" + field("users").substr(1)}}}});
    }
    if (method == "views.open") {
        return open_view(body);
    }
    if (method == "views.open" || method == "views.publish") {
        return json_reply({{"ok", true}, {"view", {{"id", "V0123ABCD"}, {"hash", "1.x"}}}});
    }
    return json_reply({{"ok", false}, {"error", "unknown_method"}});
}

void fake_slack::on_socket(std::shared_ptr<fake_socket> socket) {
    socket->on_message = [this](const std::string& text) {
        auto frame = nlohmann::json::parse(text, nullptr, false);
        if (frame.is_object() && frame.contains("envelope_id") && frame["envelope_id"].is_string()) {
            acks_[frame["envelope_id"].get<std::string>()] = frame;
        }
    };
    sockets.push_back(socket);
    if (send_hello) {
        socket->send(nlohmann::json{{"type", "hello"},
                                    {"num_connections", static_cast<int>(open_sockets())},
                                    {"debug_info",
                                     {{"host", "applink-1"},
                                      {"build_number", 10},
                                      {"approximate_connection_time", 18060}}},
                                    {"connection_info", {{"app_id", "A0123ABCD"}}}}
                         .dump());
    }
}

std::shared_ptr<fake_socket> fake_slack::newest_socket() const {
    for (auto it = sockets.rbegin(); it != sockets.rend(); ++it) {
        if ((*it)->open) {
            return *it;
        }
    }
    return nullptr;
}

std::size_t fake_slack::open_sockets() const {
    return static_cast<std::size_t>(std::count_if(
        sockets.begin(), sockets.end(), [](const auto& s) { return s->open; }));
}

std::string fake_slack::push(const std::string& type, const nlohmann::json& payload,
                             bool accepts_response_payload) {
    auto socket = newest_socket();
    return socket ? push_on(*socket, type, payload, accepts_response_payload) : std::string{};
}

std::string fake_slack::push_on(fake_socket& socket, const std::string& type,
                                const nlohmann::json& payload, bool accepts_response_payload) {
    const std::string id = "e1a2b3c4-0000-4000-8000-" + std::to_string(100000000000 + next_envelope_++);
    nlohmann::json envelope{{"envelope_id", id},
                            {"type", type},
                            {"accepts_response_payload", accepts_response_payload},
                            {"payload", payload}};
    if (type == "events_api") {
        envelope["retry_attempt"] = 0;
        envelope["retry_reason"] = "";
    }
    socket.send(envelope.dump());
    return id;
}

std::optional<nlohmann::json> fake_slack::ack_for(const std::string& envelope_id) const {
    auto it = acks_.find(envelope_id);
    return it == acks_.end() ? std::nullopt : std::optional<nlohmann::json>(it->second);
}

std::size_t fake_slack::acks() const { return acks_.size(); }

void fake_slack::disconnect(fake_socket& socket, const std::string& reason) {
    socket.send(nlohmann::json{{"type", "disconnect"},
                               {"reason", reason},
                               {"debug_info", {{"host", "applink-1"}}}}
                    .dump());
}

nlohmann::json fake_slack::dm_event(const std::string& user, const std::string& channel,
                                    const std::string& text, const std::string& event_id,
                                    const std::string& ts) const {
    return {{"token", "XXYYZZ"},
            {"team_id", team_id},
            {"api_app_id", "A0123ABCD"},
            {"event",
             {{"type", "message"},
              {"channel", channel},
              {"user", user},
              {"text", text},
              {"ts", ts},
              {"event_ts", ts},
              {"channel_type", "im"},
              {"client_msg_id", "5f0c3d2e-1111-4222-8333-" + event_id},
              {"team", team_id}}},
            {"type", "event_callback"},
            {"event_id", event_id},
            {"event_time", 1700000000},
            {"authorizations",
             {{{"enterprise_id", nullptr},
               {"team_id", team_id},
               {"user_id", bot_user_id},
               {"is_bot", true},
               {"is_enterprise_install", false}}}},
            {"is_ext_shared_channel", false},
            {"event_context", "4-eyJldCI6Im1lc3NhZ2UifQ"}};
}

nlohmann::json fake_slack::thread_reply_event(const std::string& user, const std::string& channel,
                                              const std::string& thread_ts, const std::string& text,
                                              const std::string& event_id) const {
    auto e = dm_event(user, channel, text, event_id, "1700009999.000400");
    e["event"]["channel_type"] = "channel";
    e["event"]["thread_ts"] = thread_ts;
    e["event"]["parent_user_id"] = bot_user_id;
    return e;
}

nlohmann::json fake_slack::home_opened_event(const std::string& user, const std::string& event_id,
                                             const std::string& tab) const {
    auto e = dm_event(user, "D" + user.substr(1), "", event_id);
    e["event"] = {{"type", "app_home_opened"},
                  {"user", user},
                  {"channel", "D" + user.substr(1)},
                  {"tab", tab},
                  {"event_ts", "1700000000.000200"}};
    return e;
}

nlohmann::json fake_slack::slash_command(const std::string& user, const std::string& channel,
                                         const std::string& text) const {
    return {{"token", "XXYYZZ"},
            {"team_id", team_id},
            {"team_domain", "example"},
            {"channel_id", channel},
            {"channel_name", "eng"},
            {"user_id", user},
            {"user_name", "someone"},
            {"command", "/openfloor"},
            {"text", text},
            {"api_app_id", "A0123ABCD"},
            {"is_enterprise_install", "false"},
            {"response_url", hook_url("commands/" + user)},
            {"trigger_id", "1.2.x"}};
}

nlohmann::json fake_slack::button_click(const std::string& user, const std::string& channel,
                                        const std::string& action_id, const std::string& value) const {
    return {{"type", "block_actions"},
            {"user", {{"id", user}, {"username", "someone"}, {"name", "someone"}, {"team_id", team_id}}},
            {"api_app_id", "A0123ABCD"},
            {"token", "XXYYZZ"},
            {"container",
             {{"type", "message"},
              {"message_ts", "1700000100.000200"},
              {"channel_id", channel},
              {"is_ephemeral", false}}},
            {"trigger_id", "1234567890123.1234567890.abcdef"},
            {"team", {{"id", team_id}, {"domain", "example"}}},
            {"enterprise", nullptr},
            {"is_enterprise_install", false},
            {"channel", {{"id", channel}, {"name", "directmessage"}}},
            {"message",
             {{"type", "message"}, {"user", bot_user_id}, {"ts", "1700000100.000200"},
              {"bot_id", bot_id}, {"text", "Preview"}, {"team", team_id}, {"blocks", nlohmann::json::array()}}},
            {"state", {{"values", nlohmann::json::object()}}},
            {"response_url", hook_url("actions/" + user)},
            {"actions",
             {{{"action_id", action_id},
               {"block_id", "of_preview_actions"},
               {"text", {{"type", "plain_text"}, {"text", "Button"}, {"emoji", true}}},
               {"value", value},
               {"type", "button"},
               {"action_ts", "1700000105.123456"}}}}};
}

} // namespace openfloor::testing

namespace openfloor::testing {
namespace {

std::string text_of(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object() || !it->contains("text") ||
        !(*it)["text"].is_string()) {
        return {};
    }
    return (*it)["text"].get<std::string>();
}

// §A4: what Slack checks before it shows a modal (it answers invalid_arguments otherwise).
bool valid_modal(const nlohmann::json& view) {
    if (!view.is_object() || view.value("type", "") != "modal" || !view.contains("blocks") ||
        !view["blocks"].is_array() || view["blocks"].size() > 100) {
        return false;
    }
    const std::string title = text_of(view, "title");
    if (title.empty() || title.size() > 24 || text_of(view, "close").size() > 24 ||
        text_of(view, "submit").size() > 24) {
        return false;
    }
    if (view.value("callback_id", "").size() > 255 ||
        view.value("private_metadata", "").size() > 3000) {
        return false;
    }
    for (const auto& block : view["blocks"]) {
        if (!block.is_object()) {
            return false;
        }
        if (block.value("type", "") == "input" && text_of(view, "submit").empty()) {
            return false; // a modal with inputs needs a submit button
        }
        if (block.value("type", "") == "section" && text_of(block, "text").size() > 3000) {
            return false;
        }
    }
    return true;
}

} // namespace

fake_reply fake_slack::open_view(const nlohmann::json& body) {
    const auto trigger = body.is_object() ? body.value("trigger_id", "") : std::string{};
    if (trigger.empty() || !body.contains("view") || !valid_modal(body["view"])) {
        return json_reply({{"ok", false}, {"error", "invalid_arguments"}});
    }
    opened_view v;
    v.id = "V0VIEW" + std::to_string(100000 + next_view_++);
    v.trigger_id = trigger;
    v.view = body["view"];
    views.push_back(v);
    nlohmann::json answered = v.view;
    answered["id"] = v.id;
    answered["team_id"] = team_id;
    answered["hash"] = "1700000000." + v.id;
    answered["state"] = {{"values", nlohmann::json::object()}};
    answered["app_id"] = "A0123ABCD";
    answered["bot_id"] = bot_id;
    return json_reply({{"ok", true}, {"view", answered}});
}

nlohmann::json fake_slack::view_submission(const std::string& user, const opened_view& v,
                                           const std::map<std::string, std::string>& inputs) const {
    nlohmann::json values = nlohmann::json::object();
    for (const auto& block : v.view.value("blocks", nlohmann::json::array())) {
        if (block.value("type", "") != "input" || !block.contains("element")) {
            continue;
        }
        const auto& element = block["element"];
        const std::string action = element.value("action_id", "");
        const std::string type = element.value("type", "");
        const auto given = inputs.find(action);
        nlohmann::json state{{"type", type}};
        if (type == "plain_text_input") {
            state["value"] = given == inputs.end() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(given->second);
        } else {
            nlohmann::json picked = nullptr;
            if (given != inputs.end()) {
                picked = {{"text", {{"type", "plain_text"}, {"text", given->second}}},
                          {"value", given->second}};
                for (const auto& option : element.value("options", nlohmann::json::array())) {
                    if (option.value("value", "") == given->second) {
                        picked = option; // Slack hands back the option as the view had it
                    }
                }
            }
            state["selected_option"] = picked;
        }
        values[block.value("block_id", "")][action] = state;
    }
    nlohmann::json view = v.view;
    view["id"] = v.id;
    view["team_id"] = team_id;
    view["hash"] = "1700000000." + v.id;
    view["state"] = {{"values", values}};
    return {{"type", "view_submission"},
            {"team", {{"id", team_id}, {"domain", "example"}}},
            {"user", {{"id", user}, {"username", "someone"}, {"name", "someone"}, {"team_id", team_id}}},
            {"api_app_id", "A0123ABCD"},
            {"token", "XXYYZZ"},
            {"trigger_id", "2222222222222.1234567890.fedcba"},
            {"view", view},
            {"response_urls", nlohmann::json::array()},
            {"is_enterprise_install", false}};
}

} // namespace openfloor::testing
