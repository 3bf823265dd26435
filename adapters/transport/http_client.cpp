// http_client: a request on a pooled keep-alive stream when one is idle, else on a new one; a
// pooled stream that turns out dead before answering is replaced once.
#include "adapters/transport/http_client.hpp"

#include "adapters/transport/client_connect.hpp"
#include "adapters/transport/user_agent.hpp"
#include "bot/log.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <variant>

namespace openfloor::transport {
namespace {

// Idle streams kept per (scheme, host, port): enough for the few concurrent calls one platform
// sees, few enough that a server's idle limit rarely catches more than one.
constexpr std::size_t max_idle_per_key = 4;
// Platform API responses are small; anything this big is a misdirected download.
constexpr std::uint64_t max_response_bytes = 8 * 1024 * 1024;

using outgoing = http::request<http::string_body>;

struct exchange_result {
    boost::system::error_code ec;
    bool response_started = false; // some byte of a response arrived before the failure
    bool keep_alive = false;
    client_response res;
};

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

outgoing make_request(client_request& in, const url_parts& u) {
    outgoing req{in.method, u.target, 11};
    req.set(http::field::host, u.host_header());
    req.set(http::field::user_agent, user_agent());
    for (const auto& [name, value] : in.headers) {
        req.set(name, value);
    }
    req.body() = std::move(in.body);
    req.keep_alive(true);
    req.prepare_payload(); // Content-Length
    return req;
}

// `stream`, `buffer` and `req` belong to the awaiting caller's frame.
template <class Stream>
asio::awaitable<exchange_result> exchange(Stream& stream, beast::flat_buffer& buffer, outgoing& req,
                                          std::chrono::milliseconds timeout) {
    exchange_result out;
    auto& lowest = beast::get_lowest_layer(stream);
    lowest.expires_after(timeout);
    auto [write_ec, sent] = co_await http::async_write(stream, req, use_tuple);
    if (write_ec) {
        out.ec = write_ec;
        co_return out;
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(max_response_bytes);
    parser.skip(req.method() == http::verb::head); // a HEAD response has no body to wait for
    lowest.expires_after(timeout);
    auto [read_ec, received] = co_await http::async_read(stream, buffer, parser, use_tuple);
    if (read_ec) {
        out.ec = read_ec;
        out.response_started = parser.got_some() || buffer.size() > 0;
        co_return out;
    }
    auto res = parser.release();
    out.keep_alive = res.keep_alive();
    out.res.status = res.result_int();
    for (const auto& field : res) {
        out.res.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    out.res.body = std::move(res.body());
    co_return out;
}

// A stream from the pool may have been closed by the server while idle; that shows up as a
// failure before any response byte, and then the request never reached a handler. A timeout is
// different: the server may be working on it, so it is not retried.
bool worth_retrying(const exchange_result& r) {
    return r.ec && !r.response_started && r.ec != beast::error::timeout &&
           r.ec != asio::error::operation_aborted;
}

} // namespace

struct http_client::connection {
    template <std::size_t I, class... Args>
    explicit connection(std::in_place_index_t<I> which, Args&&... args)
        : stream(which, std::forward<Args>(args)...) {}

    std::variant<beast::tcp_stream, tls_stream> stream;
    beast::flat_buffer buffer;
};

std::optional<std::string> client_response::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (iequals(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

std::optional<std::chrono::milliseconds> client_response::seconds_header(std::string_view name) const {
    const auto value = header(name);
    if (!value) {
        return std::nullopt;
    }
    long long seconds = 0;
    auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), seconds);
    if (ec != std::errc{} || seconds < 0 || seconds > 86'400) {
        return std::nullopt;
    }
    return std::chrono::seconds(seconds);
}

http_client::http_client(asio::io_context& ioc, const config::outbound_settings& settings)
    : ioc_(ioc)
    , timeout_(settings.timeout)
    , tls_(make_client_tls_context(settings.ca_file)) {}

http_client::~http_client() = default;

std::unique_ptr<http_client::connection> http_client::take_idle(const std::string& key) {
    auto found = idle_.find(key);
    if (found == idle_.end() || found->second.empty()) {
        return nullptr;
    }
    auto c = std::move(found->second.back()); // the most recently used is likeliest alive
    found->second.pop_back();
    return c;
}

void http_client::give_back(const std::string& key, std::unique_ptr<connection> c) {
    auto& pool = idle_[key];
    if (pool.size() < max_idle_per_key) {
        pool.push_back(std::move(c));
    }
}

asio::awaitable<boost::system::result<std::unique_ptr<http_client::connection>>>
http_client::open(const url_parts& u) {
    std::unique_ptr<connection> c;
    boost::system::error_code ec;
    if (u.secure) {
        c = std::make_unique<connection>(std::in_place_index<1>, ioc_.get_executor(), tls_);
        ec = co_await connect_tls(std::get<1>(c->stream), u, timeout_);
    } else {
        c = std::make_unique<connection>(std::in_place_index<0>, ioc_.get_executor());
        ec = co_await connect_tcp(std::get<0>(c->stream), u, timeout_);
    }
    if (ec) {
        co_return ec;
    }
    ++opened_;
    co_return c;
}

asio::awaitable<boost::system::result<client_response>> http_client::send(client_request in) {
    auto u = parse_url(in.url);
    if (!u) {
        co_return u.error();
    }
    auto req = make_request(in, *u);
    const auto key = u->pool_key();
    const auto on = [&](connection& c) {
        return std::visit([&](auto& s) { return exchange(s, c.buffer, req, timeout_); }, c.stream);
    };

    auto c = take_idle(key);
    const bool reused = c != nullptr;
    if (!c) {
        auto opened = co_await open(*u);
        if (!opened) {
            co_return opened.error();
        }
        c = std::move(*opened);
    }
    auto out = co_await on(*c);
    if (reused && worth_retrying(out)) {
        bot::log::debug("http.client_retry", {{"host", u->host}, {"reason", out.ec.message()}});
        auto opened = co_await open(*u);
        if (!opened) {
            co_return opened.error();
        }
        c = std::move(*opened);
        out = co_await on(*c);
    }
    if (out.ec) {
        co_return out.ec;
    }
    if (out.keep_alive) {
        give_back(key, std::move(c));
    }
    co_return std::move(out.res);
}

} // namespace openfloor::transport
