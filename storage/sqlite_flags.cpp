// The flags repository. add() is one INSERT that does nothing on the (post, flagger) key, so a
// repeated flag is told apart without a read that a second click could slip past. Not INSERT
// OR IGNORE: that would also swallow a CHECK failure and call a malformed flagger a repeat.
#include "storage/sqlite_flags.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {

bot::result<bool> sqlite_flags::add(std::int64_t post_id, std::string_view flagger,
                                    bot::time_point at) {
    return guard("flags.add", [&] {
        auto insert = sql_.use("INSERT INTO flags (post_id, flagger, created_at) "
                               "VALUES (?, ?, ?) ON CONFLICT (post_id, flagger) DO NOTHING");
        insert->bind(1, post_id);
        bind_text(*insert, 2, flagger);
        bind_time(*insert, 3, at);
        return insert->exec() == 1; // 0 rows: this flagger had flagged the post already
    });
}

bot::result<int> sqlite_flags::count(std::int64_t post_id) {
    return guard("flags.count", [&] {
        auto select = sql_.use("SELECT COUNT(*) FROM flags WHERE post_id = ?");
        select->bind(1, post_id);
        select->executeStep();
        return select->getColumn(0).getInt();
    });
}

bot::result<int> sqlite_flags::clear(std::int64_t post_id) {
    return guard("flags.clear", [&] {
        auto del = sql_.use("DELETE FROM flags WHERE post_id = ?");
        del->bind(1, post_id);
        return del->exec();
    });
}

bot::result<int> sqlite_flags::purge(bot::time_point before) {
    return guard("flags.purge", [&] {
        auto del = sql_.use("DELETE FROM flags WHERE created_at < ?");
        bind_time(*del, 1, before);
        return del->exec();
    });
}

} // namespace openfloor::storage
