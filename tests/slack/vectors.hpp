// Slack's signed test vectors (platforms.md §A1 and PART C), byte for byte, shared by the tests.
#pragma once

#include <string_view>

namespace openfloor::slack::vectors {

// §A1: Slack's documented example (python-slack-sdk and bolt-js use it too).
inline constexpr std::string_view documented_secret = "8f742231b10e8888abcd99yyyzzz85a5";
inline constexpr std::string_view documented_timestamp = "1531420618";
inline constexpr std::string_view documented_body =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id="
    "G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
    "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%"
    "2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121."
    "803a0bc887a14d10d2c447fce8b6703c";
inline constexpr std::string_view documented_signature =
    "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

// PART C: the secret and timestamp of C1–C3.
inline constexpr std::string_view secret = "8f742231b10e8888abcd99yyyzzz85a5";
inline constexpr std::string_view timestamp = "1700000000";

inline constexpr std::string_view c1_body =
    R"({"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"})";
inline constexpr std::string_view c1_signature =
    "v0=76c303eba32e8ec5639c84f822b2c64cdb1ea7e94fdd6d7b0b958d8e40c0959f";

inline constexpr std::string_view c2_body =
    R"({"token":"XXYYZZ","team_id":"T0123ABCD","api_app_id":"A0123ABCD","event":{"type":"message","channel":"D0123ABCD","user":"U0123ABCD","text":"The Q3 totals are off by 10% &amp; nobody noticed <!here>","ts":"1700000000.000100","event_ts":"1700000000.000100","channel_type":"im","client_msg_id":"5f0c3d2e-1111-4222-8333-944445555666","team":"T0123ABCD"},"type":"event_callback","event_id":"Ev0123ABCD","event_time":1700000000,"authorizations":[{"enterprise_id":null,"team_id":"T0123ABCD","user_id":"U0BOT0001","is_bot":true,"is_enterprise_install":false}],"is_ext_shared_channel":false,"event_context":"4-eyJldCI6Im1lc3NhZ2UifQ"})";
inline constexpr std::string_view c2_signature =
    "v0=002a74b54c01d0f4bf03e94a7a81655ef7337c8fd76bc81287d0f549f41a5add";

// C3 is the JSON; the HTTP body is "payload=" + its form-urlencoding (see c3_form_body()).
inline constexpr std::string_view c3_json =
    R"({"type":"block_actions","user":{"id":"U0123ABCD","username":"alice","name":"alice","team_id":"T0123ABCD"},"api_app_id":"A0123ABCD","token":"XXYYZZ","container":{"type":"message","message_ts":"1700000100.000200","channel_id":"D0123ABCD","is_ephemeral":false},"trigger_id":"1234567890123.1234567890.abcdef0123456789abcdef0123456789","team":{"id":"T0123ABCD","domain":"example"},"enterprise":null,"is_enterprise_install":false,"channel":{"id":"D0123ABCD","name":"directmessage"},"message":{"type":"message","user":"U0BOT0001","ts":"1700000100.000200","bot_id":"B0BOT0001","app_id":"A0123ABCD","text":"Preview of your anonymous post","team":"T0123ABCD","blocks":[]},"state":{"values":{}},"response_url":"https://hooks.slack.com/actions/T0123ABCD/1234567890/AbCdEfGhIjKlMnOpQrStUvWx","actions":[{"action_id":"of_confirm_post","block_id":"of_preview_actions","text":{"type":"plain_text","text":"Post anonymously","emoji":true},"value":"draft:42","style":"primary","type":"button","action_ts":"1700000105.123456"}]})";
inline constexpr std::size_t c3_form_size = 1546;
inline constexpr std::string_view c3_signature =
    "v0=26bcb1281941cd4522250dfbc059d1e64fc5b6ad779c98dfe448f3de6f5ddf55";

// C4: the Socket Mode frames fake Slack sends.
inline constexpr std::string_view c4_hello =
    R"({"type":"hello","num_connections":1,"debug_info":{"host":"applink-1","build_number":10,"approximate_connection_time":18060},"connection_info":{"app_id":"A0123ABCD"}})";
inline constexpr std::string_view c4_envelope_id_1 = "e1a2b3c4-0000-4000-8000-000000000001";
inline constexpr std::string_view c4_slash_envelope =
    R"({"envelope_id":"e1a2b3c4-0000-4000-8000-000000000002","type":"slash_commands","accepts_response_payload":true,"payload":{"token":"XXYYZZ","team_id":"T0123ABCD","team_domain":"example","channel_id":"C0123CHAN","channel_name":"eng","user_id":"U0123ABCD","user_name":"alice","command":"/openfloor","text":"#eng question Why?","api_app_id":"A0123ABCD","is_enterprise_install":"false","response_url":"https://hooks.slack.com/commands/T0123ABCD/1/x","trigger_id":"1.2.x"}})";
inline constexpr std::string_view c4_disconnect =
    R"({"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-1"}})";

} // namespace openfloor::slack::vectors
