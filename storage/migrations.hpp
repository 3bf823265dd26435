// The schema's history: numbered steps, run in order past PRAGMA user_version at open.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace openfloor::storage {

// The schema version this binary writes: the number of the last step.
int latest_schema_version();

// The version recorded in the file (0 for a new one).
int current_schema_version(SQLite::Database& db);

// Runs every step after the file's version, up to `target`, each in its own transaction.
// Throws std::runtime_error naming `name` when the file is newer than this binary.
void migrate(SQLite::Database& db, const std::string& name, int target);

} // namespace openfloor::storage
