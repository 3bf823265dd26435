// rest_api: the HTTP exchange, rate-limit bookkeeping, and the mapping of Mattermost's answers
// onto delivery outcomes.
#include "adapters/mattermost/rest_api.hpp"

#include "adapters/mattermost/protocol.hpp"
#include "bot/log.hpp"

#include <boost/beast/http/verb.hpp>

#include <algorithm>

namespace openfloor::mattermost {
namespace {

using std::chrono::milliseconds;

// Holding calls longer than this would stall start-up or a catch-up for no good reason; the
// server answers 429 again if we are still early.
constexpr milliseconds max_hold{30'000};

} // namespace

bot::delivery_result to_delivery(const rest_call& call) {
    using status = bot::delivery_result::status;
    bot::delivery_result r;
    r.reason = call.reason;
    if (call.ok()) {
        r.outcome = status::delivered;
        if (auto created = decode_post(call.body)) {
            r.message_ref = created->id;
            r.channel = created->channel_id;
        }
        return r;
    }
    if (!call.answered || call.status >= 500 || call.status == 408) {
        r.outcome = status::retry;
        return r;
    }
    if (call.status == 429) {
        r.outcome = status::rate_limited;
        r.retry_after = call.retry_after.value_or(std::chrono::seconds(1));
        return r;
    }
    r.outcome = status::give_up; // 400, 401, 403, 404: no retry will change the answer
    return r;
}

rest_api::rest_api(asio::any_io_executor ex, transport::http_client& http,
                   const config::mattermost_settings& settings)
    : ex_(std::move(ex))
    , http_(http)
    , settings_(settings) {}

std::string rest_api::websocket_url() const {
    std::string url = settings_.url;
    if (url.starts_with("https://")) {
        url.replace(0, 5, "wss");
    } else if (url.starts_with("http://")) {
        url.replace(0, 4, "ws");
    }
    return url + std::string(rest::websocket);
}

std::optional<milliseconds> rest_api::held_for() const {
    const auto now = std::chrono::steady_clock::now();
    if (now >= hold_until_) {
        return std::nullopt;
    }
    return std::chrono::ceil<milliseconds>(hold_until_ - now);
}

void rest_api::note_limits(const transport::client_response& answer) {
    const auto remaining = answer.header("X-Ratelimit-Remaining");
    if (!remaining || *remaining != "0") {
        return;
    }
    // The budget is spent: wait for the window to reset before the next call.
    const auto reset = answer.seconds_header("X-Ratelimit-Reset").value_or(std::chrono::seconds(1));
    hold_until_ = std::max(hold_until_, std::chrono::steady_clock::now() + std::min(reset, max_hold));
}

asio::awaitable<rest_call> rest_api::send(transport::http::verb method, std::string url,
                                          std::optional<std::string> body, bool with_token) {
    if (auto hold = held_for()) {
        asio::steady_timer wait(ex_, std::min(*hold, max_hold));
        co_await wait.async_wait(transport::use_tuple);
    }
    transport::client_request req;
    req.method = method;
    req.url = std::move(url);
    if (with_token) {
        req.headers.emplace_back("Authorization",
                                 "Bearer " + std::string(settings_.bot_token.reveal()));
    }
    req.headers.emplace_back("Accept", "application/json");
    if (body) {
        req.headers.emplace_back("Content-Type", "application/json");
        req.body = std::move(*body);
    }
    const auto verb = std::string(transport::http::to_string(method));
    auto answer = co_await http_.send(std::move(req));
    rest_call out;
    if (!answer) {
        out.reason = answer.error() == boost::system::errc::timed_out ? "timeout" : "network";
        bot::log::warn("mattermost.api_unreachable",
                       {{"method", verb}, {"error", answer.error().message()}});
        co_return out;
    }
    out.answered = true;
    out.status = answer->status;
    note_limits(*answer);
    if (out.status == 429) {
        ++rate_limited_;
        out.retry_after = answer->seconds_header("Retry-After");
        if (!out.retry_after) {
            out.retry_after = answer->seconds_header("X-Ratelimit-Reset");
        }
    }
    if (!out.ok()) {
        out.error = decode_api_error(answer->body);
        out.reason = out.error.id.empty() ? "http_" + std::to_string(out.status) : out.error.id;
    }
    out.body = std::move(answer->body);
    co_return out;
}

namespace {
std::string dump(const nlohmann::json& body) {
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
} // namespace

std::string rest_api::api_url(std::string_view path) const {
    return settings_.url + std::string(rest::api_prefix) + std::string(path);
}

asio::awaitable<rest_call> rest_api::get(std::string path) {
    return send(transport::http::verb::get, api_url(path), std::nullopt, true);
}

asio::awaitable<rest_call> rest_api::post(std::string path, const nlohmann::json& body) {
    return send(transport::http::verb::post, api_url(path), dump(body), true);
}

asio::awaitable<rest_call> rest_api::put(std::string path, const nlohmann::json& body) {
    return send(transport::http::verb::put, api_url(path), dump(body), true);
}

asio::awaitable<rest_call> rest_api::del(std::string path) {
    return send(transport::http::verb::delete_, api_url(path), std::nullopt, true);
}

asio::awaitable<rest_call> rest_api::post_to_url(std::string url, const nlohmann::json& body) {
    return send(transport::http::verb::post, std::move(url), dump(body), false);
}

} // namespace openfloor::mattermost
