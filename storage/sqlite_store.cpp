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
    , drafts_(db_)
    , posts_(db_)
    , authors_(db_)
    , routes_(db_)
    , rates_(db_)
    , audit_(db_)
    , outbox_(db_)
    , events_(db_)
    , digests_(db_)
    , flags_(db_)
    , metrics_(db_) {}

bot::result<std::unique_ptr<bot::transaction>> sqlite_store::begin() {
    return guard("store.begin", [&]() -> std::unique_ptr<bot::transaction> {
        return std::make_unique<sqlite_transaction>(db_);
    });
}

bot::result<void> sqlite_store::checkpoint() {
    return guard("store.checkpoint", [&] { db_.exec("PRAGMA wal_checkpoint(TRUNCATE)"); });
}

void sqlite_store::migrate_to(const std::string& path, int version) {
    if (version < 0 || version > latest_schema_version()) {
        throw std::invalid_argument("migrate_to: no schema version " + std::to_string(version));
    }
    open_database(path, version); // closed again at once
}

} // namespace openfloor::storage
