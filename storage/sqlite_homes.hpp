// Home documents (`home_documents`): the Slack private inbox's one sealed blob per author, keyed
// by a keyed hash of their pseudonym. Rewritten in place on every change; pruned by retention.
#pragma once

#include "bot/ports.hpp"
#include "storage/statements.hpp"

namespace openfloor::storage {

class sqlite_homes final : public bot::homes_repository {
public:
    explicit sqlite_homes(statements& sql)
        : sql_(sql) {}

    bot::result<std::optional<bot::bytes>> find(std::string_view key) override;
    bot::result<void> save(std::string_view key, const bot::bytes& sealed) override;
    bot::result<void> remove(std::string_view key) override;
    bot::result<std::vector<std::string>> keys() override;

private:
    statements& sql_;
};

} // namespace openfloor::storage
