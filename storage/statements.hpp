// The connection's prepared statements, kept for its life: preparing the same SQL again on every
// call was a fifth of openfloor's CPU per DM (bench/RESULTS.md).
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace openfloor::storage {

// One use of a statement: reset and unbound again when it goes, so the next use starts clean and
// no half-read statement keeps a read snapshot open.
class statement_use {
public:
    statement_use(SQLite::Statement& s, bool& busy)
        : s_(&s)
        , busy_(&busy) {
        *busy_ = true;
    }
    explicit statement_use(std::unique_ptr<SQLite::Statement> own)
        : own_(std::move(own))
        , s_(own_.get()) {}
    statement_use(statement_use&& other) noexcept;
    statement_use(const statement_use&) = delete;
    statement_use& operator=(const statement_use&) = delete;
    statement_use& operator=(statement_use&&) = delete;
    ~statement_use();

    SQLite::Statement& operator*() const { return *s_; }
    SQLite::Statement* operator->() const { return s_; }

private:
    std::unique_ptr<SQLite::Statement> own_; // set when the cached one was already in use
    SQLite::Statement* s_;
    bool* busy_ = nullptr;
};

class statements {
public:
    explicit statements(SQLite::Database& db)
        : db_(db) {}
    statements(const statements&) = delete;
    statements& operator=(const statements&) = delete;

    // The statement for `sql`, prepared on first use. A statement still in use (a caller that
    // reads rows while it calls another that runs the same SQL) gets a fresh one instead.
    // Throws SQLite::Exception like SQLite::Statement's constructor.
    statement_use use(std::string_view sql);
    SQLite::Database& db() const { return db_; }

private:
    struct entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool busy = false;
    };
    struct text_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };

    SQLite::Database& db_;
    std::unordered_map<std::string, entry, text_hash, std::equal_to<>> cache_;
};

} // namespace openfloor::storage
