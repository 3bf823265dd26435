// fake_mattermost: the REST routes, the post store and the websocket, answering as Mattermost
// does (platforms.md PART B). Error ids, validation limits and the reconnect rules follow the
// server's source: api4/post.go, model/post.go, api4/websocket.go and platform/web_conn.go.
#include "tests/fakes/fake_mattermost.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string_view>

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

constexpr std::string_view api_prefix = "/api/v4";
constexpr std::size_t dead_queue_size = 128;      // platform/web_conn.go deadQueueSize
constexpr std::size_t message_max_runes = 16'383; // §B2
constexpr std::size_t props_max_runes = 8'000;    // §B2
constexpr std::size_t since_max_posts = 1'000;    // §B2
constexpr const char* trigger_id = "aGVsbG8=";    // §C6/§C7

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::size_t runes(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; // not a continuation byte
    }));
}

std::string string_field(const json& j, const char* key) {
    if (j.is_object()) {
        auto it = j.find(key);
        if (it != j.end() && it->is_string()) {
            return it->get<std::string>();
        }
    }
    return {};
}

std::int64_t int_field(const json& j, const char* key) {
    if (j.is_object()) {
        auto it = j.find(key);
        if (it != j.end() && it->is_number_integer()) {
            return it->get<std::int64_t>();
        }
    }
    return 0;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

std::map<std::string, std::string> parse_query(const std::string& target) {
    std::map<std::string, std::string> out;
    auto url = boost::urls::parse_origin_form(target);
    if (!url) {
        return out;
    }
    for (const auto& param : url->params()) {
        out.emplace(param.key, param.value); // the first value of a key wins, as in Go
    }
    return out;
}

// Accepts "Bearer <t>" and "Token <t>", either case, as ParseAuthTokenFromRequest does (§B1).
std::string token_of(const std::string& authorization) {
    if (authorization.size() > 7 && lower(authorization.substr(0, 7)) == "bearer ") {
        return authorization.substr(7);
    }
    if (authorization.size() > 6 && lower(authorization.substr(0, 6)) == "token ") {
        return authorization.substr(6);
    }
    return {};
}

std::string relative(const std::string& path) {
    return path.starts_with(api_prefix) ? path.substr(api_prefix.size()) : path;
}

bool path_matches(const std::string& pattern, const std::string& path, bool exact) {
    const std::string rel = relative(path);
    if (exact) {
        return path == pattern || rel == pattern;
    }
    return path.starts_with(pattern) || rel.starts_with(pattern);
}

bool method_matches(const std::string& pattern, const std::string& method) {
    return pattern == "*" || pattern == method;
}

std::vector<std::string> segments(const std::string& rel) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= rel.size()) {
        const std::size_t slash = rel.find('/', start);
        const std::size_t end = slash == std::string::npos ? rel.size() : slash;
        out.push_back(rel.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

fake_reply json_reply(unsigned status, const json& body) {
    fake_reply r;
    r.status = status;
    r.body = body.dump();
    return r;
}

json broadcast_for(const std::string& user_id, const std::string& channel_id) {
    return {{"omit_users", nullptr}, {"user_id", user_id},  {"channel_id", channel_id},
            {"team_id", ""},         {"connection_id", ""}, {"omit_connection_id", ""}};
}

// Every props.attachments[].actions[] object, mutable.
std::vector<json*> actions_in(json& props) {
    std::vector<json*> out;
    auto attachments = props.find("attachments");
    if (attachments == props.end() || !attachments->is_array()) {
        return out;
    }
    for (auto& attachment : *attachments) {
        auto actions = attachment.is_object() ? attachment.find("actions") : attachment.end();
        if (!attachment.is_object() || actions == attachment.end() || !actions->is_array()) {
            continue;
        }
        for (auto& action : *actions) {
            if (action.is_object()) {
                out.push_back(&action);
            }
        }
    }
    return out;
}

bool is_hex_colour(const std::string& s) {
    return (s.size() == 7 || s.size() == 4) && s[0] == '#' &&
           std::all_of(s.begin() + 1, s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

// model.PostAction.IsValid on current servers.
bool valid_action(const json& action) {
    static const std::array<std::string, 6> styles{"default", "primary", "success",
                                                   "good",    "warning", "danger"};
    const std::string style = string_field(action, "style");
    const std::string type = string_field(action, "type");
    const json integration = action.value("integration", json{});
    const std::string url = string_field(integration, "url");
    const bool url_ok = url.starts_with("http://") || url.starts_with("https://") ||
                        url.starts_with("/plugins/") || url.starts_with("plugins/");
    return !string_field(action, "name").empty() &&
           (style.empty() || std::find(styles.begin(), styles.end(), style) != styles.end() ||
            is_hex_colour(style)) &&
           (type == "button" || type == "select") && integration.is_object() && url_ok;
}

// What clients see of a post: integrations (url and context) stay on the server (§B5).
json client_copy(json post, bool legacy_parent_id) {
    if (post.contains("props") && post["props"].is_object()) {
        for (json* action : actions_in(post["props"])) {
            action->erase("integration");
        }
    }
    if (legacy_parent_id) {
        post["parent_id"] = post.value("root_id", "");
    }
    return post;
}

bool routable_id(const std::string& id) {
    return !id.empty() &&
           std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isalnum(c); });
}

} // namespace

// ---------------------------------------------------------------- construction, ids, time

fake_mattermost::fake_mattermost(asio::io_context& ioc, asio::ssl::context* tls)
    : ioc_(ioc)
    , server_(
          ioc, [this](const fake_request& req) { return answer(req); },
          [this](std::shared_ptr<fake_socket> s) { on_socket(std::move(s)); }, tls) {
    server_.set_upgrade_check([this](const fake_request& req) { return check_upgrade(req); });
    users_[bot_user_id] = bot_username;
    users_[alice_id] = "alice";
}

fake_mattermost::~fake_mattermost() {
    for (auto& [key, client] : clients_) {
        client->socket->on_message = nullptr;
        client->socket->on_close = nullptr;
    }
}

std::string fake_mattermost::new_id() {
    // model.NewId: 16 random bytes in base32 with this alphabet, cut to 26 characters. Ours are
    // pseudo-random from a fixed seed (splitmix64), so runs repeat.
    static constexpr std::string_view alphabet = "ybndrfg8ejkmcpqxot1uwisza345h769";
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t half = 0; half < 2; ++half) {
        std::uint64_t z = (id_state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        z ^= z >> 31U;
        for (std::size_t i = 0; i < 8; ++i) {
            bytes[half * 8 + i] = static_cast<std::uint8_t>(z >> (8U * i));
        }
    }
    std::string out;
    std::uint32_t bits = 0;
    unsigned count = 0;
    for (std::uint8_t b : bytes) {
        bits = ((bits << 8U) | b) & 0xFFFFU;
        count += 8;
        while (count >= 5) {
            count -= 5;
            out.push_back(alphabet[(bits >> count) & 31U]);
        }
    }
    out.push_back(alphabet[(bits << (5U - count)) & 31U]); // 128 bits: 25 full, 1 partial
    return out;
}

std::int64_t fake_mattermost::now_ms() {
    const auto wall = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch() + clock_skew)
                          .count();
    last_ms_ = std::max<std::int64_t>(last_ms_ + 1, wall);
    return last_ms_;
}

bool fake_mattermost::is_valid_id(const std::string& id) {
    return id.size() == 26 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
               return std::islower(c) || std::isdigit(c);
           });
}

// ---------------------------------------------------------------- people and channels

void fake_mattermost::add_user(const std::string& id, const std::string& username) {
    users_[id] = username;
}

std::string fake_mattermost::add_user(const std::string& username) {
    std::string id = new_id();
    users_[id] = username;
    return id;
}

std::string fake_mattermost::username_of(const std::string& user_id) const {
    auto it = users_.find(user_id);
    return it != users_.end() ? it->second : "user-" + user_id.substr(0, 6);
}

void fake_mattermost::add_channel(mm_channel c) {
    const std::string id = c.id;
    channels_[id] = std::move(c);
}

mm_channel fake_mattermost::channel(const std::string& channel_id) const {
    auto it = channels_.find(channel_id);
    if (it != channels_.end()) {
        return it->second;
    }
    return mm_channel{channel_id, "O", channel_id, channel_id, team_id};
}

std::string fake_mattermost::dm_channel_of(const std::string& user_id) const {
    const std::string name = std::min(user_id, bot_user_id) + "__" + std::max(user_id, bot_user_id);
    for (const auto& [id, c] : channels_) {
        if (c.type == "D" && c.name == name) {
            return id;
        }
    }
    return {};
}

std::string fake_mattermost::open_dm(const std::string& user_id) {
    if (std::string existing = dm_channel_of(user_id); !existing.empty()) {
        return existing;
    }
    mm_channel c;
    c.id = new_id();
    c.type = "D";
    c.name = std::min(user_id, bot_user_id) + "__" + std::max(user_id, bot_user_id);
    add_channel(c);
    return c.id;
}

json fake_mattermost::user_json(const std::string& id) const {
    const bool bot = id == bot_user_id;
    const std::string name = username_of(id);
    return {{"id", id},
            {"create_at", 1700000000000},
            {"update_at", 1700000000000},
            {"delete_at", 0},
            {"username", name},
            {"auth_data", ""},
            {"auth_service", ""},
            {"email", name + "@example.com"},
            {"nickname", ""},
            {"first_name", ""},
            {"last_name", ""},
            {"position", ""},
            {"roles", "system_user"},
            {"locale", "en"},
            {"timezone",
             {{"automaticTimezone", ""}, {"manualTimezone", ""}, {"useAutomaticTimezone", "true"}}},
            {"is_bot", bot},
            {"bot_description", bot ? "Anonymous posts" : ""},
            {"disable_welcome_email", false}};
}

json fake_mattermost::channel_json(const mm_channel& c) const {
    return {{"id", c.id},
            {"create_at", 1700000000000},
            {"update_at", 1700000000000},
            {"delete_at", 0},
            {"team_id", c.team_id},
            {"type", c.type},
            {"display_name", c.display_name},
            {"name", c.name},
            {"header", ""},
            {"purpose", ""},
            {"last_post_at", 0},
            {"total_msg_count", 0},
            {"extra_update_at", 0},
            {"creator_id", ""}};
}

// ---------------------------------------------------------------- recording and faults

std::vector<mm_call> fake_mattermost::calls_to(const std::string& method,
                                               const std::string& path_prefix) const {
    std::vector<mm_call> out;
    for (const auto& c : calls) {
        if (method_matches(method, c.method) && path_matches(path_prefix, c.path, false)) {
            out.push_back(c);
        }
    }
    return out;
}

void fake_mattermost::inject(const std::string& method, const std::string& path_prefix,
                             fake_reply reply, int times) {
    faults_.push_back(fault{method, path_prefix, false, std::move(reply), times});
}

void fake_mattermost::inject_exact(const std::string& method, const std::string& path,
                                   fake_reply reply, int times) {
    faults_.push_back(fault{method, path, true, std::move(reply), times});
}

std::optional<fake_reply> fake_mattermost::take_fault(const std::string& method,
                                                      const std::string& path) {
    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
        if (it->left > 0 && method_matches(it->method, method) &&
            path_matches(it->path, path, it->exact)) {
            fake_reply reply = it->reply;
            if (--it->left == 0) {
                faults_.erase(it);
            }
            return reply;
        }
    }
    return std::nullopt;
}

fake_reply fake_mattermost::rate_limited(int retry_after_seconds) {
    fake_reply r;
    r.status = 429;
    r.body = "limit exceeded";
    r.content_type = "text/plain; charset=utf-8";
    const std::string seconds = std::to_string(retry_after_seconds);
    r.headers = {{"X-Ratelimit-Limit", "100"},
                 {"X-Ratelimit-Remaining", "0"},
                 {"X-Ratelimit-Reset", seconds},
                 {"Retry-After", seconds}};
    return r;
}

fake_reply fake_mattermost::server_error(unsigned status) {
    if (status == 500) {
        return app_error(500, "app.internal_error", "We encountered an internal error.");
    }
    fake_reply r;
    r.status = status;
    r.content_type = "text/html";
    r.body = "<html>\r\n<head><title>" + std::to_string(status) +
             " Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>" +
             std::to_string(status) +
             "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
             "</html>\r\n";
    return r;
}

fake_reply fake_mattermost::app_error(unsigned status, const std::string& id,
                                      const std::string& message) {
    return json_reply(status, {{"id", id},
                               {"message", message.empty() ? id : message},
                               {"detailed_error", ""},
                               {"request_id", "fakerequestid00000000000000"},
                               {"status_code", status}});
}

fake_reply fake_mattermost::reset() {
    fake_reply r;
    r.reset = true;
    return r;
}

fake_reply fake_mattermost::stall(std::chrono::milliseconds d) {
    fake_reply r;
    r.delay = d;
    return r;
}

mm_call fake_mattermost::record(const fake_request& req) {
    mm_call call;
    call.method = req.method;
    call.target = req.target;
    call.path = req.path;
    call.authorization = req.header("authorization");
    call.body = req.body.empty() ? json(nullptr) : json::parse(req.body, nullptr, false);
    if (call.body.is_discarded()) {
        call.body = nullptr;
    }
    calls.push_back(call);
    return call;
}

// ---------------------------------------------------------------- REST

namespace {

fake_reply permission_denied() {
    return fake_mattermost::app_error(403, "api.context.permissions.app_error",
                                      "You do not have the appropriate permissions.");
}

fake_reply bad_body(const std::string& what) {
    return fake_mattermost::app_error(400, "api.context.invalid_body_param.app_error",
                                      "Invalid or missing " + what + " in request body.");
}

fake_reply post_not_found() {
    return fake_mattermost::app_error(404, "app.post.get.app_error", "Unable to get the post.");
}

} // namespace

fake_reply fake_mattermost::answer(const fake_request& req) {
    const mm_call call = record(req);
    if (auto injected = take_fault(req.method, req.path)) {
        return *injected;
    }
    if (req.path.starts_with("/hooks/")) {
        fake_reply ok;
        ok.body = "ok";
        ok.content_type = "text/plain";
        return ok;
    }
    fake_reply reply;
    if (!req.path.starts_with(std::string(api_prefix) + "/")) {
        reply = app_error(404, "api.context.404.app_error", "Sorry, we could not find the page.");
    } else if (token_of(call.authorization) != bot_token) {
        reply = app_error(401, "api.context.session_expired.app_error",
                          "Invalid or expired session, please login again.");
    } else {
        reply = rest(req, call.body);
    }
    reply.headers.emplace_back("X-Request-Id", new_id());
    reply.headers.emplace_back("X-Version-Id", server_version);
    if (rate_limit_headers.enabled) {
        reply.headers.emplace_back("X-Ratelimit-Limit", std::to_string(rate_limit_headers.limit));
        reply.headers.emplace_back("X-Ratelimit-Remaining",
                                   std::to_string(rate_limit_headers.remaining));
        reply.headers.emplace_back("X-Ratelimit-Reset",
                                   std::to_string(rate_limit_headers.reset_seconds));
    }
    return reply;
}

fake_reply fake_mattermost::rest(const fake_request& req, const json& body) {
    const std::vector<std::string> seg = segments(relative(req.path));
    const std::string& m = req.method;
    const std::string head = seg.empty() ? std::string{} : seg[0];
    if (head == "users" && m == "GET" && seg.size() == 2) {
        return get_user(seg[1] == "me" ? bot_user_id : seg[1]);
    }
    if (head == "posts") {
        if (m == "POST" && seg.size() == 1) {
            return create_post(req, body);
        }
        if (m == "POST" && seg.size() == 2 && seg[1] == "ephemeral") {
            return create_ephemeral(body);
        }
        if (m == "PUT" && seg.size() == 3 && seg[2] == "patch") {
            return patch_post(seg[1], body);
        }
        if (m == "DELETE" && seg.size() == 2) {
            return delete_post(seg[1]);
        }
        if (m == "GET" && seg.size() == 2) {
            auto it = posts_.find(seg[1]);
            return it == posts_.end() || int_field(it->second, "delete_at") > 0
                       ? post_not_found()
                       : json_reply(200, client_copy(it->second, legacy_parent_id));
        }
    }
    if (head == "channels") {
        if (m == "POST" && seg.size() == 2 && seg[1] == "direct") {
            return create_direct(body);
        }
        if (m == "GET" && seg.size() == 3 && seg[2] == "posts") {
            return posts_since(req, seg[1]);
        }
        if (m == "GET" && seg.size() == 2) {
            return refuse_channel(seg[1]).value_or(json_reply(200, channel_json(channel(seg[1]))));
        }
        if (m == "POST" && seg.size() == 3 && seg[2] == "members") {
            return json_reply(201, {{"channel_id", seg[1]},
                                    {"user_id", string_field(body, "user_id")},
                                    {"roles", "channel_user"}});
        }
    }
    if (head == "teams" && m == "POST" && seg.size() == 3 && seg[2] == "members") {
        return json_reply(201, {{"team_id", seg[1]},
                                {"user_id", string_field(body, "user_id")},
                                {"roles", "team_user"}});
    }
    return app_error(404, "api.context.404.app_error", "Sorry, we could not find the page.");
}

fake_reply fake_mattermost::get_user(const std::string& user_id) {
    if (users_.count(user_id) == 0) {
        return app_error(404, "app.user.missing_account.const", "Unable to find the user.");
    }
    return json_reply(200, user_json(user_id));
}

std::optional<fake_reply> fake_mattermost::refuse_channel(const std::string& channel_id) const {
    if (channel_id.empty()) {
        return permission_denied();
    }
    if (unknown_channels.count(channel_id) == 0) {
        return std::nullopt;
    }
    if (unknown_channel_status == 404) {
        return app_error(404, "app.channel.get.existing.app_error",
                         "Unable to find the existing channel.");
    }
    return permission_denied(); // what a channel the bot is not a member of answers
}

// model.Post.IsValid: message and props sizes, and each button.
std::optional<fake_reply> fake_mattermost::invalid_post(const json& post) const {
    if (runes(string_field(post, "message")) > message_max_runes) {
        return app_error(400, "model.post.is_valid.msg.app_error", "Invalid Message.");
    }
    json props = post.value("props", json::object());
    if (runes(props.dump()) > props_max_runes) {
        return app_error(400, "model.post.is_valid.props.app_error", "Invalid Props.");
    }
    for (const json* action : actions_in(props)) {
        if (!valid_action(*action)) {
            return app_error(400, "model.post.is_valid.props.app_error", "Invalid Props.");
        }
    }
    return std::nullopt;
}

fake_reply fake_mattermost::create_post(const fake_request& req, const json& body) {
    if (!body.is_object()) {
        return bad_body("post");
    }
    mm_new_post p;
    p.user_id = bot_user_id;
    p.user_name = bot_username;
    p.channel_id = string_field(body, "channel_id");
    p.message = string_field(body, "message");
    p.root_id = string_field(body, "root_id");
    if (auto refused = refuse_channel(p.channel_id)) {
        return *refused;
    }
    if (body.contains("props") && body["props"].is_object()) {
        p.props = body["props"];
    }
    p.props["from_bot"] = "true"; // the server marks every post of a bot account (§B2)
    if (!p.root_id.empty()) {
        auto root = posts_.find(p.root_id);
        if (root == posts_.end() || int_field(root->second, "delete_at") > 0 ||
            !string_field(root->second, "root_id").empty()) {
            return app_error(400, "api.post.create_post.root_id.app_error",
                             "Invalid RootId parameter.");
        }
        if (string_field(root->second, "channel_id") != p.channel_id) {
            return app_error(400, "api.post.create_post.channel_root_id.app_error",
                             "Invalid ChannelId for RootId parameter.");
        }
    }
    json post = make_post(p);
    post["pending_post_id"] = string_field(body, "pending_post_id");
    if (auto bad = invalid_post(post)) {
        return *bad;
    }
    store(post);
    if (echo_bot_posts) {
        send_posted(post, parse_query(req.target)["set_online"] != "false");
    }
    return json_reply(201, client_copy(post, legacy_parent_id));
}

fake_reply fake_mattermost::patch_post(const std::string& post_id, const json& body) {
    auto it = posts_.find(post_id);
    if (it == posts_.end() || int_field(it->second, "delete_at") > 0) {
        return post_not_found();
    }
    if (string_field(it->second, "user_id") != bot_user_id) {
        return permission_denied(); // edit_others_posts is not a bot's
    }
    if (!body.is_object()) {
        return bad_body("patch");
    }
    json updated = it->second;
    const std::int64_t t = now_ms();
    if (body.contains("message") && body["message"].is_string()) {
        updated["message"] = body["message"];
        updated["edit_at"] = t;
    }
    if (body.contains("props") && body["props"].is_object()) {
        updated["props"] = body["props"];
        updated["props"]["from_bot"] = "true";
        for (json* action : actions_in(updated["props"])) {
            if (string_field(*action, "id").empty()) {
                (*action)["id"] = new_id();
            }
        }
    }
    if (body.contains("is_pinned") && body["is_pinned"].is_boolean()) {
        updated["is_pinned"] = body["is_pinned"];
    }
    updated["update_at"] = t;
    if (auto bad = invalid_post(updated)) {
        return *bad;
    }
    it->second = updated;
    if (echo_bot_posts) {
        echo("post_edited", updated);
    }
    return json_reply(200, client_copy(updated, legacy_parent_id));
}

fake_reply fake_mattermost::delete_post(const std::string& post_id) {
    auto it = posts_.find(post_id);
    if (it == posts_.end() || int_field(it->second, "delete_at") > 0) {
        return post_not_found();
    }
    if (string_field(it->second, "user_id") != bot_user_id) {
        return permission_denied();
    }
    const std::int64_t t = now_ms();
    it->second["delete_at"] = t;
    it->second["update_at"] = t;
    if (echo_bot_posts) {
        echo("post_deleted", it->second);
    }
    return json_reply(200, {{"status", "OK"}});
}

fake_reply fake_mattermost::create_ephemeral(const json& body) {
    if (!allow_ephemeral) {
        return permission_denied();
    }
    const json inner = body.is_object() ? body.value("post", json::object()) : json::object();
    const std::string user_id = string_field(body, "user_id");
    mm_new_post p;
    p.user_id = bot_user_id;
    p.channel_id = string_field(inner, "channel_id");
    p.message = string_field(inner, "message");
    p.root_id = string_field(inner, "root_id");
    p.type = "system_ephemeral"; // SendEphemeralPost sets it
    if (user_id.empty() || p.channel_id.empty()) {
        return bad_body("ephemeral post");
    }
    if (inner.contains("props") && inner["props"].is_object()) {
        p.props = inner["props"];
    }
    json post = make_post(p);
    ephemerals_.emplace_back(user_id, post);
    return json_reply(201, client_copy(post, legacy_parent_id));
}

fake_reply fake_mattermost::create_direct(const json& body) {
    const bool two_ids = body.is_array() && body.size() == 2 && body[0].is_string() &&
                         body[1].is_string() && !body[0].get<std::string>().empty() &&
                         !body[1].get<std::string>().empty();
    if (!two_ids) {
        return app_error(400, "api.context.invalid_param.app_error", "Invalid user_ids parameter.");
    }
    const std::string a = body[0].get<std::string>();
    const std::string b = body[1].get<std::string>();
    if (a != bot_user_id && b != bot_user_id) {
        return permission_denied(); // a DM between two others needs manage_system
    }
    const std::string id = open_dm(a == bot_user_id ? b : a);
    return json_reply(201, channel_json(channels_.at(id)));
}

fake_reply fake_mattermost::posts_since(const fake_request& req, const std::string& channel_id) {
    if (auto refused = refuse_channel(channel_id)) {
        return *refused;
    }
    const auto query = parse_query(req.target);
    std::optional<std::int64_t> since;
    if (auto it = query.find("since"); it != query.end()) {
        since = parse_int(it->second);
        if (!since) {
            return app_error(400, "api.context.invalid_url_param.app_error",
                             "Invalid or missing since parameter in request URL.");
        }
    }
    std::vector<const json*> found;
    for (const auto& id : by_channel_[channel_id]) {
        const json& p = posts_.at(id);
        if (!since || int_field(p, "update_at") > *since) {
            found.push_back(&p);
        }
    }
    std::sort(found.begin(), found.end(), [](const json* x, const json* y) {
        return int_field(*x, "update_at") < int_field(*y, "update_at");
    });
    if (found.size() > since_max_posts) {
        found.resize(since_max_posts);
    }
    std::sort(found.begin(), found.end(), [](const json* x, const json* y) {
        return int_field(*x, "create_at") > int_field(*y, "create_at"); // newest first
    });
    json list{{"order", json::array()},
              {"posts", json::object()},
              {"next_post_id", ""},
              {"prev_post_id", ""},
              {"has_next", false}};
    for (const json* p : found) {
        list["order"].push_back((*p)["id"]);
        list["posts"][string_field(*p, "id")] = client_copy(*p, legacy_parent_id);
    }
    return json_reply(200, list);
}

// ---------------------------------------------------------------- the post store

json fake_mattermost::make_post(const mm_new_post& p) {
    const std::int64_t t = now_ms();
    json props = p.props.is_object() ? p.props : json::object();
    for (json* action : actions_in(props)) {
        if (string_field(*action, "id").empty()) {
            (*action)["id"] = new_id(); // GenerateActionIds
        }
    }
    return {{"id", new_id()},
            {"create_at", t},
            {"update_at", t},
            {"edit_at", 0},
            {"delete_at", 0},
            {"is_pinned", false},
            {"user_id", p.user_id},
            {"channel_id", p.channel_id},
            {"root_id", p.root_id},
            {"original_id", ""},
            {"message", p.message},
            {"type", p.type},
            {"props", props},
            {"hashtags", ""},
            {"pending_post_id", ""},
            {"reply_count", 0},
            {"metadata", json::object()}};
}

void fake_mattermost::store(const json& post) {
    const std::string id = string_field(post, "id");
    const std::string root_id = string_field(post, "root_id");
    posts_[id] = post;
    by_channel_[string_field(post, "channel_id")].push_back(id);
    if (auto root = posts_.find(root_id); !root_id.empty() && root != posts_.end()) {
        // A reply touches its root, so `since` lists the root again.
        root->second["reply_count"] = int_field(root->second, "reply_count") + 1;
        root->second["update_at"] = post["create_at"];
        root->second["last_reply_at"] = post["create_at"];
    }
}

std::vector<json> fake_mattermost::posts_in(const std::string& channel_id) const {
    std::vector<json> out;
    if (auto it = by_channel_.find(channel_id); it != by_channel_.end()) {
        for (const auto& id : it->second) {
            out.push_back(posts_.at(id));
        }
    }
    return out;
}

std::optional<json> fake_mattermost::post(const std::string& post_id) const {
    auto it = posts_.find(post_id);
    return it == posts_.end() ? std::nullopt : std::optional<json>(it->second);
}

std::vector<json> fake_mattermost::ephemerals_for(const std::string& user_id) const {
    std::vector<json> out;
    for (const auto& [recipient, p] : ephemerals_) {
        if (recipient == user_id) {
            out.push_back(p);
        }
    }
    return out;
}

std::vector<mm_button> fake_mattermost::buttons_of(const std::string& post_id) const {
    std::vector<mm_button> out;
    auto it = posts_.find(post_id);
    if (it == posts_.end()) {
        return out;
    }
    json props = it->second.value("props", json::object());
    for (const json* action : actions_in(props)) {
        mm_button b;
        b.post_id = post_id;
        b.channel_id = string_field(it->second, "channel_id");
        b.id = string_field(*action, "id");
        b.name = string_field(*action, "name");
        b.type = string_field(*action, "type");
        b.style = string_field(*action, "style");
        const json integration = action->value("integration", json::object());
        b.url = string_field(integration, "url");
        b.context = integration.value("context", json::object());
        b.routable = routable_id(b.id);
        out.push_back(std::move(b));
    }
    return out;
}

std::string fake_mattermost::last_post_with_buttons(const std::string& channel_id) const {
    const auto posts = posts_in(channel_id);
    for (auto it = posts.rbegin(); it != posts.rend(); ++it) {
        const std::string id = string_field(*it, "id");
        if (int_field(*it, "delete_at") == 0 && !buttons_of(id).empty()) {
            return id;
        }
    }
    return {};
}

std::string fake_mattermost::apply_action_response(const std::string& post_id,
                                                   const json& response) {
    auto it = posts_.find(post_id);
    if (it == posts_.end() || !response.is_object()) {
        return {};
    }
    if (response.contains("update") && response["update"].is_object()) {
        // The update is a whole model.Post: an absent message is an empty one; absent props
        // keep the old ones (§B5).
        const json& update = response["update"];
        json& p = it->second;
        const std::int64_t t = now_ms();
        if (string_field(update, "message") != string_field(p, "message")) {
            p["edit_at"] = t;
        }
        p["message"] = string_field(update, "message");
        if (update.contains("props") && update["props"].is_object()) {
            const bool from_bot = string_field(p["props"], "from_bot") == "true";
            p["props"] = update["props"];
            if (from_bot) {
                p["props"]["from_bot"] = "true";
            }
        }
        p["update_at"] = t;
        if (echo_bot_posts) {
            echo("post_edited", p);
        }
    }
    return string_field(response, "ephemeral_text");
}

// ---------------------------------------------------------------- people post

std::string fake_mattermost::deliver(const mm_new_post& p) {
    mm_new_post q = p;
    if (q.user_name.empty()) {
        q.user_name = username_of(q.user_id);
    } else {
        users_.emplace(q.user_id, q.user_name);
    }
    const json post = make_post(q);
    store(post);
    send_posted(post, true);
    return string_field(post, "id");
}

std::string fake_mattermost::dm_post(const std::string& user_id, const std::string& text) {
    mm_new_post p;
    p.user_id = user_id;
    p.channel_id = open_dm(user_id);
    p.message = text;
    return deliver(p);
}

std::string fake_mattermost::thread_reply(const std::string& user_id, const std::string& user_name,
                                          const std::string& channel_id, const std::string& root_id,
                                          const std::string& text) {
    mm_new_post p;
    p.user_id = user_id;
    p.user_name = user_name;
    p.channel_id = channel_id;
    p.root_id = root_id;
    p.message = text;
    return deliver(p);
}

std::string fake_mattermost::post_in_channel(const std::string& user_id,
                                             const std::string& user_name,
                                             const std::string& channel_id,
                                             const std::string& text) {
    return thread_reply(user_id, user_name, channel_id, "", text);
}

std::string fake_mattermost::system_post(const std::string& channel_id, const std::string& type,
                                         const std::string& message, const std::string& user_id) {
    mm_new_post p;
    p.user_id = user_id.empty() ? alice_id : user_id;
    p.channel_id = channel_id;
    p.message = message;
    p.type = type;
    return deliver(p);
}

void fake_mattermost::push_posted(const std::string& post_id) {
    if (auto it = posts_.find(post_id); it != posts_.end()) {
        send_posted(it->second, true);
    }
}

// The `posted` event of §C5: data.post is the post as a JSON string.
void fake_mattermost::send_posted(const json& post, bool set_online) {
    const mm_channel c = channel(string_field(post, "channel_id"));
    const std::string author = string_field(post, "user_id");
    const std::string message = string_field(post, "message");
    const bool direct = c.type == "D";
    std::string display_name = c.display_name;
    if (direct) { // the other member, as the bot sees the channel
        const std::string first = c.name.substr(0, c.name.find("__"));
        const std::string second = c.name.substr(std::min(c.name.size(), first.size() + 2));
        display_name = "@" + username_of(first == bot_user_id ? second : first);
    }
    json data{{"channel_display_name", display_name},
              {"channel_name", c.name},
              {"channel_type", c.type},
              {"post", client_copy(post, legacy_parent_id).dump()},
              {"sender_name", "@" + username_of(author)},
              {"set_online", set_online},
              {"team_id", direct || c.type == "G" ? "" : c.team_id}};
    const bool mentioned = message.find("@" + bot_username) != std::string::npos;
    if (author != bot_user_id && (direct || mentioned)) {
        data["mentions"] = json::array({bot_user_id}).dump(); // a string, not an array
    }
    push_event("posted", data, channel_broadcast(c.id));
}

void fake_mattermost::echo(const std::string& event, const json& post) {
    json data{{"post", client_copy(post, legacy_parent_id).dump()}};
    if (event == "post_deleted") {
        data["delete_by"] = bot_user_id;
    }
    push_event(event, data, channel_broadcast(string_field(post, "channel_id")));
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

// ---------------------------------------------------------------- what Mattermost POSTs

std::map<std::string, std::string>
fake_mattermost::slash_command_fields(const std::string& user_id, const std::string& user_name,
                                      const std::string& channel_id, const std::string& text,
                                      const std::string& token) {
    const mm_channel c = channel(channel_id);
    return {{"channel_id", channel_id},
            {"channel_name", c.name},
            {"command", "/openfloor"},
            {"response_url", url() + "/hooks/commands/" + new_id()},
            {"team_domain", team_domain},
            {"team_id", team_id},
            {"text", text},
            {"token", token},
            {"trigger_id", trigger_id},
            {"user_id", user_id},
            {"user_name", user_name}};
}

// Go's url.Values.Encode: keys sorted, unreserved characters kept, space as '+'.
std::string fake_mattermost::form_encode(const std::map<std::string, std::string>& fields) {
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    std::string out;
    for (const auto& [key, value] : fields) {
        out += (out.empty() ? "" : "&") +
               boost::urls::encode(key, boost::urls::unreserved_chars, opts) + "=" +
               boost::urls::encode(value, boost::urls::unreserved_chars, opts);
    }
    return out;
}

std::string fake_mattermost::slash_command_form(const std::string& user_id,
                                                const std::string& user_name,
                                                const std::string& channel_id,
                                                const std::string& text, const std::string& token) {
    return form_encode(slash_command_fields(user_id, user_name, channel_id, text, token));
}

std::vector<std::pair<std::string, std::string>>
fake_mattermost::slash_command_headers(const std::string& token) {
    return {{"Accept", "application/json"},
            {"Authorization", "Token " + token},
            {"Content-Type", "application/x-www-form-urlencoded"}};
}

json fake_mattermost::action_callback_json(const std::string& user_id,
                                           const std::string& channel_id,
                                           const std::string& post_id, const json& context) const {
    const mm_channel c = channel(channel_id);
    const bool in_team = c.type == "O" || c.type == "P";
    return {{"user_id", user_id},
            {"user_name", username_of(user_id)},
            {"channel_id", channel_id},
            {"channel_name", c.name},
            {"team_id", in_team ? team_id : ""},
            {"team_domain", in_team ? team_domain : ""},
            {"post_id", post_id},
            {"trigger_id", trigger_id},
            {"type", "button"},
            {"data_source", ""},
            {"context", context}};
}

json fake_mattermost::click_body(const mm_button& button, const std::string& user_id) const {
    return action_callback_json(user_id, button.channel_id, button.post_id, button.context);
}

} // namespace openfloor::testing
