// The weekly digest's storage (`digests`, and counts over `posts`): nothing here reads a post's
// text or its sealed author.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_digests final : public bot::digests_repository {
public:
    explicit sqlite_digests(statements& sql)
        : sql_(sql) {}

    bot::result<std::vector<bot::category_tally>> tally(bot::platform where,
                                                        std::string_view channel_id,
                                                        bot::time_point from,
                                                        bot::time_point to) override;
    bot::result<std::optional<bot::time_point>> last_week(bot::platform where,
                                                          std::string_view channel_id) override;
    bot::result<void> record_week(bot::platform where, std::string_view channel_id,
                                  bot::time_point week_end) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
