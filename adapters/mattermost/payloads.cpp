// Slash commands, action callbacks and REST answers from Mattermost (platforms.md §B1, §B4, §B5,
// §C6, §C7) into the structs of payloads.hpp. Bad input is error::malformed_payload, never a throw.
#include "adapters/mattermost/payloads.hpp"

#include "adapters/mattermost/json_read.hpp"
#include "adapters/transport/form.hpp"
#include "bot/text_rules.hpp"

#include <array>
#include <optional>
#include <utility>

namespace openfloor::mattermost {
namespace {

using detail::json;
using detail::member;
using detail::read;

// Each form key and where it lands (§B4: Go sorts them, but nothing here depends on the order).
using command_field = std::pair<const char*, std::string slash_command::*>;
constexpr std::array<command_field, 11> command_fields{{
    {"channel_id", &slash_command::channel_id},
    {"channel_name", &slash_command::channel_name},
    {"command", &slash_command::command},
    {"response_url", &slash_command::response_url},
    {"team_domain", &slash_command::team_domain},
    {"team_id", &slash_command::team_id},
    {"text", &slash_command::text},
    {"token", &slash_command::token},
    {"trigger_id", &slash_command::trigger_id},
    {"user_id", &slash_command::user_id},
    {"user_name", &slash_command::user_name},
}};

} // namespace

void from_json(const json& j, action_callback& out) {
    read(j, "user_id", out.user_id);
    read(j, "user_name", out.user_name);
    read(j, "channel_id", out.channel_id);
    read(j, "team_id", out.team_id); // "" in DMs
    read(j, "post_id", out.post_id);
    read(j, "trigger_id", out.trigger_id);
    read(j, "type", out.type);
    const json& context = member(j, "context");
    read(context, context_key::action, out.action);
    read(context, context_key::ref, out.ref);
    read(context, context_key::sig, out.sig);
    read(context, "selected_option", out.selected_option);
}

void from_json(const json& j, user& out) {
    read(j, "id", out.id);
    read(j, "username", out.username);
    read(j, "is_bot", out.is_bot);
}

void from_json(const json& j, channel& out) {
    read(j, "id", out.id);
    read(j, "type", out.type);
    read(j, "name", out.name);
}

boost::system::result<slash_command> decode_slash_command(std::string_view form) {
    const auto fields = transport::payload::decode_form(form);
    if (!fields) {
        return error::malformed_payload;
    }
    slash_command out;
    for (const auto& [key, field] : command_fields) {
        // find_field gives the first value, so a repeated key cannot override an earlier one.
        if (const std::string* value = transport::payload::find_field(*fields, key)) {
            out.*field = *value;
        }
    }
    // Without a command and the person who typed it there is nothing to answer.
    if (out.command.empty() || out.user_id.empty()) {
        return error::malformed_payload;
    }
    return out;
}

boost::system::result<action_callback> decode_action_callback(std::string_view json_text) {
    auto decoded = detail::decode<action_callback>(
        json_text, [](const json& doc) { return doc.get<action_callback>(); });
    if (decoded && (decoded->user_id.empty() || decoded->channel_id.empty())) {
        return error::malformed_payload; // a click by nobody, or nowhere, cannot be checked
    }
    return decoded;
}

boost::system::result<user> decode_user(std::string_view json_text) {
    auto decoded = detail::decode<user>(json_text, [](const json& doc) { return doc.get<user>(); });
    if (decoded && decoded->id.empty()) {
        return error::malformed_payload;
    }
    return decoded;
}

boost::system::result<channel> decode_channel(std::string_view json_text) {
    auto decoded =
        detail::decode<channel>(json_text, [](const json& doc) { return doc.get<channel>(); });
    if (decoded && decoded->id.empty()) {
        return error::malformed_payload;
    }
    return decoded;
}

namespace {

// A model.AppError has a string id; anything else (a proxy's HTML, "limit exceeded") is not one.
std::optional<api_error> read_app_error(std::string_view body) {
    json doc;
    if (!transport::payload::parse_json(body, doc, limit::max_json_depth) || !doc.is_object()) {
        return std::nullopt;
    }
    const json& id = member(doc, "id");
    if (!id.is_string()) {
        return std::nullopt;
    }
    api_error out;
    out.id = id.get<std::string>();
    detail::read_if_string(doc, "message", out.message);
    const json& status = member(doc, "status_code");
    if (status.is_number_unsigned() && status.get<std::uint64_t>() <= 999U) { // an HTTP status
        out.status_code = static_cast<int>(status.get<std::uint64_t>());
    }
    return out;
}

} // namespace

api_error decode_api_error(std::string_view body) {
    if (auto parsed = read_app_error(body)) {
        return std::move(*parsed);
    }
    api_error out;
    out.message = bot::utf8_prefix(body, 64);
    return out;
}

} // namespace openfloor::mattermost
