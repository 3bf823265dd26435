// A clock for end-to-end tests: the system's time plus an offset the test moves. Timers,
// timeouts and pacing still run in real time, yet a test can jump days ahead (to a week's end).
#pragma once

#include "bot/environment.hpp"

#include <chrono>

namespace openfloor::testing {

class shifted_clock final : public bot::clock {
public:
    bot::time_point now() const override { return bot::clock_type::now() + offset_; }
    void advance(std::chrono::milliseconds d) { offset_ += d; }

private:
    std::chrono::milliseconds offset_{0};
};

} // namespace openfloor::testing
