// Slash commands (platforms.md §A3): the signed form body of HTTP mode and the JSON payload of a
// Socket Mode slash_commands envelope, both into one struct.
#include "adapters/slack/form.hpp"
#include "adapters/slack/json_read.hpp"
#include "adapters/slack/payloads.hpp"

#include <array>

namespace openfloor::slack {
namespace {

using detail::json;

// Each field's key and where it lands; one table serves the form, JSON in and JSON out.
using field = std::pair<const char*, std::string slash_command::*>;
constexpr std::array<field, 9> fields{{
    {"team_id", &slash_command::team_id},
    {"channel_id", &slash_command::channel_id},
    {"channel_name", &slash_command::channel_name},
    {"user_id", &slash_command::user_id},
    {"command", &slash_command::command},
    {"text", &slash_command::text},
    {"response_url", &slash_command::response_url},
    {"trigger_id", &slash_command::trigger_id},
    {"api_app_id", &slash_command::api_app_id},
}};

// Without a command and the person who typed it there is nothing to answer.
boost::system::result<slash_command> checked(slash_command c) {
    if (c.command.empty() || c.user_id.empty()) {
        return error::malformed_payload;
    }
    return c;
}

} // namespace

void from_json(const json& j, slash_command& out) {
    for (const auto& [key, member] : fields) {
        detail::read(j, key, out.*member);
    }
}

void to_json(json& j, const slash_command& in) {
    j = json::object();
    for (const auto& [key, member] : fields) {
        j[key] = in.*member;
    }
}

boost::system::result<slash_command> decode_slash_command_form(std::string_view form_body) {
    auto form = detail::decode_form(form_body);
    if (!form) {
        return form.error();
    }
    slash_command out;
    for (const auto& [key, member] : fields) {
        if (const std::string* value = detail::find_field(*form, key)) {
            out.*member = *value;
        }
    }
    return checked(std::move(out));
}

boost::system::result<slash_command> decode_slash_command_json(std::string_view text) {
    auto decoded = detail::decode<slash_command>(
        text, [](const json& doc) { return doc.get<slash_command>(); });
    if (!decoded) {
        return decoded.error();
    }
    return checked(std::move(*decoded));
}

bool is_ssl_check(std::string_view form_body) {
    const auto form = detail::decode_form(form_body);
    if (!form) {
        return false;
    }
    const std::string* value = detail::find_field(*form, "ssl_check");
    return value != nullptr && *value == "1";
}

} // namespace openfloor::slack
