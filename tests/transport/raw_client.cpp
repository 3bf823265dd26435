// raw_client: reads run as callbacks on the test's io_context, driven by run_until.
#include "tests/transport/raw_client.hpp"

#include "tests/support/run_until.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>

#include <array>
#include <memory>

namespace openfloor::testing {

namespace asio = boost::asio;
namespace http = boost::beast::http;

raw_client::raw_client(asio::io_context& ioc, unsigned short port)
    : ioc_(ioc)
    , socket_(ioc) {
    socket_.connect({asio::ip::make_address("127.0.0.1"), port});
}

void raw_client::write(std::string_view bytes) {
    asio::write(socket_, asio::buffer(bytes));
}

std::optional<transport::response> raw_client::read_response(std::chrono::milliseconds deadline) {
    struct outcome {
        transport::response res;
        boost::system::error_code ec;
        bool done = false;
    };
    auto result = std::make_shared<outcome>();
    http::async_read(socket_, buffer_, result->res,
                     [result](boost::system::error_code ec, std::size_t) {
                         result->ec = ec;
                         result->done = true;
                     });
    if (!run_until(
            ioc_, [&] { return result->done; }, deadline) ||
        result->ec) {
        return std::nullopt;
    }
    return std::move(result->res);
}

bool raw_client::wait_closed(std::chrono::milliseconds deadline) {
    struct reader : std::enable_shared_from_this<reader> {
        explicit reader(raw_client& c)
            : client(c) {}
        void start() {
            client.socket_.async_read_some(
                asio::buffer(chunk),
                [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                    if (ec) {
                        self->closed = true;
                        return;
                    }
                    self->client.received_.append(self->chunk.data(), n);
                    self->start();
                });
        }
        raw_client& client;
        std::array<char, 4096> chunk{};
        bool closed = false;
    };
    if (buffer_.size() > 0) { // left over from read_response
        received_.append(static_cast<const char*>(buffer_.data().data()), buffer_.size());
        buffer_.consume(buffer_.size());
    }
    auto r = std::make_shared<reader>(*this);
    r->start();
    return run_until(
        ioc_, [&] { return r->closed; }, deadline);
}

} // namespace openfloor::testing
