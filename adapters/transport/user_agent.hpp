// The User-Agent every outbound request and websocket upgrade sends: "openfloor/<version>".
#pragma once

#include <string_view>

namespace openfloor::transport {

std::string_view user_agent() noexcept;

} // namespace openfloor::transport
