// Platform event ids already handled (`processed_events`), so a redelivery makes one post.
#pragma once

#include "bot/ports.hpp"

#include <SQLiteCpp/Database.h>

namespace openfloor::storage {

class sqlite_events final : public bot::events_repository {
public:
    explicit sqlite_events(SQLite::Database& db)
        : db_(db) {}

    bot::result<bool> remember(std::string_view key, bot::time_point expires_at) override;
    bot::result<int> purge(bot::time_point now) override;

private:
    SQLite::Database& db_;
};

} // namespace openfloor::storage
