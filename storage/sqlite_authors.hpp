// Authors by pseudonym (`authors`) and their bans (`bans`).
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_authors final : public bot::authors_repository {
public:
    explicit sqlite_authors(statements& sql)
        : sql_(sql) {}

    bot::result<void> touch(const bot::pseudonym& author, bot::time_point now) override;
    bot::result<void> ban(const bot::ban_record& b) override;
    bot::result<bool> unban(const bot::pseudonym& author) override;
    bot::result<std::optional<bot::ban_record>> active_ban(const bot::pseudonym& author,
                                                           bot::time_point now) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
