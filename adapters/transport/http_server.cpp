// http_server: TLS setup, listen, the accept loop (which survives running out of descriptors and
// keeps to a connection cap), and stop() closing what is idle.
#include "adapters/transport/error.hpp"
#include "adapters/transport/server_state.hpp"
#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <sys/resource.h>

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

// A failed accept (out of descriptors, say) leaves the connection queued in the kernel, so the
// loop pauses before trying again rather than spin. An episode is logged once when it starts and
// once when it ends, with its count.
asio::awaitable<void> pause_after_failure(http_server::state& s,
                                          const boost::system::error_code& ec) {
    ++s.accept_failures;
    if (s.failures_in_a_row++ == 0) {
        bot::log::warn("http.accept_failed",
                       {{"reason", ec.message()},
                        {"retry_ms", static_cast<std::int64_t>(accept_retry_delay.count())},
                        {"open_connections", static_cast<std::int64_t>(s.connections.size())}});
    }
    asio::steady_timer pause(s.ioc, accept_retry_delay);
    co_await pause.async_wait(use_tuple); // only a cancelled wait can fail
}

void note_accept_recovered(http_server::state& s) {
    if (s.failures_in_a_row == 0) {
        return;
    }
    bot::log::info("http.accept_recovered",
                   {{"failures", static_cast<std::int64_t>(s.failures_in_a_row)}});
    s.failures_in_a_row = 0;
}

// The oldest connection that has sent nothing of a request, preferring ones that never sent
// any: an attacker's idle sockets are those, a platform's pooled keep-alive is not.
connection_status* oldest_idle(const http_server::state& s) {
    connection_status* keep_alive = nullptr;
    for (const auto& [id, connection] : s.connections) {
        if (connection->shedding || !connection->idle()) {
            continue;
        }
        if (connection->requests == 0) {
            return connection;
        }
        if (keep_alive == nullptr) {
            keep_alive = connection;
        }
    }
    return keep_alive;
}

// At the cap, closes the oldest idle connection to make room; false when all are mid-request.
bool make_room(http_server::state& s) {
    if (s.connections.size() - s.shedding_now < s.max_connections) {
        return true;
    }
    connection_status* victim = oldest_idle(s);
    if (s.connections_shed++ % 1000 == 0) { // a flood is logged now and then, and counted
        bot::log::warn(
            "http.connection_limit_reached",
            {{"max_connections", static_cast<std::int64_t>(s.max_connections)},
             {"closing", victim != nullptr ? "the oldest idle connection" : "the new connection"},
             {"shed_so_far", static_cast<std::int64_t>(s.connections_shed)}});
    }
    if (victim == nullptr) {
        return false;
    }
    victim->shedding = true;
    ++s.shedding_now;
    victim->lowest->cancel(); // its read completes with operation_aborted and it unwinds
    return true;
}

asio::awaitable<void> accept_loop(std::shared_ptr<http_server::state> s) {
    for (;;) {
        auto [ec, socket] = co_await s->acceptor.async_accept(use_tuple);
        if (s->stopping || ec == asio::error::operation_aborted) {
            co_return;
        }
        if (ec) {
            co_await pause_after_failure(*s, ec);
            continue;
        }
        note_accept_recovered(*s);
        if (!make_room(*s)) {
            boost::system::error_code ignored; // every connection is mid-request: refuse this one
            socket.close(ignored);
            continue;
        }
        spawn_logged(s->ioc.get_executor(), "http.connection",
                     serve_connection(s, std::move(socket)));
    }
}

} // namespace

std::size_t default_connection_limit() {
    constexpr std::size_t ceiling = 10'000;
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
        return ceiling;
    }
    const auto soft = static_cast<std::size_t>(limit.rlim_cur);
    const std::size_t reserve = std::max<std::size_t>(64, soft / 8);
    if (soft <= 2 * reserve) {
        return std::max<std::size_t>(1, soft / 2); // a tiny budget: share it evenly
    }
    return std::min(ceiling, soft - reserve);
}

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
    if (s.max_connections == 0) {
        s.max_connections = default_connection_limit();
    }
    bot::log::info("http.listening",
                   {{"port", static_cast<int>(s.port)},
                    {"tls", s.tls.has_value()},
                    {"max_connections", static_cast<std::int64_t>(s.max_connections)}});
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

void http_server::limit_connections(std::size_t max) {
    state_->max_connections = std::max<std::size_t>(1, max);
}

std::size_t http_server::connection_limit() const {
    return state_->max_connections;
}

std::uint64_t http_server::accept_failures() const {
    return state_->accept_failures;
}

std::uint64_t http_server::connections_shed() const {
    return state_->connections_shed;
}

} // namespace openfloor::transport
