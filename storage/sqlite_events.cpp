// The events repository: one INSERT OR IGNORE decides "first time" atomically, with no read
// before it for a concurrent delivery to slip past.
#include "storage/sqlite_events.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {

bot::result<bool> sqlite_events::remember(std::string_view key, bot::time_point expires_at) {
    return guard("events.remember", [&] {
        auto insert = sql_.use("INSERT OR IGNORE INTO processed_events (key, expires_at) "
                               "VALUES (?, ?)");
        bind_text(*insert, 1, key);
        bind_time(*insert, 2, expires_at);
        return insert->exec() == 1; // changes(): 0 when the key was already there
    });
}

bot::result<int> sqlite_events::purge(bot::time_point now) {
    return guard("events.purge", [&] {
        auto del = sql_.use("DELETE FROM processed_events WHERE expires_at <= ?");
        bind_time(*del, 1, now);
        return del->exec();
    });
}

} // namespace openfloor::storage
