// The moderation log (`audit`): append-only, kept past retention.
#pragma once

#include "bot/ports.hpp"

#include <SQLiteCpp/Database.h>

namespace openfloor::storage {

class sqlite_audit final : public bot::audit_repository {
public:
    explicit sqlite_audit(SQLite::Database& db)
        : db_(db) {}

    bot::result<void> append(const bot::audit_record& a) override;
    bot::result<std::vector<bot::audit_record>> since(bot::time_point t) override;

private:
    SQLite::Database& db_;
};

} // namespace openfloor::storage
