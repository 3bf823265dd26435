// The load itself: `concurrency` connections, each sending signed DM events one after another
// (the next as soon as the previous is answered), numbered from a shared counter, until the
// count or the time is up. Every exchange is a sample.
#pragma once

#include "bench/load/connection.hpp"
#include <chrono>
#include <cstdint>
#include <vector>

namespace openfloor::bench {

struct sample {
    std::uint64_t event = 0;
    std::int64_t start_ns = 0; // steady_ns() before the request was written
    std::int64_t end_ns = 0;   // after the whole answer was read
    bool ok = false;           // answered 200
};

struct send_plan {
    unsigned short port = 0;
    int concurrency = 16;
    std::uint64_t first_event = 0;
    std::uint64_t max_events = 0;
    std::chrono::steady_clock::time_point stop_at = std::chrono::steady_clock::time_point::max();
    std::uint64_t authors = 500;
};

asio::awaitable<std::vector<sample>> send_events(send_plan plan);

} // namespace openfloor::bench
