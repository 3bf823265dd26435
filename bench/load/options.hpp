// The load generator's settings, read from its command line (see load_main.cpp for the flags).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace openfloor::bench {

struct load_options {
    std::string target;           // a label copied into the output: "openfloor", "bolt", …
    int run = 0;                  // the same
    unsigned short port = 0;      // the bot (or the ceiling) under load
    unsigned short fake_port = 0; // the fake Web API; 0 when there is none (the ceiling)
    int concurrency = 16;         // connections, each with one request in flight
    std::chrono::milliseconds warmup{1000};
    std::chrono::milliseconds duration{3000}; // measured, after the warm-up
    std::uint64_t max_requests = 30000;       // inbound: bounds the work a bot is left with
    std::uint64_t events = 2000;              // end to end: DM events sent
    std::uint64_t first_event = 0;            // event numbers are distinct across a whole run
    std::uint64_t authors = 500;              // distinct people the DMs come from
    std::chrono::seconds deadline{120};       // waits for posts and for start-up end by then
    std::int64_t since_unix_ns = 0;           // ready: when the process was started
    int pid = 0;                              // the process under load, for its CPU time
};

// steady_clock (CLOCK_MONOTONIC) nanoseconds: comparable with the fake's arrival stamps, which
// run in another process on the same machine.
std::int64_t steady_ns();

} // namespace openfloor::bench
