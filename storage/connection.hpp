// Opening the database file: connection settings, then the schema migrations.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace openfloor::storage {

// Opens (creating if missing) and migrates up to `target_version`. Throws std::runtime_error
// with a message naming `path` on any failure, including a file newer than this binary.
SQLite::Database open_database(const std::string& path, int target_version);

} // namespace openfloor::storage
