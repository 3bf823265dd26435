// The digests repository. A post counts for the week it appeared in the channel (posted_at, so
// a post held for review counts when it was approved and published) while it is still up
// (state 'posted', and not hidden by flags); "replied" means someone answered in its thread
// (first_reply_at).
#include "storage/sqlite_digests.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {

bot::result<std::vector<bot::category_tally>> sqlite_digests::tally(bot::platform where,
                                                                    std::string_view channel_id,
                                                                    bot::time_point from,
                                                                    bot::time_point to) {
    return guard("digests.tally", [&] {
        auto select =
            sql_.use("SELECT category, COUNT(*), COUNT(first_reply_at) FROM posts "
                     "WHERE platform = ? AND channel_id = ? AND state = 'posted' AND hidden = 0 "
                     "AND posted_at >= ? AND posted_at < ? GROUP BY category ORDER BY category");
        bind_platform(*select, 1, where);
        bind_text(*select, 2, channel_id);
        bind_time(*select, 3, from);
        bind_time(*select, 4, to);
        std::vector<bot::category_tally> found;
        while (select->executeStep()) {
            bot::category_tally t;
            t.category = select->getColumn(0).getString();
            t.posts = select->getColumn(1).getInt();
            t.replied = select->getColumn(2).getInt();
            found.push_back(std::move(t));
        }
        return found;
    });
}

bot::result<std::optional<bot::time_point>> sqlite_digests::last_week(bot::platform where,
                                                                      std::string_view channel_id) {
    return guard("digests.last_week", [&] {
        auto select =
            sql_.use("SELECT week_end FROM digests WHERE platform = ? AND channel_id = ?");
        bind_platform(*select, 1, where);
        bind_text(*select, 2, channel_id);
        std::optional<bot::time_point> found;
        if (select->executeStep()) {
            found = read_time(select->getColumn(0));
        }
        return found;
    });
}

bot::result<void> sqlite_digests::record_week(bot::platform where, std::string_view channel_id,
                                              bot::time_point week_end) {
    return guard("digests.record_week", [&] {
        auto upsert = sql_.use(
            "INSERT INTO digests (platform, channel_id, week_end) VALUES (?, ?, ?) "
            "ON CONFLICT (platform, channel_id) DO UPDATE SET week_end = excluded.week_end");
        bind_platform(*upsert, 1, where);
        bind_text(*upsert, 2, channel_id);
        bind_time(*upsert, 3, week_end);
        upsert->exec();
    });
}

} // namespace openfloor::storage
