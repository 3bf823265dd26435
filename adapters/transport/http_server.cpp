// http_server: TLS setup, listen, the accept loop, and stop() closing what is idle.
#include "adapters/transport/error.hpp"
#include "adapters/transport/server_state.hpp"
#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

#include <boost/asio/steady_timer.hpp>

#include <charconv>
#include <stdexcept>

namespace openfloor::transport {
namespace {

using tcp = asio::ip::tcp;

// After a failed accept (out of descriptors, say), wait before the next, or we would spin.
constexpr std::chrono::milliseconds accept_retry_delay{100};

ssl::context make_server_tls_context(const config::tls_settings& tls) {
    ssl::context ctx(ssl::context::tls_server);
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                    ssl::context::single_dh_use);
    boost::system::error_code ec;
    ctx.use_certificate_chain_file(*tls.cert_file, ec);
    if (ec) {
        throw std::runtime_error("server.tls.cert_file: cannot load certificate '" +
                                 *tls.cert_file + "': " + ec.message());
    }
    ctx.use_private_key_file(*tls.key_file, ssl::context::pem, ec);
    if (ec) {
        throw std::runtime_error("server.tls.key_file: cannot load private key '" + *tls.key_file +
                                 "' (or it does not match the certificate): " + ec.message());
    }
    return ctx;
}

boost::system::result<tcp::endpoint> resolve_listen(asio::io_context& ioc,
                                                    std::string_view listen) {
    const auto colon = listen.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        return error::bad_listen_address;
    }
    std::string_view host = listen.substr(0, colon);
    const std::string_view port_text = listen.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2); // [::1]:8080
    }
    unsigned short port = 0;
    const auto* end = port_text.data() + port_text.size();
    const auto [ptr, ec] = std::from_chars(port_text.data(), end, port);
    if (ec != std::errc{} || ptr != end || port_text.empty()) {
        return error::bad_listen_address;
    }
    tcp::resolver resolver(ioc);
    boost::system::error_code resolve_ec;
    auto results = resolver.resolve(host, port_text, tcp::resolver::passive, resolve_ec);
    if (resolve_ec) {
        return resolve_ec;
    }
    if (results.empty()) {
        return error::bad_listen_address;
    }
    return results.begin()->endpoint();
}

asio::awaitable<void> accept_loop(std::shared_ptr<http_server::state> s) {
    std::uint64_t failures = 0;
    for (;;) {
        auto [ec, socket] = co_await s->acceptor.async_accept(use_tuple);
        if (s->stopping || ec == asio::error::operation_aborted) {
            co_return;
        }
        if (ec) {
            if (failures++ % 100 == 0) { // a repeating error is logged once, then counted
                bot::log::warn(
                    "http.accept_failed",
                    {{"reason", ec.message()}, {"count", static_cast<std::int64_t>(failures)}});
            }
            asio::steady_timer pause(s->ioc, accept_retry_delay);
            co_await pause.async_wait(use_tuple); // only a cancelled wait can fail
            continue;
        }
        spawn_logged(s->ioc.get_executor(), "http.connection",
                     serve_connection(s, std::move(socket)));
    }
}

} // namespace

http_server::state::state(asio::io_context& io, const router& r, const config::server_settings& s)
    : ioc(io)
    , routes(r)
    , settings(s)
    , acceptor(io) {
    if (settings.tls.enabled()) {
        tls.emplace(make_server_tls_context(settings.tls));
    }
}

http_server::http_server(asio::io_context& ioc, const router& routes,
                         const config::server_settings& settings)
    : state_(std::make_shared<state>(ioc, routes, settings)) {}

http_server::~http_server() {
    stop();
}

boost::system::result<void> http_server::listen() {
    auto& s = *state_;
    if (s.acceptor.is_open() || s.stopping) {
        return asio::error::already_open;
    }
    auto endpoint = resolve_listen(s.ioc, s.settings.listen);
    if (!endpoint) {
        return endpoint.error();
    }
    boost::system::error_code ec;
    s.acceptor.open(endpoint->protocol(), ec);
    if (!ec) {
        s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        s.acceptor.bind(*endpoint, ec);
    }
    if (!ec) {
        s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        boost::system::error_code ignored;
        s.acceptor.close(ignored);
        return ec;
    }
    s.port = s.acceptor.local_endpoint(ec).port();
    bot::log::info("http.listening",
                   {{"port", static_cast<int>(s.port)}, {"tls", s.tls.has_value()}});
    spawn_logged(s.ioc.get_executor(), "http.accept", accept_loop(state_));
    return {};
}

unsigned short http_server::port() const {
    return state_->port;
}

void http_server::stop() {
    auto& s = *state_;
    if (s.stopping) {
        return;
    }
    s.stopping = true;
    boost::system::error_code ignored; // closing an acceptor that never opened is fine
    s.acceptor.close(ignored);
    for (auto& [id, connection] : s.connections) {
        if (connection->idle()) {
            connection->lowest->cancel(); // its read completes with operation_aborted
        }
    }
}

std::size_t http_server::open_connections() const {
    return state_->connections.size();
}

} // namespace openfloor::transport
