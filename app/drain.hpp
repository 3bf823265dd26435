#pragma once
// The end of `run` and `demo`: after bot_app::stop(), wait (at most ten seconds) for in-flight
// requests and sends to finish, then end the event loop.
#include "app/bot_app.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

namespace openfloor::app {

boost::asio::awaitable<void> drain(bot_app& app, boost::asio::io_context& ioc);

} // namespace openfloor::app
