// http_server over real sockets: keep-alive, limits, deadlines, malformed input and stop().
#include "tests/transport/raw_client.hpp"
#include "tests/transport/server_fixture.hpp"

#include <boost/beast/http/field.hpp>
#include <gtest/gtest.h>

namespace openfloor::testing {
namespace {

constexpr auto get_echo = "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

class HttpServer : public ServerFixture {};

TEST_F(HttpServer, ServesTwoRequestsOnOneKeepAliveConnection) {
    start();
    raw_client peer(ioc, server->port());
    peer.write(get_echo);
    auto first = peer.read_response(5s);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->result(), http::status::ok);
    EXPECT_TRUE(first->keep_alive());
    peer.write(get_echo);
    auto second = peer.read_response(5s);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(second->result(), http::status::ok);
    EXPECT_EQ(seen.requests.size(), 2U);
    EXPECT_EQ(server->open_connections(), 1U);
}

TEST_F(HttpServer, AnswersUnknownPathsWith404AndOtherMethodsWith405) {
    start();
    auto missing = send({http::verb::get, url("/nowhere"), "", {}});
    ASSERT_TRUE(missing.has_value() && missing->has_value());
    EXPECT_EQ((*missing)->status, 404U);
    auto wrong_method = send({http::verb::put, url("/echo"), "x", {}});
    ASSERT_TRUE(wrong_method.has_value() && wrong_method->has_value());
    EXPECT_EQ((*wrong_method)->status, 405U);
    EXPECT_TRUE(seen.requests.empty());
}

TEST_F(HttpServer, AnswersOversizedBodiesWith413) {
    settings.max_body_bytes = 1024;
    start();
    auto res = send({http::verb::post, url("/echo"), std::string(200'000, 'x'), {}});
    ASSERT_TRUE(res.has_value());
    ASSERT_TRUE(res->has_value()) << res->error().message();
    EXPECT_EQ((*res)->status, 413U);
    EXPECT_EQ((*res)->header("connection"), "close");
    EXPECT_TRUE(seen.requests.empty());
    ASSERT_TRUE(run_until(
        ioc, [&] { return server->open_connections() == 0; }, 5s));
}

TEST_F(HttpServer, AcceptsABodyExactlyAtTheLimit) {
    settings.max_body_bytes = 1024;
    start();
    auto res = send({http::verb::post, url("/echo"), std::string(1024, 'x'), {}});
    ASSERT_TRUE(res.has_value() && res->has_value());
    EXPECT_EQ((*res)->status, 200U);
    EXPECT_EQ((*res)->body.size(), 1024U);
}

TEST_F(HttpServer, ClosesAnIdleConnectionAfterTheRequestTimeout) {
    settings.request_timeout = 200ms;
    start();
    raw_client peer(ioc, server->port());
    const auto began = std::chrono::steady_clock::now();
    ASSERT_TRUE(peer.wait_closed(5s));
    EXPECT_GE(std::chrono::steady_clock::now() - began, 150ms);
    EXPECT_TRUE(peer.received().empty());
    ASSERT_TRUE(run_until(
        ioc, [&] { return server->open_connections() == 0; }, 5s));
}

TEST_F(HttpServer, ClosesASlowDripRequestWhoseHeadersNeverComplete) {
    settings.request_timeout = 300ms;
    start();
    raw_client peer(ioc, server->port());
    peer.write("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    ASSERT_TRUE(peer.wait_closed(5s));
    EXPECT_TRUE(seen.requests.empty());
}

TEST_F(HttpServer, AnswersMalformedRequestsWith400AndCloses) {
    start();
    raw_client peer(ioc, server->port());
    peer.write("GET /echo HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"); // a header without a colon
    auto res = peer.read_response(5s);
    ASSERT_TRUE(res.has_value());
    EXPECT_EQ(res->result(), http::status::bad_request);
    EXPECT_FALSE(res->keep_alive());
    EXPECT_TRUE(peer.wait_closed(5s));
    EXPECT_TRUE(seen.requests.empty());
}

TEST_F(HttpServer, StopClosesIdleConnectionsButAnswersTheRequestInFlight) {
    start();
    raw_client idle(ioc, server->port());
    idle.write(get_echo);
    ASSERT_TRUE(idle.read_response(5s).has_value());
    raw_client busy(ioc, server->port());
    busy.write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    ASSERT_TRUE(run_until(
        ioc, [&] { return seen.waiting == 1; }, 5s));

    server->stop();
    EXPECT_TRUE(idle.wait_closed(5s));
    EXPECT_EQ(server->open_connections(), 1U);
    open_gate();
    auto res = busy.read_response(5s);
    ASSERT_TRUE(res.has_value());
    EXPECT_EQ(res->result(), http::status::ok);
    EXPECT_FALSE(res->keep_alive()); // "Connection: close": the server is going away
    EXPECT_TRUE(busy.wait_closed(5s));
    ASSERT_TRUE(run_until(
        ioc, [&] { return server->open_connections() == 0; }, 5s));
}

TEST_F(HttpServer, StopRefusesNewConnections) {
    start();
    const auto port = server->port();
    server->stop();
    ASSERT_TRUE(run_until(
        ioc, [&] { return server->open_connections() == 0; }, 1s));
    EXPECT_ANY_THROW((raw_client{ioc, port}));
}

TEST_F(HttpServer, RefusesAListenAddressWithoutAPort) {
    settings.listen = "127.0.0.1";
    server = std::make_unique<transport::http_server>(ioc, routes, settings);
    EXPECT_FALSE(server->listen());
}

TEST_F(HttpServer, AnswersAThrowingHandlerWith500) {
    routes.add(http::verb::get, "/broken",
               [](transport::request) -> asio::awaitable<transport::response> {
                   throw std::runtime_error("handler bug");
               });
    start();
    auto res = send({http::verb::get, url("/broken"), "", {}});
    ASSERT_TRUE(res.has_value() && res->has_value());
    EXPECT_EQ((*res)->status, 500U);
}

} // namespace
} // namespace openfloor::testing
