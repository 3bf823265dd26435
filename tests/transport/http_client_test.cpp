// http_client against the real server: the headers it sends, keep-alive reuse, the one retry on
// a pooled connection the server closed, deadlines, and URLs it refuses.
#include "adapters/transport/error.hpp"
#include "tests/transport/server_fixture.hpp"

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/field.hpp>
#include <gtest/gtest.h>

namespace openfloor::testing {
namespace {

class HttpClient : public ServerFixture {};

TEST_F(HttpClient, SendsHostUserAgentContentLengthAndCustomHeaders) {
    start();
    auto res = send({http::verb::post,
                     url("/echo?x=1"),
                     R"({"text":"hi"})",
                     {{"Authorization", "Bearer test-token"},
                      {"Content-Type", "application/json; charset=utf-8"}}});
    ASSERT_TRUE(res.has_value() && res->has_value());
    EXPECT_EQ((*res)->status, 200U);
    EXPECT_EQ((*res)->body, R"({"text":"hi"})");
    ASSERT_EQ(seen.requests.size(), 1U);
    const auto& req = seen.requests.front();
    EXPECT_EQ(req.target(), "/echo?x=1");
    EXPECT_EQ(req[http::field::host], "127.0.0.1:" + std::to_string(server->port()));
    EXPECT_EQ(req[http::field::user_agent].substr(0, 10), "openfloor/");
    EXPECT_EQ(req[http::field::content_length], "13");
    EXPECT_EQ(req[http::field::authorization], "Bearer test-token");
    EXPECT_EQ(req[http::field::content_type], "application/json; charset=utf-8");
}

TEST_F(HttpClient, ReusesOneKeepAliveConnectionForTwoRequests) {
    start();
    for (int i = 0; i < 2; ++i) {
        auto res = send({http::verb::get, url("/echo"), "", {}});
        ASSERT_TRUE(res.has_value() && res->has_value());
        EXPECT_EQ((*res)->status, 200U);
    }
    EXPECT_EQ(client().connections_opened(), 1U);
    EXPECT_EQ(server->open_connections(), 1U);
    EXPECT_EQ(seen.requests.size(), 2U);
}

TEST_F(HttpClient, RetriesOnceOnAFreshConnectionWhenThePooledOneWasClosed) {
    settings.request_timeout = 200ms; // the server drops idle keep-alive connections quickly
    start();
    auto first = send({http::verb::post, url("/echo"), "one", {}});
    ASSERT_TRUE(first.has_value() && first->has_value());
    ASSERT_TRUE(run_until(
        ioc, [&] { return server->open_connections() == 0; }, 5s));

    auto second = send({http::verb::post, url("/echo"), "two", {}});
    ASSERT_TRUE(second.has_value());
    ASSERT_TRUE(second->has_value()) << second->error().message();
    EXPECT_EQ((*second)->body, "two");
    EXPECT_EQ(client().connections_opened(), 2U);
    EXPECT_EQ(seen.requests.size(), 2U);
}

TEST_F(HttpClient, ReportsATimeoutWhenTheServerNeverAnswers) {
    outbound.timeout = 200ms;
    start();
    auto res = send({http::verb::get, url("/slow"), "", {}});
    ASSERT_TRUE(res.has_value());
    ASSERT_FALSE(res->has_value());
    EXPECT_EQ(res->error(), boost::beast::error::timeout);
    EXPECT_EQ(seen.requests.size(), 1U); // sent once: a timeout is not retried
}

TEST_F(HttpClient, ReadsHeadersCaseInsensitively) {
    start();
    auto res = send({http::verb::get, url("/echo"), "", {}});
    ASSERT_TRUE(res.has_value() && res->has_value());
    EXPECT_EQ((*res)->header("CONTENT-TYPE"), "text/plain");
    EXPECT_EQ((*res)->header("x-missing"), std::nullopt);
}

TEST_F(HttpClient, RefusesUrlsItCannotUse) {
    auto ftp = send({http::verb::get, "ftp://127.0.0.1/file", "", {}});
    ASSERT_TRUE(ftp.has_value());
    EXPECT_EQ(ftp->error(), transport::error::unsupported_scheme);
    auto garbage = send({http::verb::get, "not a url", "", {}});
    ASSERT_TRUE(garbage.has_value());
    EXPECT_EQ(garbage->error(), transport::error::bad_url);
}

TEST_F(HttpClient, ReportsAConnectionRefused) {
    start();
    const auto closed_port = url("/echo");
    server.reset(); // nothing listens on that port any more
    auto res = send({http::verb::get, closed_port, "", {}});
    ASSERT_TRUE(res.has_value());
    EXPECT_FALSE(res->has_value());
}

TEST(HttpClientSetup, ThrowsAtStartupWhenTheCaFileCannotBeRead) {
    boost::asio::io_context ioc;
    config::outbound_settings s;
    s.ca_file = "/nonexistent/ca.pem";
    EXPECT_THROW(transport::http_client(ioc, s), std::runtime_error);
}

} // namespace
} // namespace openfloor::testing
