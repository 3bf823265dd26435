// The authors repository. A ban may name an author never touched before (a moderator bans by
// post), so ban() creates the author row its foreign key needs.
#include "storage/sqlite_authors.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"
#include "storage/savepoint.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {
namespace {

void insert_author(statements& sql, const bot::pseudonym& author, bot::time_point now) {
    auto insert = sql.use("INSERT OR IGNORE INTO authors (pseudonym, first_seen) "
                          "VALUES (?, ?)");
    bind_pseudonym(*insert, 1, author);
    bind_time(*insert, 2, now);
    insert->exec();
}

} // namespace

bot::result<void> sqlite_authors::touch(const bot::pseudonym& author, bot::time_point now) {
    return guard("authors.touch", [&] { insert_author(sql_, author, now); });
}

bot::result<void> sqlite_authors::ban(const bot::ban_record& b) {
    return guard("authors.ban", [&] {
        savepoint sp(sql_.db());
        insert_author(sql_, b.author, b.created_at);
        auto upsert = sql_.use("INSERT INTO bans (pseudonym, until, created_at) "
                               "VALUES (?, ?, ?) ON CONFLICT (pseudonym) DO UPDATE SET "
                               "until = excluded.until, created_at = excluded.created_at");
        bind_pseudonym(*upsert, 1, b.author);
        bind_optional_time(*upsert, 2, b.until);
        bind_time(*upsert, 3, b.created_at);
        upsert->exec();
        sp.release();
    });
}

bot::result<bool> sqlite_authors::unban(const bot::pseudonym& author) {
    return guard("authors.unban", [&] {
        auto del = sql_.use("DELETE FROM bans WHERE pseudonym = ?");
        bind_pseudonym(*del, 1, author);
        return del->exec() > 0;
    });
}

bot::result<std::optional<bot::ban_record>> sqlite_authors::active_ban(const bot::pseudonym& author,
                                                                       bot::time_point now) {
    return guard("authors.active_ban", [&]() -> std::optional<bot::ban_record> {
        auto select = sql_.use("SELECT until, created_at FROM bans "
                               "WHERE pseudonym = ? AND (until IS NULL OR until > ?)");
        bind_pseudonym(*select, 1, author);
        bind_time(*select, 2, now);
        if (!select->executeStep()) {
            return std::nullopt;
        }
        bot::ban_record b;
        b.author = author;
        b.until = read_optional_time(select->getColumn(0));
        b.created_at = read_time(select->getColumn(1));
        return b;
    });
}

} // namespace openfloor::storage
