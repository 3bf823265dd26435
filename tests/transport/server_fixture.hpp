// A fixture for tests that need the real server on 127.0.0.1 port 0: routes that record what
// they received, one that waits on a gate the test opens, and a client pointed at the server.
#pragma once

#include "adapters/transport/http_client.hpp"
#include "adapters/transport/http_server.hpp"
#include "tests/support/run_until.hpp"

#include <boost/asio/steady_timer.hpp>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace openfloor::testing {

using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace http = boost::beast::http;

inline config::server_settings loopback_server() {
    config::server_settings s;
    s.listen = "127.0.0.1:0";
    s.request_timeout = 5'000ms;
    return s;
}

inline config::outbound_settings test_outbound() {
    config::outbound_settings s;
    s.timeout = 5'000ms;
    return s;
}

// What the routes saw; owned by the fixture, so handlers only hold a reference.
struct received_requests {
    std::vector<transport::request> requests;
    int waiting = 0; // handlers parked on the gate
};

class ServerFixture : public ::testing::Test {
protected:
    ServerFixture();

    // Builds and starts the server with the current `settings`.
    void start();
    std::string url(std::string_view path) const;
    transport::http_client& client(); // built on first use from `outbound`
    std::optional<boost::system::result<transport::client_response>>
    send(transport::client_request req);
    void open_gate() { gate.cancel(); }

    asio::io_context ioc;
    transport::router routes;
    config::server_settings settings = loopback_server();
    config::outbound_settings outbound = test_outbound();
    received_requests seen;
    asio::steady_timer gate{ioc, asio::steady_timer::time_point::max()};
    std::unique_ptr<transport::http_server> server;
    std::unique_ptr<transport::http_client> client_;
    std::string scheme = "http";
};

} // namespace openfloor::testing
