// HTTPS end to end with a CA generated for the test: the client trusts it only through
// outbound.ca_file, and refuses a server it cannot verify.
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_certs.hpp"
#include "tests/transport/server_fixture.hpp"

#include <boost/asio/ssl/error.hpp>
#include <gtest/gtest.h>

namespace openfloor::testing {
namespace {

class Https : public ServerFixture {
protected:
    void serve_tls(const leaf_names& names = {}) {
        certs = make_test_certs(dir.path(), names);
        settings.tls.cert_file = certs.leaf_cert.string();
        settings.tls.key_file = certs.leaf_key.string();
        scheme = "https";
        start();
    }

    temp_dir dir;
    test_cert_files certs;
};

TEST_F(Https, ServesAClientThatTrustsTheTestCa) {
    serve_tls();
    outbound.ca_file = certs.ca_cert.string();
    for (int i = 0; i < 2; ++i) {
        auto res = send({http::verb::post, url("/echo"), "over tls", {}});
        ASSERT_TRUE(res.has_value());
        ASSERT_TRUE(res->has_value()) << res->error().message();
        EXPECT_EQ((*res)->status, 200U);
        EXPECT_EQ((*res)->body, "over tls");
    }
    EXPECT_EQ(client().connections_opened(), 1U);
}

TEST_F(Https, VerifiesTheDnsNameOfTheCertificate) {
    serve_tls();
    outbound.ca_file = certs.ca_cert.string();
    auto res = send(
        {http::verb::get, "https://localhost:" + std::to_string(server->port()) + "/echo", "", {}});
    ASSERT_TRUE(res.has_value());
    ASSERT_TRUE(res->has_value()) << res->error().message();
    EXPECT_EQ((*res)->status, 200U);
}

TEST_F(Https, ClientWithoutTheCaRefusesTheServer) {
    serve_tls();
    auto res = send({http::verb::get, url("/echo"), "", {}});
    ASSERT_TRUE(res.has_value());
    ASSERT_FALSE(res->has_value());
    EXPECT_EQ(res->error().category(), boost::asio::error::get_ssl_category());
    EXPECT_TRUE(seen.requests.empty());
}

TEST_F(Https, ClientRefusesACertificateForAnotherHostName) {
    serve_tls(leaf_names{{"other.example"}, {}});
    outbound.ca_file = certs.ca_cert.string();
    auto res = send({http::verb::get, url("/echo"), "", {}});
    ASSERT_TRUE(res.has_value());
    ASSERT_FALSE(res->has_value());
    EXPECT_EQ(res->error().category(), boost::asio::error::get_ssl_category());
    EXPECT_TRUE(seen.requests.empty());
}

TEST_F(Https, ServerFailsAtStartupWhenItsCertificateCannotBeLoaded) {
    settings.tls.cert_file = (dir.path() / "missing.pem").string();
    settings.tls.key_file = (dir.path() / "missing-key.pem").string();
    EXPECT_THROW(transport::http_server(ioc, routes, settings), std::runtime_error);
}

TEST_F(Https, ServerFailsAtStartupWhenTheKeyDoesNotMatchTheCertificate) {
    certs = make_test_certs(dir.path());
    settings.tls.cert_file = certs.leaf_cert.string();
    settings.tls.key_file = certs.ca_key.string();
    EXPECT_THROW(transport::http_server(ioc, routes, settings), std::runtime_error);
}

} // namespace
} // namespace openfloor::testing
