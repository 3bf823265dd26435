// Dialling for the clients: a resolver raced against a timer (resolvers have no expiry of their
// own), tcp_stream's connect timeout, and TLS that always verifies the peer.
#include "adapters/transport/client_connect.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <memory>
#include <stdexcept>

namespace openfloor::transport {
namespace {

using tcp = asio::ip::tcp;

// Bounds a resolve: a timer cancels the resolver unless the resolve finished first. The flag,
// not the timer's error code, decides: an expiry already queued when the resolve completes
// must not touch a resolver that is about to be destroyed.
asio::awaitable<tcp::resolver::results_type> resolve(tcp::resolver& resolver, const url_parts& u,
                                                     std::chrono::milliseconds timeout,
                                                     boost::system::error_code& ec) {
    auto done = std::make_shared<bool>(false);
    asio::steady_timer deadline(resolver.get_executor());
    deadline.expires_after(timeout);
    deadline.async_wait([done, r = &resolver](boost::system::error_code wait_ec) {
        if (!wait_ec && !*done) {
            r->cancel();
        }
    });
    auto [resolve_ec, results] =
        co_await resolver.async_resolve(u.host, std::to_string(u.port), use_tuple);
    *done = true;
    deadline.cancel();
    ec = resolve_ec == asio::error::operation_aborted ? beast::error::timeout : resolve_ec;
    co_return results;
}

bool is_ip_literal(const std::string& host) {
    boost::system::error_code ec;
    (void)asio::ip::make_address(host, ec);
    return !ec;
}

} // namespace

asio::awaitable<boost::system::error_code>
connect_tcp(beast::tcp_stream& stream, const url_parts& u, std::chrono::milliseconds timeout) {
    tcp::resolver resolver(stream.get_executor());
    boost::system::error_code ec;
    auto endpoints = co_await resolve(resolver, u, timeout, ec);
    if (ec) {
        co_return ec;
    }
    stream.expires_after(timeout);
    auto [connect_ec, endpoint] = co_await stream.async_connect(endpoints, use_tuple);
    if (!connect_ec) {
        // Requests are small and latency matters more than packet count.
        stream.socket().set_option(tcp::no_delay(true), connect_ec);
    }
    co_return connect_ec;
}

asio::awaitable<boost::system::error_code> connect_tls(tls_stream& stream, const url_parts& u,
                                                       std::chrono::milliseconds timeout) {
    // RFC 6066 forbids IP literals in SNI; the certificate is still checked against the address.
    // SSL_set_tlsext_host_name() spelled out: the macro's C cast trips -Wold-style-cast.
    if (!is_ip_literal(u.host) &&
        SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(u.host.c_str())) != 1) {
        co_return boost::system::error_code(static_cast<int>(::ERR_get_error()),
                                            asio::error::get_ssl_category());
    }
    stream.set_verify_mode(ssl::verify_peer);
    stream.set_verify_callback(ssl::host_name_verification(u.host));

    if (auto ec = co_await connect_tcp(stream.next_layer(), u, timeout)) {
        co_return ec;
    }
    stream.next_layer().expires_after(timeout);
    auto [ec] = co_await stream.async_handshake(ssl::stream_base::client, use_tuple);
    co_return ec;
}

ssl::context make_client_tls_context(const std::optional<std::string>& ca_file) {
    ssl::context ctx(ssl::context::tls_client);
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    boost::system::error_code ec;
    ctx.set_default_verify_paths(ec); // the system store may be absent in minimal containers
    if (ca_file) {
        ctx.load_verify_file(*ca_file, ec);
        if (ec) {
            throw std::runtime_error("outbound.ca_file: cannot load CA bundle '" + *ca_file +
                                     "': " + ec.message());
        }
    }
    ctx.set_verify_mode(ssl::verify_peer);
    return ctx;
}

} // namespace openfloor::transport
