// http_endpoints: verify, decode, then hand over to inbound.
#include "adapters/mattermost/http_endpoints.hpp"

#include "adapters/mattermost/protocol.hpp"
#include "bot/crypto.hpp"
#include "bot/log.hpp"

#include <boost/beast/http.hpp>

namespace openfloor::mattermost {
namespace {

using transport::http::status;

std::string_view header_of(const transport::request& req, transport::http::field name) {
    auto it = req.find(name);
    return it == req.end() ? std::string_view{}
                           : std::string_view(it->value().data(), it->value().size());
}

transport::response refuse(const transport::request& req, status s, std::string_view why) {
    bot::log::info("mattermost.request_refused", {{"path", std::string(req.target().substr(0, req.target().find('?')))},
                                                  {"status", static_cast<int>(s)},
                                                  {"why", why}});
    return transport::make_response(req, s, nlohmann::json{{"error", why}}.dump());
}

transport::response json_ok(const transport::request& req, const nlohmann::json& body) {
    return transport::make_response(
        req, status::ok, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// A GET command (mmctl without --post) carries its fields in the query string.
std::string_view command_fields(const transport::request& req) {
    if (req.method() == transport::http::verb::get) {
        const std::string_view target(req.target().data(), req.target().size());
        const auto q = target.find('?');
        return q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);
    }
    return req.body();
}

} // namespace

http_endpoints::http_endpoints(inbound& in, const action_signer& signer,
                               const config::mattermost_settings& settings)
    : in_(in)
    , signer_(signer)
    , settings_(settings) {}

void http_endpoints::add_routes(transport::router& routes) {
    for (auto path : {route::commands, route::command_alias}) {
        for (auto verb : {transport::http::verb::post, transport::http::verb::get}) {
            routes.add(verb, std::string(path),
                       [this](transport::request r) { return command(std::move(r)); });
        }
    }
    routes.add(transport::http::verb::post, std::string(route::actions),
               [this](transport::request r) { return action(std::move(r)); });
    routes.add(transport::http::verb::post, std::string(route::dialogs),
               [this](transport::request r) { return dialog(std::move(r)); });
}

bool http_endpoints::token_ok(std::string_view offered) const {
    const std::string_view expected = settings_.command_token.reveal();
    return !expected.empty() && bot::crypto::constant_time_equal(offered, expected);
}

asio::awaitable<transport::response> http_endpoints::command(transport::request req) {
    // §B4: "Authorization: Token <token>", checked before the body is read; without the header,
    // the same token as the form's `token` field.
    constexpr std::string_view scheme = "Token ";
    const std::string_view header = header_of(req, transport::http::field::authorization);
    const bool has_header = header.starts_with(scheme);
    if (has_header && !token_ok(header.substr(scheme.size()))) {
        co_return refuse(req, status::unauthorized, "invalid token");
    }
    auto c = decode_slash_command(command_fields(req));
    if (!has_header && (!c || !token_ok(c->token))) {
        co_return refuse(req, status::unauthorized, "invalid token");
    }
    if (!c || c->user_id.empty()) {
        co_return refuse(req, status::bad_request, "malformed command");
    }
    auto answer = co_await in_.on_command(std::move(*c));
    co_return json_ok(req, answer);
}

asio::awaitable<transport::response> http_endpoints::action(transport::request req) {
    auto a = decode_action_callback(req.body());
    if (!a) {
        co_return refuse(req, status::bad_request, "malformed payload");
    }
    if (!signer_.verify(a->action, a->ref, a->channel_id, a->sig)) {
        co_return refuse(req, status::unauthorized, "invalid signature");
    }
    bot::action what{};
    if (!bot::parse_action_id(a->action, what) || a->user_id.empty()) {
        co_return refuse(req, status::bad_request, "unknown action");
    }
    const nlohmann::json answer = co_await in_.on_action(*a, what);
    co_return json_ok(req, answer);
}

asio::awaitable<transport::response> http_endpoints::dialog(transport::request req) {
    // A submission carries no signature of Mattermost's: only the state we signed for this
    // user, this form and this post makes it ours. user_id is the server's (the session's).
    auto s = decode_dialog_submission(req.body());
    if (!s) {
        co_return refuse(req, status::bad_request, "malformed payload");
    }
    bot::action what{};
    const bool form = bot::parse_action_id(s->callback_id, what) &&
                      (what == bot::action::reply || what == bot::action::flag);
    auto state = form ? open_dialog_state(signer_, s->callback_id, s->state, s->user_id)
                      : std::nullopt;
    if (!state) {
        co_return refuse(req, status::unauthorized, "invalid state");
    }
    if (s->type != dialog::submission_type) {
        co_return refuse(req, status::bad_request, "unknown payload");
    }
    const nlohmann::json answer = co_await in_.on_dialog(std::move(*s), what, std::move(*state));
    co_return json_ok(req, answer);
}

} // namespace openfloor::mattermost
