// The posts repository. next_number is only safe inside the begin() transaction that also
// inserts the post: BEGIN IMMEDIATE holds the write lock between the two.
#include "storage/sqlite_posts.hpp"

#include "bot/log.hpp"
#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {
namespace {

constexpr const char* post_columns =
    "id, platform, workspace, number, channel_key, channel_id, category, text, state, "
    "awaiting_review, author_seal, message_ref, queue_ref, created_at, posted_at, first_reply_at, "
    "hidden, locked";

bot::post_record read_post(const SQLite::Statement& row) {
    bot::post_record p;
    p.id = row.getColumn(0).getInt64();
    p.where = read_platform(row.getColumn(1));
    p.workspace = row.getColumn(2).getString();
    p.number = row.getColumn(3).getInt64();
    p.channel_key = row.getColumn(4).getString();
    p.channel_id = row.getColumn(5).getString();
    p.category = row.getColumn(6).getString();
    p.text = read_optional_text(row.getColumn(7));
    p.state = read_post_state(row.getColumn(8));
    p.awaiting_review = read_bool(row.getColumn(9));
    p.author_seal = read_blob(row.getColumn(10));
    p.message_ref = read_optional_text(row.getColumn(11));
    p.queue_ref = read_optional_text(row.getColumn(12));
    p.created_at = read_time(row.getColumn(13));
    p.posted_at = read_optional_time(row.getColumn(14));
    p.first_reply_at = read_optional_time(row.getColumn(15));
    p.hidden = read_bool(row.getColumn(16));
    p.locked = read_bool(row.getColumn(17));
    return p;
}

std::optional<bot::post_record> first_post(SQLite::Statement& select) {
    if (!select.executeStep()) {
        return std::nullopt;
    }
    return read_post(select);
}

std::string select_posts_where(const char* condition) {
    return std::string("SELECT ") + post_columns + " FROM posts WHERE " + condition;
}

} // namespace

bot::result<bot::post_number> sqlite_posts::next_number(std::string_view workspace) {
    return guard("posts.next_number", [&] {
        auto select = sql_.use("SELECT COALESCE(MAX(number), 0) + 1 FROM posts "
                               "WHERE workspace = ?");
        bind_text(*select, 1, workspace);
        select->executeStep();
        return bot::post_number{select->getColumn(0).getInt64()};
    });
}

namespace {

// The columns a post's update() may change, bound from `first` on in this order; insert() binds
// the same, after the identity of the post, so the two cannot drift apart.
constexpr int mutable_column_count = 13;

void bind_mutable_columns(SQLite::Statement& s, int first, const bot::post_record& p) {
    bind_text(s, first, p.channel_key);
    bind_text(s, first + 1, p.channel_id);
    bind_text(s, first + 2, p.category);
    bind_optional_text(s, first + 3, p.text);
    bind_text(s, first + 4, bot::to_string(p.state));
    bind_bool(s, first + 5, p.awaiting_review);
    bind_blob(s, first + 6, p.author_seal);
    bind_optional_text(s, first + 7, p.message_ref);
    bind_optional_text(s, first + 8, p.queue_ref);
    bind_optional_time(s, first + 9, p.posted_at);
    bind_optional_time(s, first + 10, p.first_reply_at);
    bind_bool(s, first + 11, p.hidden);
    bind_bool(s, first + 12, p.locked);
}

} // namespace

bot::result<std::int64_t> sqlite_posts::insert(const bot::post_record& p) {
    return guard("posts.insert", [&] {
        auto insert =
            sql_.use("INSERT INTO posts (platform, workspace, number, created_at, channel_key, "
                     "channel_id, category, text, state, awaiting_review, author_seal, "
                     "message_ref, queue_ref, posted_at, first_reply_at, hidden, locked) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind_platform(*insert, 1, p.where);
        bind_text(*insert, 2, p.workspace);
        insert->bind(3, p.number);
        bind_time(*insert, 4, p.created_at);
        bind_mutable_columns(*insert, 5, p);
        insert->exec();
        return std::int64_t{sql_.db().getLastInsertRowid()};
    });
}

// The identity of a post (platform, workspace, number) and its created_at never change.
bot::result<void> sqlite_posts::update(const bot::post_record& p) {
    return guard("posts.update", [&]() -> bot::result<void> {
        auto update =
            sql_.use("UPDATE posts SET channel_key = ?, channel_id = ?, category = ?, text = ?, "
                     "state = ?, awaiting_review = ?, author_seal = ?, message_ref = ?, "
                     "queue_ref = ?, posted_at = ?, first_reply_at = ?, hidden = ?, locked = ? "
                     "WHERE id = ?");
        bind_mutable_columns(*update, 1, p);
        update->bind(mutable_column_count + 1, p.id);
        if (update->exec() != 1) { // a lost update would be a silent bug in the caller
            bot::log::error("storage.missing_row", {{"op", "posts.update"}, {"post_id", p.id}});
            return bot::error::storage_failure;
        }
        return {};
    });
}

bot::result<std::optional<bot::post_record>> sqlite_posts::find(std::string_view workspace,
                                                                bot::post_number n) {
    return guard("posts.find", [&] {
        auto select = sql_.use(select_posts_where("workspace = ? AND number = ?"));
        bind_text(*select, 1, workspace);
        select->bind(2, n);
        return first_post(*select);
    });
}

bot::result<std::optional<bot::post_record>> sqlite_posts::find_by_id(std::int64_t id) {
    return guard("posts.find_by_id", [&] {
        auto select = sql_.use(select_posts_where("id = ?"));
        select->bind(1, id);
        return first_post(*select);
    });
}

bot::result<std::optional<bot::post_record>>
sqlite_posts::find_by_message(bot::platform where, std::string_view channel_id,
                              std::string_view message_ref) {
    return guard("posts.find_by_message", [&] {
        auto select =
            sql_.use(select_posts_where("platform = ? AND channel_id = ? AND message_ref = ?"));
        bind_platform(*select, 1, where);
        bind_text(*select, 2, channel_id);
        bind_text(*select, 3, message_ref);
        return first_post(*select);
    });
}

bot::result<std::vector<bot::post_summary>> sqlite_posts::summaries(bot::platform where,
                                                                    bot::time_point since) {
    return guard("posts.summaries", [&] {
        auto select =
            sql_.use("SELECT channel_key, category, state, created_at, posted_at, first_reply_at "
                     "FROM posts WHERE platform = ? AND created_at >= ? ORDER BY created_at, id");
        bind_platform(*select, 1, where);
        bind_time(*select, 2, since);
        std::vector<bot::post_summary> found;
        while (select->executeStep()) {
            bot::post_summary s;
            s.channel_key = select->getColumn(0).getString();
            s.category = select->getColumn(1).getString();
            s.state = read_post_state(select->getColumn(2));
            s.created_at = read_time(select->getColumn(3));
            s.posted_at = read_optional_time(select->getColumn(4));
            s.first_reply_at = read_optional_time(select->getColumn(5));
            found.push_back(std::move(s));
        }
        return found;
    });
}

bot::result<int> sqlite_posts::purge_text(bot::time_point before) {
    return guard("posts.purge_text", [&] {
        auto purge = sql_.use("UPDATE posts SET text = NULL "
                              "WHERE created_at < ? AND text IS NOT NULL");
        bind_time(*purge, 1, before);
        return purge->exec();
    });
}

} // namespace openfloor::storage
