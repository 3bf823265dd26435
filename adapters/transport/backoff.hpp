// Exponential backoff with "equal jitter" for reconnect loops: each wait is in [d/2, d], where d
// doubles from `initial` up to `max`, so a fleet of clients does not reconnect in lockstep.
#pragma once

#include <chrono>

namespace openfloor::transport {

class backoff {
public:
    backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max);

    // unit_random in [0, 1] (clamped): the caller owns the random source, so tests pass fixed
    // values.
    std::chrono::milliseconds next(double unit_random);
    void reset();

private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds max_;
    std::chrono::milliseconds current_;
};

} // namespace openfloor::transport
