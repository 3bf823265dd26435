// The outbound HTTP(S) client for platform Web APIs: keep-alive connections pooled per
// (scheme, host, port), TLS that always verifies the peer, and a deadline on every operation.
#pragma once

#include "adapters/transport/net.hpp"
#include "adapters/transport/url.hpp"
#include "config/settings.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::transport {

struct client_request {
    http::verb method = http::verb::post;
    std::string url; // http:// or https://
    std::string body;
    header_list headers; // e.g. {"Authorization", "Bearer …"}
};

struct client_response {
    unsigned status = 0;
    header_list headers;
    std::string body;

    std::optional<std::string> header(std::string_view name) const; // case-insensitive
    // A header of whole seconds (Retry-After, X-Ratelimit-Reset): absent, negative, over a day
    // or not a number reads as nullopt.
    std::optional<std::chrono::milliseconds> seconds_header(std::string_view name) const;
};

class http_client {
public:
    // Loads outbound.ca_file; throws std::runtime_error naming it when unreadable (startup).
    http_client(asio::io_context& ioc, const config::outbound_settings& settings);
    ~http_client();
    http_client(const http_client&) = delete;
    http_client& operator=(const http_client&) = delete;

    // A failure is a value: a network or TLS error, a timeout, or a malformed response. Any HTTP
    // status, 4xx and 5xx included, is a response.
    asio::awaitable<boost::system::result<client_response>> send(client_request req);

    std::size_t connections_opened() const { return opened_; } // tests: keep-alive reuse
    ssl::context& tls_context() { return tls_; }               // shared with websockets

    struct connection; // a pooled stream, plain or TLS

private:
    asio::awaitable<boost::system::result<std::unique_ptr<connection>>> open(const url_parts& u);
    std::unique_ptr<connection> take_idle(const std::string& key);
    void give_back(const std::string& key, std::unique_ptr<connection> c);

    asio::io_context& ioc_;
    std::chrono::milliseconds timeout_;
    ssl::context tls_;
    std::map<std::string, std::vector<std::unique_ptr<connection>>> idle_;
    std::size_t opened_ = 0;
};

} // namespace openfloor::transport
