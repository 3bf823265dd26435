// The Boost namespace aliases and the completion token every network call in openfloor uses.
// Light on purpose: adapters include it everywhere, Beast's heavy headers stay in the .cpp files.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <string>
#include <utility>
#include <vector>

// Declared empty so the aliases below need no Beast header; the real contents come with the
// headers of whoever uses them.
namespace boost::beast::http {}
namespace boost::beast::websocket {}
namespace boost::asio::ssl {}

namespace openfloor::transport {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;

// Network failures are expected, so they come back as values (an error_code first) and never as
// exceptions. Plain use_awaitable is for operations whose failure is a bug.
inline constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

using header_list = std::vector<std::pair<std::string, std::string>>;

} // namespace openfloor::transport
