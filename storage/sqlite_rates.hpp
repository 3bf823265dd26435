// Each author's recent posts (`rate_events`), counted for the per-author rate limit.
#pragma once

#include "bot/ports.hpp"

#include <SQLiteCpp/Database.h>

namespace openfloor::storage {

class sqlite_rates final : public bot::rate_repository {
public:
    explicit sqlite_rates(SQLite::Database& db)
        : db_(db) {}

    bot::result<void> record(const bot::pseudonym& author, bot::time_point at) override;
    bot::result<int> count_since(const bot::pseudonym& author, bot::time_point since) override;
    bot::result<int> purge(bot::time_point before) override;

private:
    SQLite::Database& db_;
};

} // namespace openfloor::storage
