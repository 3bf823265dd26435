// Drafts waiting for their author's confirmation, in the `drafts` table.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_drafts final : public bot::drafts_repository {
public:
    explicit sqlite_drafts(statements& sql)
        : sql_(sql) {}

    bot::result<void> save(const bot::draft_record& d) override;
    bot::result<std::optional<bot::draft_record>> find(std::string_view id) override;
    bot::result<std::vector<bot::draft_record>>
    find_by_author(const bot::pseudonym& author) override;
    bot::result<void> remove(std::string_view id) override;
    bot::result<int> purge_expired(bot::time_point now) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
