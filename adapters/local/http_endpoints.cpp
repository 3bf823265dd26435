// http_endpoints: decode, find the person, hand over to inbound; answer JSON.
#include "adapters/local/http_endpoints.hpp"

#include "adapters/local/error.hpp"
#include "adapters/local/page.hpp"
#include "adapters/local/payloads.hpp"
#include "adapters/local/protocol.hpp"
#include "bot/log.hpp"

#include <boost/beast/http.hpp>

#include <utility>
#include <variant>

namespace openfloor::local {
namespace {

using transport::http::field;
using transport::http::status;
using json = nlohmann::json;

// The page runs its own inline script and style, and talks to this server only.
constexpr std::string_view page_policy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

transport::response answer(const transport::request& req, status s, const json& body) {
    auto res =
        transport::make_response(req, s, body.dump(-1, ' ', false, json::error_handler_t::replace));
    res.set(field::cache_control, "no-store");
    return res;
}

transport::response refuse(const transport::request& req, status s, std::string_view why) {
    bot::log::info("demo.request_refused",
                   {{"path", std::string(req.target().substr(0, req.target().find('?')))},
                    {"status", static_cast<int>(s)},
                    {"why", why}});
    return answer(req, s, {{"error", why}});
}

transport::response refuse(const transport::request& req, const boost::system::error_code& ec) {
    const bool missing = ec == error::unknown_message;
    return refuse(req, missing ? status::not_found : status::bad_request, ec.message());
}

transport::response done(const transport::request& req, const boost::system::result<void>& r) {
    return r ? answer(req, status::ok, {{"ok", true}}) : refuse(req, r.error());
}

bool sends_json(const transport::request& req) {
    const auto it = req.find(field::content_type);
    return it != req.end() &&
           std::string_view(it->value().data(), it->value().size()).starts_with("application/json");
}

// The body decoded and its person found, or the answer that refuses the request.
template <class Request, class Decode>
std::variant<std::pair<Request, const person*>, transport::response>
read_request(const transport::request& req, Decode decode) {
    if (!sends_json(req)) {
        return refuse(req, status::unsupported_media_type, "send Content-Type: application/json");
    }
    auto r = decode(req.body());
    if (!r) {
        return refuse(req, r.error());
    }
    if constexpr (requires { r->as; }) {
        const auto* p = find_person(r->as);
        if (p == nullptr) {
            return refuse(req, error::unknown_person);
        }
        return std::make_pair(std::move(*r), p);
    } else {
        return std::make_pair(std::move(*r), static_cast<const person*>(nullptr));
    }
}

} // namespace

http_endpoints::http_endpoints(inbound& in, const world& w, review_switch& review)
    : in_(in)
    , world_(w)
    , review_(review) {}

void http_endpoints::add_routes(transport::router& routes) {
    using verb = transport::http::verb;
    routes.add(verb::get, std::string(route::page),
               [this](transport::request r) { return page(std::move(r)); });
    routes.add(verb::get, std::string(route::state),
               [this](transport::request r) { return state(std::move(r)); });
    routes.add(verb::post, std::string(route::message),
               [this](transport::request r) { return message(std::move(r)); });
    routes.add(verb::post, std::string(route::click),
               [this](transport::request r) { return click(std::move(r)); });
    routes.add(verb::post, std::string(route::command),
               [this](transport::request r) { return command(std::move(r)); });
    routes.add(verb::post, std::string(route::form),
               [this](transport::request r) { return form(std::move(r)); });
    routes.add(verb::post, std::string(route::review),
               [this](transport::request r) { return review(std::move(r)); });
}

asio::awaitable<transport::response> http_endpoints::page(transport::request req) {
    auto res = transport::make_response(req, status::ok, std::string(page_html()),
                                        "text/html; charset=utf-8");
    res.set("Content-Security-Policy", page_policy);
    res.set(field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    co_return res;
}

asio::awaitable<transport::response> http_endpoints::state(transport::request req) {
    co_return answer(req, status::ok, state_of(world_, review_.on()));
}

asio::awaitable<transport::response> http_endpoints::message(transport::request req) {
    auto read = read_request<message_request>(req, decode_message_request);
    if (auto* refused = std::get_if<transport::response>(&read)) {
        co_return std::move(*refused);
    }
    auto& [r, who] = std::get<0>(read);
    const auto sent = co_await in_.on_message(*who, std::move(r.text), r.thread);
    co_return done(req, sent);
}

asio::awaitable<transport::response> http_endpoints::click(transport::request req) {
    auto read = read_request<click_request>(req, decode_click_request);
    if (auto* refused = std::get_if<transport::response>(&read)) {
        co_return std::move(*refused);
    }
    const auto& [r, who] = std::get<0>(read);
    const auto clicked = co_await in_.on_click(*who, r.message, r.action);
    co_return done(req, clicked);
}

asio::awaitable<transport::response> http_endpoints::command(transport::request req) {
    auto read = read_request<command_request>(req, decode_command_request);
    if (auto* refused = std::get_if<transport::response>(&read)) {
        co_return std::move(*refused);
    }
    const auto& [r, who] = std::get<0>(read);
    co_await in_.on_command(*who, r.text);
    co_return answer(req, status::ok, {{"ok", true}});
}

asio::awaitable<transport::response> http_endpoints::form(transport::request req) {
    auto read = read_request<form_submission>(req, decode_form_submission);
    if (auto* refused = std::get_if<transport::response>(&read)) {
        co_return std::move(*refused);
    }
    auto& [r, who] = std::get<0>(read);
    const auto sent = co_await in_.on_form(*who, std::move(r.text), std::move(r.reason), r.cancel);
    co_return done(req, sent);
}

asio::awaitable<transport::response> http_endpoints::review(transport::request req) {
    auto read = read_request<review_request>(req, decode_review_request);
    if (auto* refused = std::get_if<transport::response>(&read)) {
        co_return std::move(*refused);
    }
    const auto& r = std::get<0>(read).first;
    if (!review_.flip(r.on)) {
        co_return refuse(req, status::service_unavailable, "the review switch is not wired");
    }
    co_return answer(req, status::ok, {{"ok", true}, {"review", review_.on()}});
}

} // namespace openfloor::local
