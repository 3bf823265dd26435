// Confirmed posts, numbered per workspace, in the `posts` table. A post row is never deleted:
// retention drops its text and the numbered tombstone stays.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_posts final : public bot::posts_repository {
public:
    explicit sqlite_posts(statements& sql)
        : sql_(sql) {}

    bot::result<bot::post_number> next_number(std::string_view workspace) override;
    bot::result<std::int64_t> insert(const bot::post_record& p) override;
    bot::result<void> update(const bot::post_record& p) override;
    bot::result<std::optional<bot::post_record>> find(std::string_view workspace,
                                                      bot::post_number n) override;
    bot::result<std::optional<bot::post_record>> find_by_id(std::int64_t id) override;
    bot::result<std::optional<bot::post_record>>
    find_by_message(bot::platform where, std::string_view channel_id,
                    std::string_view message_ref) override;
    bot::result<std::vector<bot::post_summary>> summaries(bot::platform where,
                                                          bot::time_point since) override;
    bot::result<int> purge_text(bot::time_point before) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
