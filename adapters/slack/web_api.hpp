// The Slack Web API client: JSON POSTs to slack.api_base_url with the bot (or app) token, and
// what each answer means for delivery — done, retry later, wait for Retry-After, or give up.
#pragma once

#include "adapters/slack/payloads.hpp"
#include "adapters/transport/http_client.hpp"
#include "bot/delivery.hpp"
#include "config/settings.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace openfloor::slack {

namespace asio = transport::asio;

// One call's outcome: the HTTP exchange and Slack's verdict in its body.
struct api_call {
    bool answered = false; // an HTTP response came back (else: network error or timeout)
    unsigned status = 0;
    std::optional<std::chrono::milliseconds> retry_after;
    api_result result;
    std::string reason; // a short code for logs: "timeout", "http_503", "channel_not_found", …

    bool ok() const { return answered && status == 200 && result.ok; }
};

// What a call's outcome means for the outbox.
bot::delivery_result to_delivery(const api_call& call);

class web_api {
public:
    enum class token { bot, app };

    web_api(transport::http_client& http, const config::slack_settings& settings);

    asio::awaitable<api_call> call(std::string_view method, const nlohmann::json& body,
                                   token which = token::bot);
    // A response_url or an incoming webhook: a plain JSON POST, no token (Slack puts the
    // authority in the URL itself).
    asio::awaitable<api_call> post_to_url(std::string url, const nlohmann::json& body);

    // Answers with HTTP status 429 so far, for /metrics.
    std::uint64_t rate_limited() const { return rate_limited_; }

private:
    transport::http_client& http_;
    const config::slack_settings& settings_;
    std::uint64_t rate_limited_ = 0;
};

} // namespace openfloor::slack
