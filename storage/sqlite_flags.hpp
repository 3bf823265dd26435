// Flags on posts (`flags`): one row per flagger and post, the flagger a keyed hash that differs
// on every post. Removed by a restore, and by retention.
#pragma once

#include "bot/ports.hpp"

#include <SQLiteCpp/Database.h>

namespace openfloor::storage {

class sqlite_flags final : public bot::flags_repository {
public:
    explicit sqlite_flags(SQLite::Database& db)
        : db_(db) {}

    bot::result<bool> add(std::int64_t post_id, std::string_view flagger,
                          bot::time_point at) override;
    bot::result<int> count(std::int64_t post_id) override;
    bot::result<int> clear(std::int64_t post_id) override;
    bot::result<int> purge(bot::time_point before) override;

private:
    SQLite::Database& db_;
};

} // namespace openfloor::storage
