// The benchmark's table: the runs' JSON objects folded into medians per target, side by side
// with the ratios, and the targets checked against them (markdown).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace openfloor::bench {

// `results`: every object bench_load printed plus bench/run's memory lines, all runs.
std::string render_table(const std::vector<nlohmann::json>& results);

} // namespace openfloor::bench
