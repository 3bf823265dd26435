// fake_mattermost_payloads: what Mattermost sends the bot: the slash command's form (§B4/§C6)
// and a button click's callback (§B5/§C7).
#include "tests/fakes/fake_mattermost.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace openfloor::testing {
namespace {

using json = nlohmann::json;

// §C6. Slash commands keep the vector's; clicks get a fresh one each (issue_trigger).
constexpr const char* trigger_id = "aGVsbG8=";

} // namespace

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
                                           const std::string& post_id, const json& context) {
    const mm_channel c = channel(channel_id);
    const bool in_team = c.type == "O" || c.type == "P";
    return {{"user_id", user_id},
            {"user_name", username_of(user_id)},
            {"channel_id", channel_id},
            {"channel_name", c.name},
            {"team_id", in_team ? team_id : ""},
            {"team_domain", in_team ? team_domain : ""},
            {"post_id", post_id},
            {"trigger_id", issue_trigger(user_id, channel_id)},
            {"type", "button"},
            {"data_source", ""},
            {"context", context}};
}

json fake_mattermost::click_body(const mm_button& button, const std::string& user_id) {
    return action_callback_json(user_id, button.channel_id, button.post_id, button.context);
}

} // namespace openfloor::testing
