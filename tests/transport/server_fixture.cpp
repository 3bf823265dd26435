// ServerFixture: /echo answers with the body it got, /slow waits for the gate.
#include "tests/transport/server_fixture.hpp"

#include "tests/support/run_task.hpp"

namespace openfloor::testing {
namespace {

asio::awaitable<transport::response> echo(received_requests& seen, transport::request req) {
    seen.requests.push_back(req);
    co_return transport::make_response(req, http::status::ok, req.body(), "text/plain");
}

asio::awaitable<transport::response> slow(received_requests& seen, asio::steady_timer& gate,
                                          transport::request req) {
    seen.requests.push_back(req);
    ++seen.waiting;
    co_await gate.async_wait(transport::use_tuple); // opened by cancel()
    --seen.waiting;
    co_return transport::make_response(req, http::status::ok, R"({"slow":true})");
}

} // namespace

ServerFixture::ServerFixture() {
    routes.add(http::verb::post, "/echo",
               [this](transport::request req) { return echo(seen, std::move(req)); });
    routes.add(http::verb::get, "/echo",
               [this](transport::request req) { return echo(seen, std::move(req)); });
    routes.add(http::verb::get, "/slow",
               [this](transport::request req) { return slow(seen, gate, std::move(req)); });
}

void ServerFixture::start() {
    server = std::make_unique<transport::http_server>(ioc, routes, settings);
    auto listening = server->listen();
    ASSERT_TRUE(listening) << listening.error().message();
    ASSERT_NE(server->port(), 0);
}

std::string ServerFixture::url(std::string_view path) const {
    return scheme + "://127.0.0.1:" + std::to_string(server->port()) + std::string(path);
}

transport::http_client& ServerFixture::client() {
    if (!client_) {
        client_ = std::make_unique<transport::http_client>(ioc, outbound);
    }
    return *client_;
}

std::optional<boost::system::result<transport::client_response>>
ServerFixture::send(transport::client_request req) {
    return run_task(ioc, client().send(std::move(req)));
}

} // namespace openfloor::testing
