// CPU time a process has used so far (all its threads, user + system), from /proc/<pid>/stat: the
// cost of a load in CPU seconds, which a busy shared machine distorts far less than wall time.
#pragma once

#include <optional>

namespace openfloor::bench {

// nullopt when the process is gone or pid is 0.
std::optional<double> cpu_seconds_of(int pid);

} // namespace openfloor::bench
