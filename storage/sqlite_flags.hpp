// Flags on posts (`flags`): one row per flagger and post, the flagger a keyed hash that differs
// on every post. Removed by a restore, and by retention.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_flags final : public bot::flags_repository {
public:
    explicit sqlite_flags(statements& sql)
        : sql_(sql) {}

    bot::result<bool> add(std::int64_t post_id, std::string_view flagger,
                          bot::time_point at) override;
    bot::result<int> count(std::int64_t post_id) override;
    bot::result<int> clear(std::int64_t post_id) override;
    bot::result<int> purge(bot::time_point before) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
