// The audit repository: rows come back oldest first, ties in the order they were written.
#include "storage/sqlite_audit.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {

bot::result<void> sqlite_audit::append(const bot::audit_record& a) {
    return guard("audit.append", [&] {
        auto insert = sql_.use("INSERT INTO audit (at, actor, action, platform, number, "
                               "detail) VALUES (?, ?, ?, ?, ?, ?)");
        bind_time(*insert, 1, a.at);
        bind_text(*insert, 2, a.actor);
        bind_text(*insert, 3, a.action);
        bind_platform(*insert, 4, a.where);
        insert->bind(5, a.number);
        bind_text(*insert, 6, a.detail);
        insert->exec();
    });
}

bot::result<std::vector<bot::audit_record>> sqlite_audit::since(bot::time_point t) {
    return guard("audit.since", [&] {
        auto select = sql_.use("SELECT id, at, actor, action, platform, number, detail "
                               "FROM audit WHERE at >= ? ORDER BY at, id");
        bind_time(*select, 1, t);
        std::vector<bot::audit_record> found;
        while (select->executeStep()) {
            bot::audit_record a;
            a.id = select->getColumn(0).getInt64();
            a.at = read_time(select->getColumn(1));
            a.actor = select->getColumn(2).getString();
            a.action = select->getColumn(3).getString();
            a.where = read_platform(select->getColumn(4));
            a.number = select->getColumn(5).getInt64();
            a.detail = select->getColumn(6).getString();
            found.push_back(std::move(a));
        }
        return found;
    });
}

} // namespace openfloor::storage
