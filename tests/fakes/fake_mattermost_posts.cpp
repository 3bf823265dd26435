// fake_mattermost_posts: the post store (model.Post.IsValid, ids for buttons, replies touching
// their root, a click's update), and the posts people make, pushed to the bot as `posted`.
#include "tests/fakes/fake_mattermost.hpp"
#include "tests/fakes/fake_mattermost_detail.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace openfloor::testing {
namespace {

using json = nlohmann::json;
using namespace mm_detail;

constexpr std::size_t message_max_runes = 16'383; // §B2
constexpr std::size_t props_max_runes = 8'000;    // §B2

std::size_t runes(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; // not a continuation byte
    }));
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

bool routable_id(const std::string& id) {
    return !id.empty() &&
           std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isalnum(c); });
}

} // namespace

// ---------------------------------------------------------------- the post store

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

} // namespace openfloor::testing
