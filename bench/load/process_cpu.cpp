// process_cpu: fields 14 and 15 of /proc/<pid>/stat (utime, stime) in clock ticks. The command
// name (field 2) may hold spaces and parentheses, so counting starts after its last ')'.
#include "bench/load/process_cpu.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace openfloor::bench {

std::optional<double> cpu_seconds_of(int pid) {
    if (pid <= 0) {
        return std::nullopt;
    }
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) {
        return std::nullopt;
    }
    const auto name_end = line.rfind(')');
    if (name_end == std::string::npos) {
        return std::nullopt;
    }
    std::istringstream fields(line.substr(name_end + 1));
    std::string skip;
    for (int field = 3; field <= 13; ++field) { // state … cmajflt
        fields >> skip;
    }
    unsigned long long user_ticks = 0, system_ticks = 0;
    if (!(fields >> user_ticks >> system_ticks)) {
        return std::nullopt;
    }
    return static_cast<double>(user_ticks + system_ticks) /
           static_cast<double>(sysconf(_SC_CLK_TCK));
}

} // namespace openfloor::bench
