// router: exact-path dispatch to coroutine handlers, with 404 and 405 answered here.
#include "adapters/transport/http_server.hpp"

#include <boost/beast/http/field.hpp>

namespace openfloor::transport {
namespace {

std::string_view path_of(std::string_view target) {
    return target.substr(0, target.find('?'));
}

} // namespace

response make_response(const request& req, http::status status, std::string body,
                       std::string_view content_type) {
    response res{status, req.version()};
    res.set(http::field::content_type, content_type);
    res.keep_alive(req.keep_alive());
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

void router::add(http::verb method, std::string path, handler h) {
    routes_[std::move(path)][method] = std::move(h);
}

asio::awaitable<response> router::dispatch(request req) const {
    const auto path = routes_.find(path_of(req.target()));
    if (path == routes_.end()) {
        co_return make_response(req, http::status::not_found, R"({"error":"not found"})");
    }
    const auto route = path->second.find(req.method());
    if (route == path->second.end()) {
        auto res = make_response(req, http::status::method_not_allowed,
                                 R"({"error":"method not allowed"})");
        std::string allow;
        for (const auto& [verb, h] : path->second) {
            allow += (allow.empty() ? "" : ", ") + std::string(http::to_string(verb));
        }
        res.set(http::field::allow, allow);
        co_return res;
    }
    co_return co_await route->second(std::move(req));
}

} // namespace openfloor::transport
