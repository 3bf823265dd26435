// The requests the benchmark sends, in the shapes of platforms.md: signed event_callback DM
// events (a distinct event id, author and marker each) and a signed url_verification, plus the
// names the bots, the fake Web API and the load generator must agree on.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace openfloor::bench {

namespace http = boost::beast::http;

inline constexpr std::string_view signing_secret = "bench-signing-secret-0123456789abcdef";
inline constexpr std::string_view bot_token = "xoxb-bench-bot-token";
inline constexpr std::string_view team_channel = "C0BENCHTEAM";
inline constexpr std::string_view team_id = "T0BENCH01";
inline constexpr std::string_view bot_user_id = "U0BOT0001";
inline constexpr std::string_view bot_id = "B0BOT0001";

// Where each DM's text names its event, so the fake can tell which event a channel post is for
// whatever a bot wraps around the text.
inline constexpr std::string_view marker = "ref q";

// The number in "ref q<digits>" inside a post's text.
std::optional<std::uint64_t> event_number_in(std::string_view text);

// Signed DM events from the template built once: each call only writes its number's digits
// into the copy and signs it (the load generator must not become the bottleneck).
class dm_events {
public:
    // `authors`: how many distinct people the events come from (event n is from n % authors).
    explicit dm_events(std::uint64_t authors);
    http::request<http::string_body> make(std::uint64_t n, std::string_view port_host) const;

private:
    std::uint64_t authors_;
    std::string body_;
    std::size_t event_at_ = 0, user_at_ = 0, channel_at_ = 0, text_at_ = 0, msg_at_ = 0;
};

// A signed url_verification: every peer answers it with 200, so it is the start-up probe.
http::request<http::string_body> url_verification(std::string_view port_host);

// The current Unix time in seconds as Slack writes it in X-Slack-Request-Timestamp.
std::string unix_seconds_now();

} // namespace openfloor::bench
