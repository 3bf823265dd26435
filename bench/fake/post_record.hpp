// What the fake Web API saw: the posts into the team channel with the moment each arrived (the
// event number read from its marker), and a count of every other call.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace openfloor::bench {

class post_record {
public:
    // `arrived_ns`: steady_clock (CLOCK_MONOTONIC), the clock the load generator stamps sends with.
    void record(std::string_view method, std::string_view channel, std::string_view text,
                std::int64_t arrived_ns);
    void reset() { *this = post_record{}; }

    std::uint64_t team_posts() const { return team_posts_; }
    std::uint64_t other_calls() const { return other_calls_; }
    std::uint64_t unmarked() const { return unmarked_; }
    const std::vector<std::uint64_t>& events() const { return events_; }
    const std::vector<std::int64_t>& arrivals_ns() const { return arrivals_ns_; }

private:
    std::uint64_t team_posts_ = 0;
    std::uint64_t other_calls_ = 0;
    std::uint64_t unmarked_ = 0; // team posts whose text had no marker: a bot mangled it
    std::vector<std::uint64_t> events_;
    std::vector<std::int64_t> arrivals_ns_;
};

} // namespace openfloor::bench
