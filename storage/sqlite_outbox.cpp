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
        SQLite::Statement insert(
            db_, "INSERT INTO outbox (platform, kind, post_id, channel_id, sealed_route, "
                 "sealed_payload, attempts, next_attempt_at, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind_platform(insert, 1, r.where);
        bind_text(insert, 2, bot::to_string(r.kind));
        if (r.post_id) {
            insert.bind(3, *r.post_id);
        } else {
            insert.bind(3);
        }
        bind_text(insert, 4, r.channel_id);
        bind_blob(insert, 5, r.sealed_route);
        bind_blob(insert, 6, r.sealed_payload);
        insert.bind(7, r.attempts);
        bind_time(insert, 8, r.next_attempt_at);
        bind_time(insert, 9, r.created_at);
        insert.exec();
        return std::int64_t{db_.getLastInsertRowid()};
    });
}

bot::result<std::vector<bot::outbox_record>> sqlite_outbox::due(bot::platform where,
                                                                bot::time_point now, int limit) {
    return guard("outbox.due", [&] {
        SQLite::Statement select(db_, std::string("SELECT ") + outbox_columns +
                                          " FROM outbox WHERE platform = ? AND "
                                          "next_attempt_at <= ? ORDER BY next_attempt_at, id "
                                          "LIMIT ?");
        bind_platform(select, 1, where);
        bind_time(select, 2, now);
        select.bind(3, limit);
        return read_items(select);
    });
}

bot::result<std::optional<bot::time_point>> sqlite_outbox::next_due_time(bot::platform where) {
    return guard("outbox.next_due_time", [&] {
        // MIN() over no rows is one NULL row: "nothing queued".
        SQLite::Statement select(db_, "SELECT MIN(next_attempt_at) FROM outbox WHERE platform = ?");
        bind_platform(select, 1, where);
        select.executeStep();
        return read_optional_time(select.getColumn(0));
    });
}

bot::result<void> sqlite_outbox::reschedule(std::int64_t id, int attempts, bot::time_point next) {
    return guard("outbox.reschedule", [&] {
        SQLite::Statement update(db_, "UPDATE outbox SET attempts = ?, next_attempt_at = ? "
                                      "WHERE id = ?");
        update.bind(1, attempts);
        bind_time(update, 2, next);
        update.bind(3, id);
        update.exec();
    });
}

bot::result<void> sqlite_outbox::remove(std::int64_t id) {
    return guard("outbox.remove", [&] {
        SQLite::Statement del(db_, "DELETE FROM outbox WHERE id = ?");
        del.bind(1, id);
        del.exec();
    });
}

bot::result<std::int64_t> sqlite_outbox::depth() {
    return guard("outbox.depth", [&] {
        SQLite::Statement select(db_, "SELECT COUNT(*) FROM outbox");
        select.executeStep();
        return std::int64_t{select.getColumn(0).getInt64()};
    });
}

bot::result<std::vector<bot::outbox_record>> sqlite_outbox::for_post(std::int64_t post_id) {
    return guard("outbox.for_post", [&] {
        SQLite::Statement select(db_, std::string("SELECT ") + outbox_columns +
                                          " FROM outbox WHERE post_id = ? ORDER BY id");
        select.bind(1, post_id);
        return read_items(select);
    });
}

} // namespace openfloor::storage
