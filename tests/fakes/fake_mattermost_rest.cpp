// fake_mattermost_rest: the REST routes (users, posts, ephemerals, DMs, `since`), answering as
// Mattermost does (platforms.md PART B), with the error ids of the server's api4/post.go.
#include "tests/fakes/fake_mattermost.hpp"
#include "tests/fakes/fake_mattermost_detail.hpp"

#include <algorithm>

namespace openfloor::testing {
namespace {

using json = nlohmann::json;
using namespace mm_detail;

constexpr std::size_t since_max_posts = 1'000; // §B2

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
    if (head == "actions" && m == "POST" && seg.size() == 3 && seg[1] == "dialogs" &&
        seg[2] == "open") {
        return open_dialog(body);
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

} // namespace openfloor::testing
