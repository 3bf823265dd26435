// Interactivity (platforms.md §A4, §C3): block_actions flattened to their first action, and our
// modals' view_submission, from the HTTP form's `payload` field or a socket envelope.
#include "adapters/slack/form.hpp"
#include "adapters/slack/json_read.hpp"
#include "adapters/slack/payloads.hpp"
#include "adapters/slack/protocol.hpp"

namespace openfloor::slack {
namespace {

using detail::json;
using detail::member;
using detail::read;

// Reads object[key] into `out` unless an earlier source already filled it: Slack repeats some
// fields in several places, and which ones are present depends on the surface.
void read_fallback(const json& object, std::string_view key, std::string& out) {
    if (out.empty()) {
        read(object, key, out);
    }
}

// state.values.<block>.<input>: the per-input state object of a submitted view.
const json& input_state(const json& values, std::string_view block, std::string_view input) {
    return member(member(values, block), input);
}

json selected(const std::string& value) {
    return json{{"type", "static_select"}, {"selected_option", {{"value", value}}}};
}

} // namespace

void from_json(const json& j, block_action& out) {
    const json& user = member(j, "user");
    const json& container = member(j, "container");
    read(member(j, "team"), "id", out.team_id);
    read_fallback(user, "team_id", out.team_id);
    read(user, "id", out.user_id);
    read(user, "username", out.user_name);
    read_fallback(user, "name", out.user_name);
    read(container, "type", out.container_type);
    read(container, "is_ephemeral", out.is_ephemeral);
    read(member(j, "channel"), "id", out.channel_id);
    read_fallback(container, "channel_id", out.channel_id);
    read(container, "message_ts", out.message_ts);
    read_fallback(member(j, "message"), "ts", out.message_ts);
    read(member(j, "view"), "id", out.view_id);
    read_fallback(container, "view_id", out.view_id);
    read(j, "response_url", out.response_url);
    read(j, "trigger_id", out.trigger_id);
    const json& action = detail::first_of(j, "actions");
    read(action, "action_id", out.action_id);
    read(action, "block_id", out.block_id);
    read(action, "value", out.value);
    read_fallback(member(action, "selected_option"), "value", out.value); // static_select
}

void to_json(json& j, const block_action& in) {
    json container{{"type", in.container_type}, {"is_ephemeral", in.is_ephemeral}};
    detail::put_nonempty(container, "message_ts", in.message_ts);
    detail::put_nonempty(container, "channel_id", in.channel_id);
    detail::put_nonempty(container, "view_id", in.view_id);
    j = json{{"type", payload_type::block_actions},
             {"team", {{"id", in.team_id}}},
             {"user", {{"id", in.user_id}, {"username", in.user_name}, {"team_id", in.team_id}}},
             {"container", std::move(container)},
             {"trigger_id", in.trigger_id},
             {"actions", json::array({{{"type", "button"},
                                       {"action_id", in.action_id},
                                       {"block_id", in.block_id},
                                       {"value", in.value}}})}};
    detail::put_nonempty(j, "response_url", in.response_url);
    if (!in.channel_id.empty()) {
        j["channel"] = {{"id", in.channel_id}};
    }
    if (!in.view_id.empty()) {
        j["view"] = {{"id", in.view_id}, {"type", "modal"}};
    }
}

void from_json(const json& j, view_submission& out) {
    const json& view = member(j, "view");
    read(member(j, "team"), "id", out.team_id);
    read(member(j, "user"), "id", out.user_id);
    read_fallback(member(j, "user"), "team_id", out.team_id);
    read(view, "id", out.view_id);
    read(view, "callback_id", out.callback_id);
    read(view, "private_metadata", out.private_metadata);
    const json& values = member(member(view, "state"), "values");
    read(member(input_state(values, block_id::compose_channel, input_id::compose_channel),
                "selected_option"),
         "value", out.channel_key);
    read(member(input_state(values, block_id::compose_category, input_id::compose_category),
                "selected_option"),
         "value", out.category);
    // An empty optional input arrives as "value": null; read() keeps "" for it.
    read(input_state(values, block_id::compose_body, input_id::compose_body), "value", out.text);
    read(input_state(values, block_id::answer_body, input_id::answer_body), "value", out.answer);
    read(member(input_state(values, block_id::flag_reason, input_id::flag_reason),
                "selected_option"),
         "value", out.reason);
}

void to_json(json& j, const view_submission& in) {
    json values = json::object();
    values[std::string(block_id::compose_channel)][std::string(input_id::compose_channel)] =
        selected(in.channel_key);
    values[std::string(block_id::compose_category)][std::string(input_id::compose_category)] =
        selected(in.category);
    values[std::string(block_id::compose_body)][std::string(input_id::compose_body)] =
        json{{"type", "plain_text_input"}, {"value", in.text}};
    if (!in.answer.empty()) {
        values[std::string(block_id::answer_body)][std::string(input_id::answer_body)] =
            json{{"type", "plain_text_input"}, {"value", in.answer}};
    }
    if (!in.reason.empty()) {
        values[std::string(block_id::flag_reason)][std::string(input_id::flag_reason)] =
            selected(in.reason);
    }
    j = json{{"type", payload_type::view_submission},
             {"team", {{"id", in.team_id}}},
             {"user", {{"id", in.user_id}, {"team_id", in.team_id}}},
             {"view",
              {{"id", in.view_id},
               {"type", "modal"},
               {"callback_id", in.callback_id},
               {"private_metadata", in.private_metadata},
               {"state", {{"values", std::move(values)}}}}}};
}

boost::system::result<interactive_payload> decode_interactive_json(std::string_view text) {
    return detail::decode<interactive_payload>(text, [](const json& doc) -> interactive_payload {
        std::string type;
        read(doc, "type", type);
        if (type == payload_type::block_actions) {
            return doc.get<block_action>();
        }
        if (type == payload_type::view_submission) {
            return doc.get<view_submission>();
        }
        return unknown_body{type}; // view_closed, shortcut, block_suggestion, …
    });
}

boost::system::result<interactive_payload> decode_interactive_form(std::string_view form_body) {
    const auto form = detail::decode_form(form_body);
    if (!form) {
        return form.error();
    }
    const std::string* payload = detail::find_field(*form, "payload");
    if (payload == nullptr) {
        return error::malformed_payload;
    }
    return decode_interactive_json(*payload);
}

} // namespace openfloor::slack
