// web_api: the HTTP exchange, and the mapping of Slack's answers onto delivery outcomes.
#include "adapters/slack/web_api.hpp"

#include "bot/log.hpp"

#include <boost/beast/http/verb.hpp>

#include <array>

namespace openfloor::slack {
namespace {

// Slack's own words for "try again": the request may well succeed a little later.
constexpr std::array transient_errors{
    std::string_view("internal_error"),      std::string_view("fatal_error"),
    std::string_view("service_unavailable"), std::string_view("request_timeout"),
    std::string_view("ratelimited"),
};

} // namespace

bot::delivery_result to_delivery(const api_call& call) {
    using status = bot::delivery_result::status;
    bot::delivery_result r;
    r.reason = call.reason;
    if (call.ok()) {
        r.outcome = status::delivered;
        r.message_ref = call.result.ts;
        r.channel = call.result.channel;
        return r;
    }
    if (!call.answered) {
        r.outcome = status::retry;
        return r;
    }
    if (call.status == 429 || call.result.error == "ratelimited") {
        r.outcome = status::rate_limited;
        r.retry_after = call.retry_after.value_or(std::chrono::seconds(1));
        return r;
    }
    if (call.status >= 500 || call.status == 408) {
        r.outcome = status::retry;
        return r;
    }
    for (auto e : transient_errors) {
        if (call.result.error == e) {
            r.outcome = status::retry;
            return r;
        }
    }
    r.outcome = status::give_up;
    return r;
}

web_api::web_api(transport::http_client& http, const config::slack_settings& settings)
    : http_(http)
    , settings_(settings) {}

asio::awaitable<api_call> web_api::call(std::string_view method, const nlohmann::json& body,
                                        token which) {
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = settings_.api_base_url + std::string(method);
    const auto& secret = which == token::bot ? settings_.bot_token : settings_.app_token;
    req.headers = {{"Authorization", "Bearer " + std::string(secret.reveal())},
                   {"Content-Type", "application/json; charset=utf-8"}};
    req.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    auto answer = co_await http_.send(std::move(req));
    api_call out;
    if (!answer) {
        out.reason = answer.error() == boost::system::errc::timed_out ? "timeout" : "network";
        bot::log::warn("slack.api_unreachable",
                       {{"method", method}, {"error", answer.error().message()}});
        co_return out;
    }
    out.answered = true;
    out.status = answer->status;
    out.retry_after = answer->seconds_header("Retry-After");
    if (out.status == 429) {
        ++rate_limited_;
    }
    if (auto decoded = decode_api_result(answer->body)) {
        out.result = *decoded;
    }
    if (out.status != 200) {
        out.reason = "http_" + std::to_string(out.status);
    } else if (!out.result.ok) {
        out.reason = out.result.error.empty() ? "not_ok" : out.result.error;
    }
    if (!out.result.warning.empty()) {
        bot::log::debug("slack.api_warning", {{"method", method}, {"warning", out.result.warning}});
    }
    co_return out;
}

asio::awaitable<api_call> web_api::post_to_url(std::string url, const nlohmann::json& body) {
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = std::move(url);
    req.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    req.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    auto answer = co_await http_.send(std::move(req));
    api_call out;
    if (!answer) {
        out.reason = "network";
        co_return out;
    }
    out.answered = true;
    out.status = answer->status;
    out.retry_after = answer->seconds_header("Retry-After");
    if (out.status == 429) {
        ++rate_limited_;
    }
    // Webhooks and response_url answer "ok" as plain text, errors as text with a 4xx.
    out.result.ok = out.status == 200;
    if (!out.result.ok) {
        out.reason = "http_" + std::to_string(out.status);
        out.result.error = answer->body.substr(0, 64);
    }
    co_return out;
}

} // namespace openfloor::slack
