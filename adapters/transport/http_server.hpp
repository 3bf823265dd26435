// The inbound HTTP(S) server for webhooks, /healthz and /metrics: a router of exact paths and a
// server that runs one coroutine per connection on the caller's single-threaded io_context.
#pragma once

#include "adapters/transport/net.hpp"
#include "config/settings.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace openfloor::transport {

namespace metrics {
class counter;
class histogram;
class registry;
template <class Metric>
class family;
} // namespace metrics

using request = http::request<http::string_body>;
using response = http::response<http::string_body>;
using handler = std::function<asio::awaitable<response>(request)>;

// A response to `req`: its HTTP version and keep-alive are copied, Content-Length is set.
response make_response(const request& req, http::status status, std::string body,
                       std::string_view content_type = "application/json");

// The default connection cap: the soft RLIMIT_NOFILE less a reserve (an eighth, at least 64) for
// outbound HTTPS, websockets and the database, and never over 10,000 (an idle connection costs a
// few KB, so that bounds memory too; the platforms need a handful at a time).
std::size_t default_connection_limit();

class router {
public:
    void add(http::verb method, std::string path, handler h); // exact path, query ignored
    asio::awaitable<response> dispatch(request req) const;    // 404 unknown path, 405 other method
    // From now on, counts and times every request by routed path ("other" for unknown paths,
    // so a caller cannot mint label values) and status. `r` must outlive the router.
    void measure(metrics::registry& r);

private:
    void count(std::string_view endpoint, http::status status,
               std::chrono::steady_clock::duration took) const;

    std::map<std::string, std::map<http::verb, handler>, std::less<>> routes_;
    metrics::family<metrics::counter>* requests_ = nullptr;
    metrics::family<metrics::histogram>* durations_ = nullptr;
};

class http_server {
public:
    // Loads the TLS certificate and key when settings.tls.enabled(); throws std::runtime_error
    // naming the file when they do not load (a startup error). `routes` must outlive the server
    // and every connection it served (app/ owns both).
    http_server(asio::io_context& ioc, const router& routes,
                const config::server_settings& settings);
    ~http_server();
    http_server(const http_server&) = delete;
    http_server& operator=(const http_server&) = delete;

    // Binds and listens on settings.listen ("host:port", port 0 = ephemeral), then accepts.
    // Without limit_connections(), the cap is default_connection_limit() as of this call.
    boost::system::result<void> listen();
    unsigned short port() const;
    // Stops accepting. Requests already being received or handled finish and are answered (with
    // "Connection: close"); idle keep-alive connections close now.
    void stop();
    std::size_t open_connections() const;

    // The most connections served at once. A connection arriving at the cap displaces the oldest
    // one that has sent nothing of a request (never-used ones first, then idle keep-alives); when
    // every connection is mid-request, the newcomer is closed instead. Either way the process
    // stays within its descriptor budget and a real request still gets in past idle ones.
    void limit_connections(std::size_t max);
    std::size_t connection_limit() const;
    // Accepts that failed (out of descriptors, say), and connections closed by the cap.
    std::uint64_t accept_failures() const;
    std::uint64_t connections_shed() const;

    struct state; // shared with the connection coroutines, which may outlive this object

private:
    std::shared_ptr<state> state_;
};

} // namespace openfloor::transport
