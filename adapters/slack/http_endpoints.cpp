// http_endpoints: verify, decode, ack, then hand over to inbound.
#include "adapters/slack/http_endpoints.hpp"

#include "adapters/slack/protocol.hpp"
#include "adapters/slack/signature.hpp"
#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

#include <boost/beast/http.hpp>

namespace openfloor::slack {
namespace {

using transport::http::status;

std::string_view header_of(const transport::request& req, std::string_view name) {
    auto it = req.find(boost::beast::string_view(name.data(), name.size()));
    return it == req.end() ? std::string_view{}
                           : std::string_view(it->value().data(), it->value().size());
}

transport::response refuse(const transport::request& req, status s, std::string_view why) {
    bot::log::info(
        "slack.request_refused",
        {{"target", std::string(req.target())}, {"status", static_cast<int>(s)}, {"why", why}});
    return transport::make_response(req, s, nlohmann::json{{"error", why}}.dump());
}

transport::response empty_ok(const transport::request& req) {
    return transport::make_response(req, status::ok, "", "text/plain");
}

} // namespace

http_endpoints::http_endpoints(asio::any_io_executor ex, inbound& in,
                               const config::slack_settings& settings)
    : ex_(std::move(ex))
    , in_(in)
    , settings_(settings) {}

void http_endpoints::add_routes(transport::router& routes) {
    routes.add(transport::http::verb::post, "/slack/events",
               [this](transport::request r) { return events(std::move(r)); });
    routes.add(transport::http::verb::post, "/slack/commands",
               [this](transport::request r) { return commands(std::move(r)); });
    routes.add(transport::http::verb::post, "/slack/interactivity",
               [this](transport::request r) { return interactivity(std::move(r)); });
}

bool http_endpoints::verified(const transport::request& req) const {
    auto ok = verify_signature(
        settings_.signing_secret.reveal(), header_of(req, header::request_timestamp),
        header_of(req, header::signature), req.body(), std::chrono::system_clock::now());
    if (!ok) {
        bot::log::info("slack.signature_refused", {{"why", ok.error().message()}});
    }
    return ok.has_value();
}

asio::awaitable<transport::response> http_endpoints::events(transport::request req) {
    if (!verified(req)) {
        co_return refuse(req, status::unauthorized, "invalid signature");
    }
    auto body = decode_events(req.body());
    if (!body) {
        co_return refuse(req, status::bad_request, "malformed payload");
    }
    if (const auto* challenge = std::get_if<url_verification>(&*body)) {
        co_return transport::make_response(
            req, status::ok, nlohmann::json{{"challenge", challenge->challenge}}.dump());
    }
    if (auto* callback = std::get_if<event_callback>(&*body)) {
        // The ack must beat Slack's 3-second deadline whatever the core is doing: answer first.
        transport::spawn_logged(ex_, "slack.event", in_.on_event(std::move(*callback)));
    }
    co_return empty_ok(req);
}

asio::awaitable<transport::response> http_endpoints::commands(transport::request req) {
    if (is_ssl_check(req.body())) {
        co_return empty_ok(req); // Slack's unsigned certificate probe
    }
    if (!verified(req)) {
        co_return refuse(req, status::unauthorized, "invalid signature");
    }
    auto command = decode_slash_command_form(req.body());
    if (!command) {
        co_return refuse(req, status::bad_request, "malformed command");
    }
    auto answer = co_await in_.on_command(std::move(*command));
    if (!answer) {
        co_return empty_ok(req);
    }
    co_return transport::make_response(
        req, status::ok, answer->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

asio::awaitable<transport::response> http_endpoints::interactivity(transport::request req) {
    if (!verified(req)) {
        co_return refuse(req, status::unauthorized, "invalid signature");
    }
    auto payload = decode_interactive_form(req.body());
    if (!payload) {
        co_return refuse(req, status::bad_request, "malformed payload");
    }
    if (auto* action = std::get_if<block_action>(&*payload)) {
        if (!inbound::known_action(action->action_id)) {
            co_return refuse(req, status::bad_request, "unknown action");
        }
        transport::spawn_logged(ex_, "slack.action", in_.on_block_action(std::move(*action)));
        co_return empty_ok(req);
    }
    if (const auto* submission = std::get_if<view_submission>(&*payload)) {
        if (!inbound::well_formed(*submission)) {
            co_return refuse(req, status::bad_request, "malformed submission");
        }
        auto answer = co_await in_.on_view_submission(*submission);
        if (answer) {
            co_return transport::make_response(
                req, status::ok,
                answer->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
        co_return empty_ok(req);
    }
    co_return refuse(req, status::bad_request, "unknown payload");
}

} // namespace openfloor::slack
