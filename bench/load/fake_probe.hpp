// The load generator's view of the fake Web API: reset it, read its counts, wait for posts.
#pragma once

#include <nlohmann/json.hpp>

#include "bench/load/connection.hpp"
#include <chrono>
#include <cstdint>

namespace openfloor::bench {

class fake_probe {
public:
    fake_probe(asio::any_io_executor ex, unsigned short port);

    asio::awaitable<nlohmann::json> get(std::string target); // {} when it did not answer
    asio::awaitable<void> reset();
    // Polls /bench/stats until `posts` team-channel posts were seen or `deadline` passed;
    // returns how many were seen.
    asio::awaitable<std::uint64_t> wait_for_posts(std::uint64_t posts,
                                                  std::chrono::steady_clock::time_point deadline);

private:
    asio::any_io_executor ex_;
    unsigned short port_;
    connection conn_;
};

} // namespace openfloor::bench
