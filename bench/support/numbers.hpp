// Order statistics for the benchmark's figures: nearest-rank percentiles and medians.
#pragma once

#include <vector>

namespace openfloor::bench {

// The nearest-rank `p`-th percentile (0 < p <= 100) of `values`; 0 when there are none.
double percentile(std::vector<double> values, double p);
double median(std::vector<double> values);

} // namespace openfloor::bench
