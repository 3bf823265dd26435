// websocket_connection against a Beast websocket server written for the test: echo over ws and
// wss, upgrade headers, message order, clean close, verification, and dead-peer detection.
#include "adapters/transport/error.hpp"
#include "adapters/transport/http_client.hpp"
#include "adapters/transport/websocket_client.hpp"
#include "tests/support/run_task.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_certs.hpp"
#include "tests/transport/websocket_test_server.hpp"

#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <gtest/gtest.h>

namespace openfloor::testing {
namespace {

using namespace std::chrono_literals;
using transport::websocket_connection;
using connect_result = boost::system::result<std::shared_ptr<websocket_connection>>;
using behaviour = websocket_test_server::behaviour;

class WebSocketClient : public ::testing::Test {
protected:
    // A TLS context for the test server, serving a leaf signed by the test CA.
    boost::asio::ssl::context& server_tls() {
        if (!server_tls_) {
            certs = make_test_certs(dir.path());
            server_tls_.emplace(boost::asio::ssl::context::tls_server);
            server_tls_->use_certificate_chain_file(certs.leaf_cert.string());
            server_tls_->use_private_key_file(certs.leaf_key.string(),
                                              boost::asio::ssl::context::pem);
        }
        return *server_tls_;
    }

    // The client's TLS context comes from http_client, as in the app; `trust_ca` adds the CA.
    boost::asio::ssl::context& client_tls(bool trust_ca) {
        config::outbound_settings s;
        if (trust_ca) {
            s.ca_file = certs.ca_cert.string();
        }
        client.emplace(ioc, s);
        return client->tls_context();
    }

    std::shared_ptr<websocket_connection> connect(const std::string& url,
                                                  boost::asio::ssl::context& tls,
                                                  transport::websocket_options options = {}) {
        options.handshake_timeout = 5s;
        auto connected = run_task(
            ioc, websocket_connection::connect(ioc.get_executor(), tls, url,
                                               {{"Authorization", "Bearer xapp-test"}}, options));
        EXPECT_TRUE(connected.has_value());
        if (!connected || !connected->has_value()) {
            ADD_FAILURE() << "connect failed: "
                          << (connected ? connected->error().message() : "deadline");
            return nullptr;
        }
        return **connected;
    }

    std::optional<boost::system::result<std::string>>
    read(websocket_connection& ws, std::chrono::milliseconds deadline = 5s) {
        return run_task(ioc, ws.read(), deadline);
    }

    static std::string url(const char* scheme, const websocket_test_server& server) {
        return std::string(scheme) + "://127.0.0.1:" + std::to_string(server.port()) + "/link?t=1";
    }

    boost::asio::io_context ioc;
    temp_dir dir;
    test_cert_files certs;
    std::optional<boost::asio::ssl::context> server_tls_;
    std::optional<transport::http_client> client;
};

TEST_F(WebSocketClient, EchoesOverWs) {
    websocket_test_server server(ioc, behaviour::echo);
    auto ws = connect(url("ws", server), client_tls(false));
    ASSERT_NE(ws, nullptr);
    ws->send("hello");
    auto echoed = read(*ws);
    ASSERT_TRUE(echoed.has_value() && echoed->has_value());
    EXPECT_EQ(**echoed, "hello");
    EXPECT_TRUE(ws->is_open());
}

TEST_F(WebSocketClient, EchoesOverWssWithTheTestCa) {
    websocket_test_server server(ioc, behaviour::echo, &server_tls());
    auto ws = connect(url("wss", server), client_tls(true));
    ASSERT_NE(ws, nullptr);
    ws->send("secret hello");
    auto echoed = read(*ws);
    ASSERT_TRUE(echoed.has_value() && echoed->has_value());
    EXPECT_EQ(**echoed, "secret hello");
}

TEST_F(WebSocketClient, SendsHostAuthorizationAndUserAgentOnTheUpgrade) {
    websocket_test_server server(ioc, behaviour::echo);
    auto ws = connect(url("ws", server), client_tls(false));
    ASSERT_NE(ws, nullptr);
    EXPECT_EQ(server.seen().upgrades, 1);
    EXPECT_EQ(server.seen().host, "127.0.0.1:" + std::to_string(server.port()));
    EXPECT_EQ(server.seen().authorization, "Bearer xapp-test");
    EXPECT_EQ(server.seen().user_agent.substr(0, 10), "openfloor/");
}

TEST_F(WebSocketClient, DeliversQueuedMessagesInOrder) {
    websocket_test_server server(ioc, behaviour::echo);
    auto ws = connect(url("ws", server), client_tls(false));
    ASSERT_NE(ws, nullptr);
    constexpr int count = 50;
    for (int i = 0; i < count; ++i) {
        ws->send("message " + std::to_string(i));
    }
    for (int i = 0; i < count; ++i) {
        auto echoed = read(*ws);
        ASSERT_TRUE(echoed.has_value() && echoed->has_value());
        EXPECT_EQ(**echoed, "message " + std::to_string(i));
    }
}

TEST_F(WebSocketClient, ClosesWithACleanHandshake) {
    websocket_test_server server(ioc, behaviour::echo);
    auto ws = connect(url("ws", server), client_tls(false));
    ASSERT_NE(ws, nullptr);
    ASSERT_TRUE(
        run_task(ioc, [](std::shared_ptr<websocket_connection> c) -> boost::asio::awaitable<bool> {
            co_await c->close();
            co_return true;
        }(ws)));
    EXPECT_FALSE(ws->is_open());
    ASSERT_TRUE(run_until(
        ioc, [&] { return server.seen().closed_by_client; }, 5s));
    auto after = read(*ws);
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->error(), transport::error::connection_closed);
}

TEST_F(WebSocketClient, ReadFailsWithinTheIdleTimeoutWhenThePeerStopsAnsweringPings) {
    websocket_test_server server(ioc, behaviour::silent);
    transport::websocket_options options;
    options.idle_timeout = 400ms;
    auto ws = connect(url("ws", server), client_tls(false), options);
    ASSERT_NE(ws, nullptr);
    const auto began = std::chrono::steady_clock::now();
    auto got = read(*ws, 5s);
    ASSERT_TRUE(got.has_value()) << "read() never failed";
    ASSERT_FALSE(got->has_value());
    EXPECT_EQ(got->error(), boost::beast::error::timeout);
    EXPECT_LT(std::chrono::steady_clock::now() - began, 2s);
    EXPECT_FALSE(ws->is_open());
}

TEST_F(WebSocketClient, RefusesAWssServerItCannotVerify) {
    websocket_test_server server(ioc, behaviour::echo, &server_tls());
    auto connected = run_task(ioc, websocket_connection::connect(
                                       ioc.get_executor(), client_tls(false), url("wss", server),
                                       {}, std::chrono::milliseconds{5'000}));
    ASSERT_TRUE(connected.has_value());
    ASSERT_FALSE(connected->has_value());
    EXPECT_EQ(connected->error().category(), boost::asio::error::get_ssl_category());
    EXPECT_EQ(server.seen().upgrades, 0);
}

TEST_F(WebSocketClient, RefusesHttpUrls) {
    auto connected =
        run_task(ioc, websocket_connection::connect(ioc.get_executor(), client_tls(false),
                                                    "https://127.0.0.1/socket", {}, 5'000ms));
    ASSERT_TRUE(connected.has_value());
    EXPECT_EQ(connected->error(), transport::error::unsupported_scheme);
}

} // namespace
} // namespace openfloor::testing
