// The moderation log (`audit`): append-only, kept past retention.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_audit final : public bot::audit_repository {
public:
    explicit sqlite_audit(statements& sql)
        : sql_(sql) {}

    bot::result<void> append(const bot::audit_record& a) override;
    bot::result<std::vector<bot::audit_record>> since(bot::time_point t) override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
