// parse_url: the scheme decides TLS and the default port; Host carries a non-default port.
#include "adapters/transport/error.hpp"
#include "adapters/transport/url.hpp"

#include <gtest/gtest.h>

namespace openfloor::transport {
namespace {

TEST(HttpUrl, SplitsAnHttpsUrlWithItsDefaultPort) {
    auto u = parse_url("https://slack.com/api/chat.postMessage?x=1");
    ASSERT_TRUE(u);
    EXPECT_TRUE(u->secure);
    EXPECT_EQ(u->host, "slack.com");
    EXPECT_EQ(u->port, 443);
    EXPECT_EQ(u->target, "/api/chat.postMessage?x=1");
    EXPECT_EQ(u->host_header(), "slack.com");
    EXPECT_EQ(u->pool_key(), "https://slack.com:443");
}

TEST(HttpUrl, KeepsANonDefaultPortInTheHostHeader) {
    auto u = parse_url("http://127.0.0.1:8065");
    ASSERT_TRUE(u);
    EXPECT_FALSE(u->secure);
    EXPECT_EQ(u->port, 8065);
    EXPECT_EQ(u->target, "/");
    EXPECT_EQ(u->host_header(), "127.0.0.1:8065");
}

TEST(HttpUrl, BracketsIpv6HostsInTheHostHeaderOnly) {
    auto u = parse_url("wss://[::1]:9443/socket", /*websocket=*/true);
    ASSERT_TRUE(u);
    EXPECT_EQ(u->host, "::1");
    EXPECT_EQ(u->host_header(), "[::1]:9443");
}

TEST(HttpUrl, RefusesSchemesOfTheOtherKind) {
    EXPECT_EQ(parse_url("wss://example.test/").error(), error::unsupported_scheme);
    EXPECT_EQ(parse_url("https://example.test/", true).error(), error::unsupported_scheme);
    EXPECT_EQ(parse_url("https:///nohost").error(), error::bad_url);
    EXPECT_EQ(parse_url("http://example.test:0/").error(), error::bad_url);
}

} // namespace
} // namespace openfloor::transport
