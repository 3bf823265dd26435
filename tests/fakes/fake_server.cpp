// fake_server: one coroutine per connection, templated over plain and TLS streams.
#include "tests/fakes/fake_server.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <algorithm>
#include <cctype>

namespace openfloor::testing {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

std::string fake_request::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string{} : it->second;
}

std::string fake_socket::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string{} : it->second;
}

// The websocket behind a fake_socket; the stream type is hidden behind these calls.
struct fake_socket::impl {
    virtual ~impl() = default;
    virtual void send(std::string text) = 0;
    virtual void close() = 0;
    virtual void drop() = 0;
    virtual void hang_up() = 0;
    virtual void go_silent() = 0;
};

void fake_socket::send(std::string text) { impl_->send(std::move(text)); }
void fake_socket::close() { impl_->close(); }
void fake_socket::drop() { impl_->drop(); }
void fake_socket::hang_up() { impl_->hang_up(); }
void fake_socket::go_silent() { impl_->go_silent(); }

struct fake_server::state {
    explicit state(asio::io_context& io) : ioc(io), acceptor(io) {}
    asio::io_context& ioc;
    tcp::acceptor acceptor;
    http_handler on_request;
    socket_handler on_socket;
    upgrade_check check_upgrade;
    asio::ssl::context* tls = nullptr;
    std::size_t accepted = 0;
};

namespace {

template <class Stream>
struct socket_impl final : fake_socket::impl, std::enable_shared_from_this<socket_impl<Stream>> {
    explicit socket_impl(Stream s) : ws(std::move(s)) {}

    websocket::stream<Stream> ws;
    std::deque<std::string> queue;
    bool writing = false;
    bool silent = false;
    fake_socket* owner = nullptr;

    void send(std::string text) override {
        queue.push_back(std::move(text));
        if (!writing) {
            writing = true;
            asio::co_spawn(ws.get_executor(), write_all(this->shared_from_this()), asio::detached);
        }
    }
    static asio::awaitable<void> write_all(std::shared_ptr<socket_impl> self) {
        while (!self->queue.empty()) {
            std::string next = std::move(self->queue.front());
            self->queue.pop_front();
            self->ws.text(true);
            auto [ec, n] = co_await self->ws.async_write(asio::buffer(next), use_tuple);
            if (ec) {
                self->queue.clear();
            }
        }
        self->writing = false;
    }
    void close() override {
        asio::co_spawn(ws.get_executor(), close_now(this->shared_from_this()), asio::detached);
    }
    static asio::awaitable<void> close_now(std::shared_ptr<socket_impl> self) {
        co_await self->ws.async_close(websocket::close_code::normal, use_tuple);
    }
    void drop() override {
        auto& sock = beast::get_lowest_layer(ws).socket();
        boost::system::error_code ignored;
        sock.set_option(tcp::socket::linger(true, 0), ignored); // RST, not FIN
        sock.close(ignored);
    }
    void hang_up() override {
        auto& sock = beast::get_lowest_layer(ws).socket();
        boost::system::error_code ignored;
        sock.shutdown(tcp::socket::shutdown_both, ignored); // FIN: an orderly TCP close
        sock.close(ignored);
    }
    void go_silent() override {
        silent = true;
        beast::get_lowest_layer(ws).socket().cancel(); // aborts the pending read
    }
};

template <class Stream>
asio::awaitable<void> run_socket(std::shared_ptr<fake_server::state> s,
                                 std::shared_ptr<socket_impl<Stream>> impl,
                                 std::shared_ptr<fake_socket> socket) {
    beast::flat_buffer buffer;
    for (;;) {
        auto [ec, n] = co_await impl->ws.async_read(buffer, use_tuple);
        if (ec) {
            break;
        }
        std::string text = beast::buffers_to_string(buffer.data());
        buffer.consume(buffer.size());
        socket->received.push_back(text);
        if (socket->on_message) {
            socket->on_message(text);
        }
    }
    if (impl->silent) {
        // Keep the connection open but never read again: the peer's pings go unanswered.
        asio::steady_timer forever(s->ioc, std::chrono::hours(1));
        co_await forever.async_wait(use_tuple);
    }
    socket->open = false;
    if (socket->on_close) {
        socket->on_close();
    }
}

fake_request to_fake_request(const http::request<http::string_body>& req) {
    fake_request fr;
    fr.method = std::string(req.method_string());
    fr.target = std::string(req.target());
    fr.path = fr.target.substr(0, fr.target.find('?'));
    for (const auto& field : req) {
        fr.headers[lower(std::string(field.name_string()))] = std::string(field.value());
    }
    fr.body = req.body();
    return fr;
}

// Writes `reply` (after its delay), or resets the connection. False when the connection is done.
template <class Stream>
asio::awaitable<bool> answer(std::shared_ptr<fake_server::state> s, Stream& stream,
                             const http::request<http::string_body>& req, fake_reply reply,
                             bool keep_alive) {
    if (reply.delay.count() > 0) {
        asio::steady_timer wait(s->ioc, reply.delay);
        co_await wait.async_wait(use_tuple);
    }
    if (reply.reset) {
        auto& sock = beast::get_lowest_layer(stream).socket();
        boost::system::error_code ignored;
        sock.set_option(tcp::socket::linger(true, 0), ignored);
        sock.close(ignored);
        co_return false;
    }
    http::response<http::string_body> res{static_cast<http::status>(reply.status), req.version()};
    res.set(http::field::content_type, reply.content_type);
    for (const auto& [name, value] : reply.headers) {
        res.set(name, value);
    }
    res.keep_alive(keep_alive);
    res.body() = reply.body;
    res.prepare_payload();
    auto [wec, wn] = co_await http::async_write(stream, res, use_tuple);
    co_return !wec && res.keep_alive();
}

template <class Stream>
asio::awaitable<void> serve(std::shared_ptr<fake_server::state> s, Stream stream) {
    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(64U * 1024U * 1024U);
        auto [ec, n] = co_await http::async_read(stream, buffer, parser, use_tuple);
        if (ec) {
            co_return;
        }
        auto req = parser.release();
        if (!s->on_request) {
            co_return; // the fake is gone: nobody is left to answer
        }
        fake_request fr = to_fake_request(req);
        if (websocket::is_upgrade(req)) {
            std::optional<fake_reply> refusal;
            if (s->check_upgrade) {
                refusal = s->check_upgrade(fr);
            }
            if (refusal) {
                co_await answer(s, stream, req, std::move(*refusal), false);
                co_return;
            }
            auto impl = std::make_shared<socket_impl<Stream>>(std::move(stream));
            auto [aec] = co_await impl->ws.async_accept(req, use_tuple);
            if (aec) {
                co_return;
            }
            auto socket = std::make_shared<fake_socket>();
            socket->target = fr.target;
            socket->headers = fr.headers;
            socket->impl_ = impl;
            impl->owner = socket.get();
            if (s->on_socket) {
                s->on_socket(socket);
            }
            co_await run_socket(s, impl, socket);
            co_return;
        }
        fake_reply reply = s->on_request(fr);
        // Not inside the `if`: g++ 12 miscompiles a co_await in a condition.
        const bool more = co_await answer(s, stream, req, std::move(reply), req.keep_alive());
        if (!more) {
            co_return;
        }
    }
}

asio::awaitable<void> session(std::shared_ptr<fake_server::state> s, tcp::socket socket) {
    if (s->tls) {
        beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), *s->tls);
        auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, use_tuple);
        if (ec) {
            co_return;
        }
        co_await serve(s, std::move(stream));
    } else {
        co_await serve(s, beast::tcp_stream(std::move(socket)));
    }
}

asio::awaitable<void> accept_loop(std::shared_ptr<fake_server::state> s) {
    for (;;) {
        auto [ec, socket] = co_await s->acceptor.async_accept(use_tuple);
        if (ec) {
            co_return;
        }
        ++s->accepted;
        asio::co_spawn(s->ioc, session(s, std::move(socket)), asio::detached);
    }
}

} // namespace

fake_server::fake_server(asio::io_context& ioc, http_handler on_request, socket_handler on_socket,
                         asio::ssl::context* tls)
    : state_(std::make_shared<state>(ioc)) {
    state_->on_request = std::move(on_request);
    state_->on_socket = std::move(on_socket);
    state_->tls = tls;
    const tcp::endpoint where(asio::ip::make_address("127.0.0.1"), 0);
    state_->acceptor.open(where.protocol());
    state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    state_->acceptor.bind(where);
    state_->acceptor.listen();
    asio::co_spawn(ioc, accept_loop(state_), asio::detached);
}

fake_server::~fake_server() {
    // Connections may outlive the fake that owns this server: they must not call into it.
    state_->on_request = nullptr;
    state_->on_socket = nullptr;
    state_->check_upgrade = nullptr;
    boost::system::error_code ignored;
    state_->acceptor.close(ignored);
}

unsigned short fake_server::port() const { return state_->acceptor.local_endpoint().port(); }

std::string fake_server::base_url() const {
    return std::string(state_->tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port());
}

std::string fake_server::ws_url() const {
    return std::string(state_->tls ? "wss" : "ws") + "://127.0.0.1:" + std::to_string(port());
}

std::size_t fake_server::connections_accepted() const { return state_->accepted; }

void fake_server::set_upgrade_check(upgrade_check check) {
    state_->check_upgrade = std::move(check);
}

} // namespace openfloor::testing
