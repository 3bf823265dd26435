// user_agent: the version comes from CMake's project() through OPENFLOOR_VERSION.
#include "adapters/transport/user_agent.hpp"

namespace openfloor::transport {

std::string_view user_agent() noexcept {
    return "openfloor/" OPENFLOOR_VERSION;
}

} // namespace openfloor::transport
