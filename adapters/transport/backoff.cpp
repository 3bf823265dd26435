// backoff: equal jitter (half fixed, half random) over a doubling, capped delay.
#include "adapters/transport/backoff.hpp"

#include <algorithm>
#include <cmath>

namespace openfloor::transport {

backoff::backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max)
    : initial_(std::max(initial, std::chrono::milliseconds{1}))
    , max_(std::max(max, initial_))
    , current_(initial_) {}

std::chrono::milliseconds backoff::next(double unit_random) {
    const double r = std::isnan(unit_random) ? 0.0 : std::clamp(unit_random, 0.0, 1.0);
    const auto d = current_;
    const auto half = d / 2;
    const auto spread = static_cast<double>((d - half).count());
    const auto jitter = std::chrono::milliseconds{static_cast<long long>(std::llround(r * spread))};
    current_ = std::min(d * 2, max_);
    return half + jitter;
}

void backoff::reset() {
    current_ = initial_;
}

} // namespace openfloor::transport
