// This process's descriptor budget, for tests that run it out or need a thousand sockets: the
// soft RLIMIT_NOFILE changed for a scope (the hard limit is never touched, so the old soft value
// can always be restored), and the highest descriptor now open.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <sys/resource.h>

namespace openfloor::testing {

class soft_descriptor_limit {
public:
    // Sets the soft limit to `soft`, or to the hard limit when that is lower.
    explicit soft_descriptor_limit(rlim_t soft) {
        ::getrlimit(RLIMIT_NOFILE, &old_);
        rlimit wanted = old_;
        wanted.rlim_cur = std::min(soft, old_.rlim_max);
        applied_ = ::setrlimit(RLIMIT_NOFILE, &wanted) == 0 && wanted.rlim_cur == soft;
    }
    ~soft_descriptor_limit() { ::setrlimit(RLIMIT_NOFILE, &old_); }
    soft_descriptor_limit(const soft_descriptor_limit&) = delete;
    soft_descriptor_limit& operator=(const soft_descriptor_limit&) = delete;

    bool applied() const { return applied_; } // false when the hard limit is below `soft`
    rlim_t previous() const { return old_.rlim_cur; }

private:
    rlimit old_{};
    bool applied_ = false;
};

// Raises the soft limit to at least `needed` for the rest of the process; false when the hard
// limit does not allow it.
inline bool ensure_descriptors(rlim_t needed) {
    rlimit now{};
    ::getrlimit(RLIMIT_NOFILE, &now);
    if (now.rlim_cur >= needed) {
        return true;
    }
    if (now.rlim_max < needed) {
        return false;
    }
    now.rlim_cur = needed;
    return ::setrlimit(RLIMIT_NOFILE, &now) == 0;
}

// The highest descriptor number this process has open (from /proc/self/fd).
inline int highest_open_descriptor() {
    int highest = 2;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        highest = std::max(highest, std::stoi(entry.path().filename().string()));
    }
    return highest;
}

// How many descriptors process `pid` has open (from /proc/<pid>/fd), or 0 if it is gone.
inline std::size_t open_descriptors(int pid) {
    std::error_code ec;
    std::filesystem::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec);
    if (ec) {
        return 0;
    }
    return static_cast<std::size_t>(std::distance(it, std::filesystem::directory_iterator{}));
}

} // namespace openfloor::testing
