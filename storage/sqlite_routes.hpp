// Sealed reply routes per post (`reply_routes`) and relayed DMs leading back to posts
// (`relay_links`). Both are purged with the post's text.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_routes final : public bot::routes_repository {
public:
    explicit sqlite_routes(statements& sql)
        : sql_(sql) {}

    bot::result<void> save(std::int64_t post_id, const bot::bytes& sealed_route,
                           bot::time_point now) override;
    bot::result<std::optional<bot::bytes>> find(std::int64_t post_id) override;
    bot::result<void> link_relay(std::string_view relay_key, std::int64_t post_id,
                                 bot::time_point now) override;
    bot::result<std::optional<std::int64_t>> find_relay(std::string_view relay_key) override;
    bot::result<int> purge(bot::time_point before) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
