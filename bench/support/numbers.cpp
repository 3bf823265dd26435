// numbers: nearest-rank, so every figure printed is a value that was actually measured.
#include "bench/support/numbers.hpp"

#include <algorithm>
#include <cmath>

namespace openfloor::bench {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

double median(std::vector<double> values) {
    return percentile(std::move(values), 50);
}

} // namespace openfloor::bench
