// The outbox repository. Items come out by (next_attempt_at, id): due order, then FIFO, which
// keeps a post before the edits queued after it.
#include "storage/sqlite_outbox.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {
namespace {

constexpr const char* outbox_columns =
    "id, platform, kind, post_id, channel_id, sealed_route, sealed_payload, attempts, "
    "next_attempt_at, created_at";

bot::outbox_record read_item(const SQLite::Statement& row) {
    bot::outbox_record r;
    r.id = row.getColumn(0).getInt64();
    r.where = read_platform(row.getColumn(1));
    r.kind = read_job_kind(row.getColumn(2));
    if (!row.getColumn(3).isNull()) {
        r.post_id = row.getColumn(3).getInt64();
    }
    r.channel_id = row.getColumn(4).getString();
    r.sealed_route = read_blob(row.getColumn(5));
    r.sealed_payload = read_blob(row.getColumn(6));
    r.attempts = row.getColumn(7).getInt();
    r.next_attempt_at = read_time(row.getColumn(8));
    r.created_at = read_time(row.getColumn(9));
    return r;
}

std::vector<bot::outbox_record> read_items(SQLite::Statement& select) {
    std::vector<bot::outbox_record> found;
    while (select.executeStep()) {
        found.push_back(read_item(select));
    }
    return found;
}

} // namespace

bot::result<std::int64_t> sqlite_outbox::enqueue(const bot::outbox_record& r) {
    return guard("outbox.enqueue", [&] {
        auto insert =
            sql_.use("INSERT INTO outbox (platform, kind, post_id, channel_id, sealed_route, "
                     "sealed_payload, attempts, next_attempt_at, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind_platform(*insert, 1, r.where);
        bind_text(*insert, 2, bot::to_string(r.kind));
        if (r.post_id) {
            insert->bind(3, *r.post_id);
        } else {
            insert->bind(3);
        }
        bind_text(*insert, 4, r.channel_id);
        bind_blob(*insert, 5, r.sealed_route);
        bind_blob(*insert, 6, r.sealed_payload);
        insert->bind(7, r.attempts);
        bind_time(*insert, 8, r.next_attempt_at);
        bind_time(*insert, 9, r.created_at);
        insert->exec();
        const std::int64_t id = sql_.db().getLastInsertRowid();
        group_.note_outbox_insert(id);
        return id;
    });
}

bot::result<std::vector<bot::outbox_record>> sqlite_outbox::due(bot::platform where,
                                                                bot::time_point now, int limit) {
    return guard("outbox.due", [&] {
        auto select = sql_.use(std::string("SELECT ") + outbox_columns +
                               " FROM outbox WHERE platform = ? AND "
                               "next_attempt_at <= ? ORDER BY next_attempt_at, id "
                               "LIMIT ?");
        bind_platform(*select, 1, where);
        bind_time(*select, 2, now);
        select->bind(3, limit);
        return read_items(*select);
    });
}

// Walks the ids in due order on the (platform, next_attempt_at, id) index and reads one whole
// row: the sealed payloads of the jobs behind it are not read at all.
bot::result<std::optional<bot::outbox_record>>
sqlite_outbox::first_due(bot::platform where, bot::time_point now,
                         const std::set<std::int64_t>& skip) {
    return guard("outbox.first_due", [&]() -> std::optional<bot::outbox_record> {
        auto ids = sql_.use("SELECT id FROM outbox WHERE platform = ? AND next_attempt_at <= ? "
                            "ORDER BY next_attempt_at, id");
        bind_platform(*ids, 1, where);
        bind_time(*ids, 2, now);
        while (ids->executeStep()) {
            const std::int64_t id = ids->getColumn(0).getInt64();
            if (skip.contains(id)) {
                continue;
            }
            auto row =
                sql_.use(std::string("SELECT ") + outbox_columns + " FROM outbox WHERE id = ?");
            row->bind(1, id);
            if (row->executeStep()) {
                return read_item(*row);
            }
        }
        return std::nullopt;
    });
}

bool sqlite_outbox::committed(std::int64_t id) const {
    return group_.outbox_row_committed(id);
}

bot::result<std::optional<bot::time_point>> sqlite_outbox::next_due_time(bot::platform where) {
    return guard("outbox.next_due_time", [&] {
        // MIN() over no rows is one NULL row: "nothing queued".
        auto select = sql_.use("SELECT MIN(next_attempt_at) FROM outbox WHERE platform = ?");
        bind_platform(*select, 1, where);
        select->executeStep();
        return read_optional_time(select->getColumn(0));
    });
}

bot::result<void> sqlite_outbox::reschedule(std::int64_t id, int attempts, bot::time_point next) {
    return guard("outbox.reschedule", [&] {
        auto update = sql_.use("UPDATE outbox SET attempts = ?, next_attempt_at = ? "
                               "WHERE id = ?");
        update->bind(1, attempts);
        bind_time(*update, 2, next);
        update->bind(3, id);
        update->exec();
    });
}

bot::result<void> sqlite_outbox::remove(std::int64_t id) {
    return guard("outbox.remove", [&] {
        auto del = sql_.use("DELETE FROM outbox WHERE id = ?");
        del->bind(1, id);
        del->exec();
    });
}

bot::result<std::int64_t> sqlite_outbox::depth() {
    return guard("outbox.depth", [&] {
        auto select = sql_.use("SELECT COUNT(*) FROM outbox");
        select->executeStep();
        return std::int64_t{select->getColumn(0).getInt64()};
    });
}

bot::result<std::vector<bot::outbox_record>> sqlite_outbox::for_post(std::int64_t post_id) {
    return guard("outbox.for_post", [&] {
        auto select = sql_.use(std::string("SELECT ") + outbox_columns +
                               " FROM outbox WHERE post_id = ? ORDER BY id");
        select->bind(1, post_id);
        return read_items(*select);
    });
}

} // namespace openfloor::storage
