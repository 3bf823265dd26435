// protocol: looking up the demo's cast.
#include "adapters/local/protocol.hpp"

#include <algorithm>

namespace openfloor::local {

const person* find_person(std::string_view role) {
    const auto* it =
        std::find_if(cast.begin(), cast.end(), [&](const person& p) { return p.role == role; });
    return it == cast.end() ? nullptr : &*it;
}

} // namespace openfloor::local
