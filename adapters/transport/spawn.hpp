// spawn_logged: how every openfloor task starts, so a task that dies is logged with its name
// instead of vanishing the way `detached` would let it.
#pragma once

#include "adapters/transport/net.hpp"

#include <string>

namespace openfloor::transport {

void spawn_logged(asio::any_io_executor ex, std::string name, asio::awaitable<void> task);

} // namespace openfloor::transport
