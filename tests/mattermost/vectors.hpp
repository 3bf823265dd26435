// Mattermost's wire examples of platforms.md PART C (§C5–§C7), byte for byte, shared by the tests.
#pragma once

#include <string_view>

namespace openfloor::mattermost::vectors {

inline constexpr std::string_view bot_id = "ouqzb1gs7pbd3bt5w8mpg1xdhe";
inline constexpr std::string_view alice_id = "4xp9fdt6rjgfxm7c8e5a1bzkqo";

// §C5
inline constexpr std::string_view c5_hello =
    R"({"event":"hello","data":{"connection_id":"w3kqsyrp1pgsfq6wa9aa7hh4ar","server_version":"9.11.0.9.11.0.abc123.true"},"broadcast":{"omit_users":null,"user_id":"ouqzb1gs7pbd3bt5w8mpg1xdhe","channel_id":"","team_id":""},"seq":0})";
inline constexpr std::string_view c5_posted =
    R"({"event":"posted","data":{"channel_display_name":"@alice","channel_name":"4xp9fdt6rjgfxm7c8e5a1bzkqo__ouqzb1gs7pbd3bt5w8mpg1xdhe","channel_type":"D","post":"{\"id\":\"t1y8ds3k9tby3e5hjxqcw4pm7a\",\"create_at\":1700000000123,\"update_at\":1700000000123,\"edit_at\":0,\"delete_at\":0,\"is_pinned\":false,\"user_id\":\"4xp9fdt6rjgfxm7c8e5a1bzkqo\",\"channel_id\":\"9mm1c6eqqbrpjqhx8y6gk1gx5c\",\"root_id\":\"\",\"original_id\":\"\",\"message\":\"The Q3 totals are off by 10% @channel\",\"type\":\"\",\"props\":{},\"hashtags\":\"\",\"pending_post_id\":\"\",\"reply_count\":0,\"metadata\":{}}","sender_name":"@alice","set_online":true,"team_id":""},"broadcast":{"omit_users":null,"user_id":"","channel_id":"9mm1c6eqqbrpjqhx8y6gk1gx5c","team_id":"","connection_id":"","omit_connection_id":""},"seq":1})";

// §C6 (the form body of POST /mattermost/command)
inline constexpr std::string_view c6_command_token = "xk4zn8e3gtd3mrqc6hrmg1p5ya";
inline constexpr std::string_view c6_form =
    "channel_id=fd8kzq1mjbn3zgsk4ydw6cam3e&channel_name=town-square&command=%2Fopenfloor&"
    "response_url=https%3A%2F%2Fmattermost.example.com%2Fhooks%2Fcommands%"
    "2Fqspx8z7ms7ywdcrwkqc6jq3fbw&team_domain=acme&team_id=8s4ah3qz9jrxzc7h4y5kpmgg1e&text=%"
    "23eng+I+have+a+question+about+the+on-call+rota&token=xk4zn8e3gtd3mrqc6hrmg1p5ya&trigger_id="
    "aGVsbG8%3D&user_id=4xp9fdt6rjgfxm7c8e5a1bzkqo&user_name=alice";
inline constexpr std::string_view c6_expected_answer =
    R"({"response_type":"ephemeral","text":"Preview sent to you by DM.","skip_slack_parsing":true})";

// §C7 (its context uses the example keys op/draft of §B5, not ours: action/ref/sig)
inline constexpr std::string_view c7_action =
    R"({"user_id":"4xp9fdt6rjgfxm7c8e5a1bzkqo","user_name":"alice","channel_id":"9mm1c6eqqbrpjqhx8y6gk1gx5c","channel_name":"4xp9fdt6rjgfxm7c8e5a1bzkqo__ouqzb1gs7pbd3bt5w8mpg1xdhe","team_id":"","team_domain":"","post_id":"h5x1pz9gqtrbzc8k3d7ym4wq6e","trigger_id":"aGVsbG8=","type":"button","data_source":"","context":{"op":"post","draft":"42","sig":"<hmac>"}})";
inline constexpr std::string_view c7_expected_answer =
    R"({"update":{"message":"Posted anonymously to ~eng.","props":{}},"skip_slack_parsing":true})";

} // namespace openfloor::mattermost::vectors
