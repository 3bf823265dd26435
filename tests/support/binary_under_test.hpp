#pragma once
// The openfloor executable that process-level tests start: $OPENFLOOR_BINARY when set (CI points
// it at the g++ release build, the binary that ships), else the one this build made.
#include <cstdlib>
#include <string>

namespace openfloor::testing {

inline std::string binary_under_test() {
    const char* chosen = std::getenv("OPENFLOOR_BINARY");
    if (chosen != nullptr && *chosen != '\0') {
        return chosen;
    }
    return OPENFLOOR_BINARY_BUILT;
}

} // namespace openfloor::testing
