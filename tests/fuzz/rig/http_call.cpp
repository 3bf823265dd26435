// http_call: building requests, and the checks every answer meets.
#include "tests/fuzz/rig/http_call.hpp"

#include "tests/fuzz/rig/expect.hpp"

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

namespace openfloor::fuzz {
namespace {

asio::awaitable<void> dispatch(const transport::router& routes, transport::request req,
                               transport::response& out) {
    out = co_await routes.dispatch(std::move(req));
}

} // namespace

transport::request make_request(transport::http::verb method, std::string_view target,
                                std::string body,
                                const std::vector<std::pair<std::string, std::string>>& headers) {
    transport::request req{method, std::string(target), 11};
    req.set(transport::http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) {
        req.set(name, value);
    }
    req.body() = std::move(body);
    req.prepare_payload();
    return req;
}

transport::response call(bot_rig& rig, const transport::router& routes, transport::request req) {
    transport::response res;
    rig.run(dispatch(routes, std::move(req), res));
    const unsigned status = res.result_int();
    expect(status >= 200 && status < 500, "an endpoint answered 5xx (or nothing)");
    const auto type = res[transport::http::field::content_type];
    if (type.starts_with("application/json") && !res.body().empty()) {
        expect(nlohmann::json::accept(res.body()), "an answer said JSON but was not");
    }
    return res;
}

} // namespace openfloor::fuzz
