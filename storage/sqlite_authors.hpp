// Authors by pseudonym (`authors`) and their bans (`bans`).
#pragma once

#include "bot/ports.hpp"

#include <SQLiteCpp/Database.h>

namespace openfloor::storage {

class sqlite_authors final : public bot::authors_repository {
public:
    explicit sqlite_authors(SQLite::Database& db)
        : db_(db) {}

    bot::result<void> touch(const bot::pseudonym& author, bot::time_point now) override;
    bot::result<void> ban(const bot::ban_record& b) override;
    bot::result<bool> unban(const bot::pseudonym& author) override;
    bot::result<std::optional<bot::ban_record>> active_ban(const bot::pseudonym& author,
                                                           bot::time_point now) override;

private:
    SQLite::Database& db_;
};

} // namespace openfloor::storage
