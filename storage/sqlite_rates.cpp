// The rate repository: one row per counted action, `since` inclusive.
#include "storage/sqlite_rates.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {

bot::result<void> sqlite_rates::record(const bot::pseudonym& author, bot::time_point at) {
    return guard("rates.record", [&] {
        auto insert = sql_.use("INSERT INTO rate_events (pseudonym, at) VALUES (?, ?)");
        bind_pseudonym(*insert, 1, author);
        bind_time(*insert, 2, at);
        insert->exec();
    });
}

bot::result<int> sqlite_rates::count_since(const bot::pseudonym& author, bot::time_point since) {
    return guard("rates.count_since", [&] {
        auto select = sql_.use("SELECT COUNT(*) FROM rate_events "
                               "WHERE pseudonym = ? AND at >= ?");
        bind_pseudonym(*select, 1, author);
        bind_time(*select, 2, since);
        select->executeStep();
        return select->getColumn(0).getInt();
    });
}

bot::result<int> sqlite_rates::purge(bot::time_point before) {
    return guard("rates.purge", [&] {
        auto del = sql_.use("DELETE FROM rate_events WHERE at < ?");
        bind_time(*del, 1, before);
        return del->exec();
    });
}

} // namespace openfloor::storage
