// A request handed to a router as the HTTP server would hand it over, without the socket: the
// targets reach every endpoint's verification, decoding and dispatch this way, many thousand
// times a second.
#pragma once

#include "adapters/transport/http_server.hpp"
#include "tests/fuzz/rig/bot_rig.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openfloor::fuzz {

transport::request make_request(transport::http::verb method, std::string_view target,
                                std::string body,
                                const std::vector<std::pair<std::string, std::string>>& headers);

// Dispatches `req` through `routes` on the rig (then lets the outbox deliver) and returns the
// answer. Checks what every answer must be: never a 5xx, and JSON when it says it is JSON.
transport::response call(bot_rig& rig, const transport::router& routes, transport::request req);

} // namespace openfloor::fuzz
