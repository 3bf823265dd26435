// The store: opens the file once and hands out its repositories and transactions.
#include "storage/sqlite_store.hpp"

#include "storage/connection.hpp"
#include "storage/guard.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite_transaction.hpp"

#include <stdexcept>

namespace openfloor::storage {

sqlite_store::sqlite_store(const std::string& path)
    : db_(open_database(path, latest_schema_version()))
    , schema_version_(current_schema_version(db_))
    , statements_(db_)
    , group_(db_)
    , drafts_(statements_)
    , posts_(statements_)
    , authors_(statements_)
    , routes_(statements_)
    , rates_(statements_)
    , audit_(statements_)
    , outbox_(statements_, group_)
    , events_(statements_)
    , digests_(statements_)
    , flags_(statements_)
    , homes_(statements_)
    , metrics_(statements_) {}

bot::result<std::unique_ptr<bot::transaction>> sqlite_store::begin() {
    return guard("store.begin", [&]() -> std::unique_ptr<bot::transaction> {
        return std::make_unique<sqlite_transaction>(group_);
    });
}

bot::result<void> sqlite_store::flush() {
    return guard("store.flush", [&] { group_.flush(); });
}

bot::result<void> sqlite_store::checkpoint() {
    return guard("store.checkpoint", [&] { group_.checkpoint(); });
}

void sqlite_store::migrate_to(const std::string& path, int version) {
    if (version < 0 || version > latest_schema_version()) {
        throw std::invalid_argument("migrate_to: no schema version " + std::to_string(version));
    }
    open_database(path, version); // closed again at once
}

} // namespace openfloor::storage
