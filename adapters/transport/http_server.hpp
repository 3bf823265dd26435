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

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace openfloor::transport {

using request = http::request<http::string_body>;
using response = http::response<http::string_body>;
using handler = std::function<asio::awaitable<response>(request)>;

// A response to `req`: its HTTP version and keep-alive are copied, Content-Length is set.
response make_response(const request& req, http::status status, std::string body,
                       std::string_view content_type = "application/json");

class router {
public:
    void add(http::verb method, std::string path, handler h); // exact path, query ignored
    asio::awaitable<response> dispatch(request req) const;    // 404 unknown path, 405 other method

private:
    std::map<std::string, std::map<http::verb, handler>, std::less<>> routes_;
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
    boost::system::result<void> listen();
    unsigned short port() const;
    // Stops accepting. Requests already being received or handled finish and are answered (with
    // "Connection: close"); idle keep-alive connections close now.
    void stop();
    std::size_t open_connections() const;

    struct state; // shared with the connection coroutines, which may outlive this object

private:
    std::shared_ptr<state> state_;
};

} // namespace openfloor::transport
