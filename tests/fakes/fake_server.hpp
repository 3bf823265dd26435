// A programmable HTTP + WebSocket server on 127.0.0.1 for fake platforms: each request is handed
// to a function that decides the answer, or a fault (a reset, a stall). Websocket upgrades on
// the same port become fake_sockets the test can push frames through. Plain or TLS.
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace openfloor::testing {

namespace asio = boost::asio;

struct fake_request {
    std::string method;
    std::string target; // path and query
    std::string path;   // without the query
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
    std::string header(const std::string& lower_name) const;
};

struct fake_reply {
    unsigned status = 200;
    std::string body = "{}";
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    bool reset = false;                  // close the connection without answering
    std::chrono::milliseconds delay{0};  // answer late (a stall longer than the client's timeout)
};

// One accepted websocket: what the client sent, and a way to send it frames.
class fake_socket {
public:
    std::string target;                         // the upgrade request's target
    std::map<std::string, std::string> headers; // the upgrade request's, lower-case names
    std::vector<std::string> received;          // every text frame from the client, in order
    bool open = true;
    std::function<void(const std::string&)> on_message; // called for each received frame
    std::function<void()> on_close; // called once, when the connection has ended either way

    std::string header(const std::string& lower_name) const;
    void send(std::string text);
    void close();  // a clean close handshake
    void drop();   // the TCP connection vanishes, no close frame (a reset)
    void hang_up(); // the TCP connection is closed (FIN) without a close frame, as Go's Conn.Close
    void go_silent(); // stop reading: pings go unanswered, as a dead peer would

    struct impl;
    std::shared_ptr<impl> impl_;
};

class fake_server {
public:
    using http_handler = std::function<fake_reply(const fake_request&)>;
    using socket_handler = std::function<void(std::shared_ptr<fake_socket>)>;
    // Sees each websocket upgrade request first: a reply refuses the upgrade with that answer
    // (a 401, a 503, a reset), nullopt accepts it.
    using upgrade_check = std::function<std::optional<fake_reply>(const fake_request&)>;

    // `tls`: serve HTTPS/WSS with this context (certificate from tests/support/test_certs).
    fake_server(asio::io_context& ioc, http_handler on_request, socket_handler on_socket = nullptr,
                asio::ssl::context* tls = nullptr);
    ~fake_server();

    unsigned short port() const;
    // "http://127.0.0.1:PORT" or "https://…"; ws_url gives "ws://…" or "wss://…".
    std::string base_url() const;
    std::string ws_url() const;
    std::size_t connections_accepted() const;
    void set_upgrade_check(upgrade_check check);

    struct state;

private:
    std::shared_ptr<state> state_;
};

} // namespace openfloor::testing
