// The figures /metrics reads from the database at scrape time: posts by platform and state, and
// each platform's outbox backlog. Counted so that a post waiting out its random posting delay
// shows nowhere until it is due: the delay hides when its author confirmed.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

#include <chrono>
#include <cstdint>
#include <vector>

namespace openfloor::storage {

struct post_count {
    bot::platform where = bot::platform::slack;
    bot::post_state state = bot::post_state::queued;
    std::int64_t posts = 0;
};

struct outbox_backlog {
    bot::platform where = bot::platform::slack;
    std::int64_t waiting = 0;                // due now, being sent, or waiting to be retried
    std::chrono::milliseconds oldest_due{0}; // how long the longest-due job has been due
};

class sqlite_metrics {
public:
    explicit sqlite_metrics(statements& sql)
        : sql_(sql) {}

    // Only the (platform, state) pairs that have posts; a queued post whose first send is not
    // yet due (its posting delay) is left out.
    bot::result<std::vector<post_count>> posts_by_state(bot::time_point now);
    // Only platforms with waiting jobs. A first send scheduled for later (a posting delay, a
    // channel's pacing) is not waiting yet.
    bot::result<std::vector<outbox_backlog>> outbox(bot::time_point now);

private:
    statements& sql_;
};

} // namespace openfloor::storage
