// Work for the platforms (`outbox`): written in the use case's transaction, removed once the
// platform has it, so a restart resends what was not delivered.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"
#include "storage/write_group.hpp"

namespace openfloor::storage {

class sqlite_outbox final : public bot::outbox_repository {
public:
    sqlite_outbox(statements& sql, write_group& group)
        : sql_(sql)
        , group_(group) {}

    bot::result<std::int64_t> enqueue(const bot::outbox_record& r) override;
    bot::result<std::vector<bot::outbox_record>> due(bot::platform where, bot::time_point now,
                                                     int limit) override;
    bot::result<std::optional<bot::outbox_record>>
    first_due(bot::platform where, bot::time_point now,
              const std::set<std::int64_t>& skip) override;
    bool committed(std::int64_t id) const override;
    bot::result<std::optional<bot::time_point>> next_due_time(bot::platform where) override;
    bot::result<void> reschedule(std::int64_t id, int attempts, bot::time_point next) override;
    bot::result<void> remove(std::int64_t id) override;
    bot::result<std::int64_t> depth() override;
    bot::result<std::vector<bot::outbox_record>> for_post(std::int64_t post_id) override;

private:
    statements& sql_;
    write_group& group_;
};

} // namespace openfloor::storage
