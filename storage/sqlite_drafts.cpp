// The drafts repository: saving a draft again (a new category, say) replaces it whole.
#include "storage/sqlite_drafts.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {
namespace {

constexpr const char* draft_columns =
    "id, platform, workspace, author, sealed_route, channel_key, category, sealed_text, "
    "needs_review, created_at, expires_at";

bot::draft_record read_draft(const SQLite::Statement& row) {
    bot::draft_record d;
    d.id = row.getColumn(0).getString();
    d.where = read_platform(row.getColumn(1));
    d.workspace = row.getColumn(2).getString();
    d.author = read_pseudonym(row.getColumn(3));
    d.sealed_route = read_blob(row.getColumn(4));
    d.channel_key = row.getColumn(5).getString();
    d.category = row.getColumn(6).getString();
    d.sealed_text = read_blob(row.getColumn(7));
    d.needs_review = read_bool(row.getColumn(8));
    d.created_at = read_time(row.getColumn(9));
    d.expires_at = read_time(row.getColumn(10));
    return d;
}

} // namespace

bot::result<void> sqlite_drafts::save(const bot::draft_record& d) {
    return guard("drafts.save", [&] {
        auto insert = sql_.use(std::string("INSERT OR REPLACE INTO drafts (") + draft_columns +
                               ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind_text(*insert, 1, d.id);
        bind_platform(*insert, 2, d.where);
        bind_text(*insert, 3, d.workspace);
        bind_pseudonym(*insert, 4, d.author);
        bind_blob(*insert, 5, d.sealed_route);
        bind_text(*insert, 6, d.channel_key);
        bind_text(*insert, 7, d.category);
        bind_blob(*insert, 8, d.sealed_text);
        bind_bool(*insert, 9, d.needs_review);
        bind_time(*insert, 10, d.created_at);
        bind_time(*insert, 11, d.expires_at);
        insert->exec();
    });
}

bot::result<std::optional<bot::draft_record>> sqlite_drafts::find(std::string_view id) {
    return guard("drafts.find", [&]() -> std::optional<bot::draft_record> {
        auto select =
            sql_.use(std::string("SELECT ") + draft_columns + " FROM drafts WHERE id = ?");
        bind_text(*select, 1, id);
        if (!select->executeStep()) {
            return std::nullopt;
        }
        return read_draft(*select);
    });
}

bot::result<std::vector<bot::draft_record>>
sqlite_drafts::find_by_author(const bot::pseudonym& author) {
    return guard("drafts.find_by_author", [&] {
        auto select = sql_.use(std::string("SELECT ") + draft_columns +
                               " FROM drafts WHERE author = ? ORDER BY created_at, id");
        bind_pseudonym(*select, 1, author);
        std::vector<bot::draft_record> found;
        while (select->executeStep()) {
            found.push_back(read_draft(*select));
        }
        return found;
    });
}

bot::result<void> sqlite_drafts::remove(std::string_view id) {
    return guard("drafts.remove", [&] {
        auto del = sql_.use("DELETE FROM drafts WHERE id = ?");
        bind_text(*del, 1, id);
        del->exec();
    });
}

bot::result<int> sqlite_drafts::purge_expired(bot::time_point now) {
    return guard("drafts.purge_expired", [&] {
        auto del = sql_.use("DELETE FROM drafts WHERE expires_at <= ?");
        bind_time(*del, 1, now);
        return del->exec();
    });
}

} // namespace openfloor::storage
