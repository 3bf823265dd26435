// The server's connection cap: a newcomer at the cap displaces the oldest idle connection (never
// a request in progress), preferring sockets that never sent anything over idle keep-alives, and
// is itself closed when every connection is mid-request. The default cap leaves descriptors over.
#include "tests/support/descriptor_limit.hpp"
#include "tests/transport/raw_client.hpp"
#include "tests/transport/server_fixture.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace openfloor::testing {
namespace {

constexpr auto get_echo = "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
constexpr auto get_slow = "GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

class ConnectionLimit : public ServerFixture {
protected:
    // A client whose connection the server has accepted and registered (so arrival order is the
    // order of these calls).
    std::unique_ptr<raw_client> connect() {
        const auto before = server->open_connections();
        auto peer = std::make_unique<raw_client>(ioc, server->port());
        EXPECT_TRUE(run_until(
            ioc, [&] { return server->open_connections() > before; }, 5s));
        return peer;
    }
    static bool answered_ok(raw_client& peer) {
        auto res = peer.read_response(5s);
        return res.has_value() && res->result() == http::status::ok;
    }
};

TEST_F(ConnectionLimit, ANewConnectionAtTheCapDisplacesTheOldestIdleOne) {
    start();
    server->limit_connections(3);
    auto oldest = connect();
    auto second = connect();
    auto third = connect();

    raw_client newcomer(ioc, server->port());
    newcomer.write(get_echo);
    EXPECT_TRUE(answered_ok(newcomer)) << "a real request gets in past idle connections";
    EXPECT_TRUE(oldest->wait_closed(5s));
    EXPECT_TRUE(oldest->received().empty());
    EXPECT_EQ(server->connections_shed(), 1U);
    EXPECT_EQ(server->open_connections(), 3U);
    second->write(get_echo); // the younger idle ones were left alone
    EXPECT_TRUE(answered_ok(*second));
}

TEST_F(ConnectionLimit, PrefersASocketThatNeverSentAnythingOverAnIdleKeepAlive) {
    start();
    server->limit_connections(2);
    auto keep_alive = connect();
    keep_alive->write(get_echo);
    ASSERT_TRUE(answered_ok(*keep_alive)); // now idle, between requests
    auto silent = connect();

    raw_client newcomer(ioc, server->port());
    newcomer.write(get_echo);
    EXPECT_TRUE(answered_ok(newcomer));
    EXPECT_TRUE(silent->wait_closed(5s));
    keep_alive->write(get_echo);
    EXPECT_TRUE(answered_ok(*keep_alive)) << "the keep-alive connection was kept";
}

TEST_F(ConnectionLimit, ClosesTheNewcomerWhenEveryConnectionIsMidRequest) {
    start();
    server->limit_connections(2);
    auto first = connect();
    auto second = connect();
    first->write(get_slow);
    second->write(get_slow);
    ASSERT_TRUE(run_until(
        ioc, [&] { return seen.waiting == 2; }, 5s));

    raw_client newcomer(ioc, server->port());
    EXPECT_TRUE(newcomer.wait_closed(5s));
    EXPECT_TRUE(newcomer.received().empty());
    EXPECT_EQ(server->connections_shed(), 1U);
    open_gate();
    EXPECT_TRUE(answered_ok(*first)) << "requests in progress are never shed";
    EXPECT_TRUE(answered_ok(*second));
}

TEST_F(ConnectionLimit, TheDefaultCapLeavesAReserveOfTheDescriptorBudget) {
    {
        soft_descriptor_limit lowered(1024);
        EXPECT_EQ(transport::default_connection_limit(), 1024U - 128U);
    }
    {
        soft_descriptor_limit lowered(100); // a budget too small for the reserve: half each
        EXPECT_EQ(transport::default_connection_limit(), 50U);
    }
    {
        soft_descriptor_limit lowered(2'000);
        EXPECT_EQ(transport::default_connection_limit(), 2'000U - 250U);
    }
    start();
    EXPECT_EQ(server->connection_limit(), transport::default_connection_limit());
}

} // namespace
} // namespace openfloor::testing
