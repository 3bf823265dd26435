// The home documents repository. An upsert, not INSERT OR REPLACE: the row is updated where it
// is, so nothing about it (a fresh rowid, its place in the file) says it was the last one written.
#include "storage/sqlite_homes.hpp"

#include "storage/columns.hpp"
#include "storage/guard.hpp"

#include <SQLiteCpp/Statement.h>

namespace openfloor::storage {

bot::result<std::optional<bot::bytes>> sqlite_homes::find(std::string_view key) {
    return guard("homes.find", [&]() -> std::optional<bot::bytes> {
        auto select = sql_.use("SELECT sealed FROM home_documents WHERE key = ?");
        bind_text(*select, 1, key);
        if (!select->executeStep()) {
            return std::nullopt;
        }
        return read_blob(select->getColumn(0));
    });
}

bot::result<void> sqlite_homes::save(std::string_view key, const bot::bytes& sealed) {
    return guard("homes.save", [&] {
        auto upsert = sql_.use("INSERT INTO home_documents (key, sealed) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET sealed = excluded.sealed");
        bind_text(*upsert, 1, key);
        bind_blob(*upsert, 2, sealed);
        upsert->exec();
    });
}

bot::result<void> sqlite_homes::remove(std::string_view key) {
    return guard("homes.remove", [&] {
        auto del = sql_.use("DELETE FROM home_documents WHERE key = ?");
        bind_text(*del, 1, key);
        del->exec();
    });
}

bot::result<std::vector<std::string>> sqlite_homes::keys() {
    return guard("homes.keys", [&] {
        auto select = sql_.use("SELECT key FROM home_documents ORDER BY key");
        std::vector<std::string> found;
        while (select->executeStep()) {
            found.push_back(select->getColumn(0).getString());
        }
        return found;
    });
}

} // namespace openfloor::storage
