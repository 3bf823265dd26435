// The Mattermost REST v4 client (platforms.md §B1, §B2): JSON requests to {url}/api/v4 with the
// bot token, AppError bodies decoded, and rate limits honoured — a 429's Retry-After (or
// X-Ratelimit-Reset), and X-Ratelimit-Remaining: 0 holding further calls until the reset.
#pragma once

#include "adapters/mattermost/payloads.hpp"
#include "adapters/transport/http_client.hpp"
#include "bot/delivery.hpp"
#include "config/settings.hpp"

#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace openfloor::mattermost {

namespace asio = transport::asio;

// One call's outcome.
struct rest_call {
    bool answered = false; // an HTTP response came back (else: network error or timeout)
    unsigned status = 0;
    std::optional<std::chrono::milliseconds> retry_after;
    std::string body;
    api_error error;    // decoded when the status is not 2xx
    std::string reason; // a short code for logs: "timeout", "http_503", an AppError id, …

    bool ok() const { return answered && status >= 200 && status < 300; }
};

// What a call's outcome means for the outbox.
bot::delivery_result to_delivery(const rest_call& call);

class rest_api {
public:
    rest_api(asio::any_io_executor ex, transport::http_client& http,
             const config::mattermost_settings& settings);

    // `path` is below /api/v4: "/users/me", "/posts/abc/patch", …
    asio::awaitable<rest_call> get(std::string path);
    asio::awaitable<rest_call> post(std::string path, const nlohmann::json& body);
    asio::awaitable<rest_call> put(std::string path, const nlohmann::json& body);
    asio::awaitable<rest_call> del(std::string path);
    // An incoming webhook or a slash command's response_url: no token, the URL is the authority.
    asio::awaitable<rest_call> post_to_url(std::string url, const nlohmann::json& body);

    // How long the server asked us to hold off (X-Ratelimit-Remaining reached 0), if at all.
    // The outbox asks first and reschedules instead of sending into a certain 429.
    std::optional<std::chrono::milliseconds> held_for() const;

    // "ws(s)://host[/prefix]/api/v4/websocket" for mattermost.url.
    std::string websocket_url() const;
    // Answers with HTTP status 429 so far, for /metrics.
    std::uint64_t rate_limited() const { return rate_limited_; }

private:
    asio::awaitable<rest_call> send(transport::http::verb method, std::string url,
                                    std::optional<std::string> body, bool with_token);
    void note_limits(const transport::client_response& answer);
    std::string api_url(std::string_view path) const; // {url}/api/v4{path}

    asio::any_io_executor ex_;
    transport::http_client& http_;
    const config::mattermost_settings& settings_;
    std::chrono::steady_clock::time_point hold_until_{};
    std::uint64_t rate_limited_ = 0;
};

} // namespace openfloor::mattermost
