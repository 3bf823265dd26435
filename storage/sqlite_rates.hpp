// Each author's recent posts (`rate_events`), counted for the per-author rate limit.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_rates final : public bot::rate_repository {
public:
    explicit sqlite_rates(statements& sql)
        : sql_(sql) {}

    bot::result<void> record(const bot::pseudonym& author, bot::time_point at) override;
    bot::result<int> count_since(const bot::pseudonym& author, bot::time_point since) override;
    bot::result<int> purge(bot::time_point before) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
