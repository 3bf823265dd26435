// sqlite_metrics: two grouped reads, one statement each. Times are unix milliseconds.
#include "storage/sqlite_metrics.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {

bot::result<std::vector<post_count>> sqlite_metrics::posts_by_state(bot::time_point now) {
    return guard("metrics.posts_by_state", [&] {
        // A queued post whose first send (into the channel, or the moderators' queue) is still
        // in the future is in its posting delay: it shows once that send is due.
        auto select = sql_.use("SELECT platform, state, COUNT(*) FROM posts p "
                               "WHERE NOT (state = ?2 AND EXISTS (SELECT 1 FROM outbox o "
                               "WHERE o.post_id = p.id AND o.kind IN (?3, ?4) "
                               "AND o.attempts = 0 AND o.next_attempt_at > ?1)) "
                               "GROUP BY platform, state ORDER BY platform, state");
        bind_time(*select, 1, now);
        bind_text(*select, 2, bot::to_string(bot::post_state::queued));
        bind_text(*select, 3, bot::to_string(bot::job_kind::channel_post));
        bind_text(*select, 4, bot::to_string(bot::job_kind::queue_item));
        std::vector<post_count> found;
        while (select->executeStep()) {
            post_count c;
            c.where = read_platform(select->getColumn(0));
            c.state = read_post_state(select->getColumn(1));
            c.posts = select->getColumn(2).getInt64();
            found.push_back(c);
        }
        return found;
    });
}

bot::result<std::vector<outbox_backlog>> sqlite_metrics::outbox(bot::time_point now) {
    return guard("metrics.outbox", [&] {
        auto select = sql_.use(
            "SELECT platform, COUNT(*), "
            "COALESCE(MAX(CASE WHEN next_attempt_at <= ?1 THEN ?1 - next_attempt_at END), 0) "
            "FROM outbox WHERE attempts > 0 OR next_attempt_at <= ?1 "
            "GROUP BY platform ORDER BY platform");
        bind_time(*select, 1, now);
        std::vector<outbox_backlog> found;
        while (select->executeStep()) {
            outbox_backlog b;
            b.where = read_platform(select->getColumn(0));
            b.waiting = select->getColumn(1).getInt64();
            b.oldest_due = std::chrono::milliseconds(select->getColumn(2).getInt64());
            found.push_back(b);
        }
        return found;
    });
}

} // namespace openfloor::storage
