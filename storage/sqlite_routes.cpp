// The routes repository. Saving again replaces: a post has one route back to its author.
#include "storage/sqlite_routes.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"
#include "storage/savepoint.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {

bot::result<void> sqlite_routes::save(std::int64_t post_id, const bot::bytes& sealed_route,
                                      bot::time_point now) {
    return guard("routes.save", [&] {
        auto insert = sql_.use("INSERT OR REPLACE INTO reply_routes "
                               "(post_id, sealed_route, created_at) VALUES (?, ?, ?)");
        insert->bind(1, post_id);
        bind_blob(*insert, 2, sealed_route);
        bind_time(*insert, 3, now);
        insert->exec();
    });
}

bot::result<std::optional<bot::bytes>> sqlite_routes::find(std::int64_t post_id) {
    return guard("routes.find", [&]() -> std::optional<bot::bytes> {
        auto select = sql_.use("SELECT sealed_route FROM reply_routes WHERE post_id = ?");
        select->bind(1, post_id);
        if (!select->executeStep()) {
            return std::nullopt;
        }
        return read_blob(select->getColumn(0));
    });
}

bot::result<void> sqlite_routes::link_relay(std::string_view relay_key, std::int64_t post_id,
                                            bot::time_point now) {
    return guard("routes.link_relay", [&] {
        auto insert = sql_.use("INSERT OR REPLACE INTO relay_links "
                               "(relay_key, post_id, created_at) VALUES (?, ?, ?)");
        bind_text(*insert, 1, relay_key);
        insert->bind(2, post_id);
        bind_time(*insert, 3, now);
        insert->exec();
    });
}

bot::result<std::optional<std::int64_t>> sqlite_routes::find_relay(std::string_view relay_key) {
    return guard("routes.find_relay", [&]() -> std::optional<std::int64_t> {
        auto select = sql_.use("SELECT post_id FROM relay_links WHERE relay_key = ?");
        bind_text(*select, 1, relay_key);
        if (!select->executeStep()) {
            return std::nullopt;
        }
        return select->getColumn(0).getInt64();
    });
}

bot::result<int> sqlite_routes::purge(bot::time_point before) {
    return guard("routes.purge", [&] {
        savepoint sp(sql_.db());
        auto routes = sql_.use("DELETE FROM reply_routes WHERE created_at < ?");
        bind_time(*routes, 1, before);
        const int removed_routes = routes->exec();
        auto links = sql_.use("DELETE FROM relay_links WHERE created_at < ?");
        bind_time(*links, 1, before);
        const int removed_links = links->exec();
        sp.release();
        return removed_routes + removed_links;
    });
}

} // namespace openfloor::storage
