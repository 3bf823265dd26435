// statements: a cache of prepared statements keyed by their SQL text.
#include "storage/statements.hpp"

#include <SQLiteCpp/Exception.h>

namespace openfloor::storage {

statement_use::statement_use(statement_use&& other) noexcept
    : own_(std::move(other.own_))
    , s_(other.s_)
    , busy_(other.busy_) {
    other.s_ = nullptr;
    other.busy_ = nullptr;
}

statement_use::~statement_use() {
    if (s_ == nullptr) {
        return; // moved from
    }
    // A failed step's error was reported where it happened; reset() would only repeat it.
    s_->tryReset();
    try {
        s_->clearBindings(); // sqlite3_clear_bindings always succeeds; SQLiteCpp still checks
    } catch (const SQLite::Exception&) { // nothing to undo: the next use binds every parameter
    }
    if (busy_ != nullptr) {
        *busy_ = false;
    }
}

statement_use statements::use(std::string_view sql) {
    auto found = cache_.find(sql);
    if (found == cache_.end()) {
        entry fresh{std::make_unique<SQLite::Statement>(db_, std::string(sql))};
        found = cache_.emplace(std::string(sql), std::move(fresh)).first;
    }
    if (found->second.busy) {
        return statement_use(std::make_unique<SQLite::Statement>(db_, std::string(sql)));
    }
    return statement_use(*found->second.statement, found->second.busy);
}

} // namespace openfloor::storage
