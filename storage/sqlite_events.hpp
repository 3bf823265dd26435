// Platform event ids already handled (`processed_events`), so a redelivery makes one post.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_events final : public bot::events_repository {
public:
    explicit sqlite_events(statements& sql)
        : sql_(sql) {}

    bot::result<bool> remember(std::string_view key, bot::time_point expires_at) override;
    bot::result<int> purge(bot::time_point now) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
