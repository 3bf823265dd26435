// bot::store over one SQLite file: the connection, and one repository per port on it.
#pragma once

#include "bot/ports.hpp"
#include "storage/sqlite_audit.hpp"
#include "storage/sqlite_authors.hpp"
#include "storage/sqlite_digests.hpp"
#include "storage/sqlite_drafts.hpp"
#include "storage/sqlite_events.hpp"
#include "storage/sqlite_flags.hpp"
#include "storage/sqlite_homes.hpp"
#include "storage/sqlite_metrics.hpp"
#include "storage/sqlite_outbox.hpp"
#include "storage/sqlite_posts.hpp"
#include "storage/sqlite_rates.hpp"
#include "storage/sqlite_routes.hpp"
#include "storage/statements.hpp"
#include "storage/write_group.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <string>

namespace openfloor::storage {

class sqlite_store final : public bot::store {
public:
    // Opens or creates the file and brings its schema up to date. Throws std::runtime_error with
    // a message for the operator when it cannot (unwritable path, a schema newer than us, ...).
    explicit sqlite_store(const std::string& path);
    sqlite_store(const sqlite_store&) = delete;
    sqlite_store& operator=(const sqlite_store&) = delete;

    bot::result<std::unique_ptr<bot::transaction>> begin() override;
    void defer_commits(std::function<void()> schedule) override {
        group_.defer(std::move(schedule));
    }
    bool pending() const override { return group_.pending(); }
    bot::result<void> flush() override;
    bot::result<void> checkpoint() override;
    bot::drafts_repository& drafts() override { return drafts_; }
    bot::posts_repository& posts() override { return posts_; }
    bot::authors_repository& authors() override { return authors_; }
    bot::routes_repository& routes() override { return routes_; }
    bot::rate_repository& rates() override { return rates_; }
    bot::audit_repository& audit() override { return audit_; }
    bot::outbox_repository& outbox() override { return outbox_; }
    bot::events_repository& events() override { return events_; }
    bot::digests_repository& digests() override { return digests_; }
    bot::flags_repository& flags() override { return flags_; }
    bot::homes_repository& homes() override { return homes_; }
    // Not a port of the core: the figures app/ serves on /metrics.
    sqlite_metrics& metrics() { return metrics_; }

    // Transactions committed on the connection since it opened (groups, and statements that ran
    // on their own): with group commit, far fewer than units.
    std::uint64_t commits() const { return group_.commits(); }

    // The schema version of the open file (the latest this binary knows, once open).
    int schema_version() const { return schema_version_; }

    // Test hook: create or open `path` and migrate it only up to `version`, to build an older file.
    static void migrate_to(const std::string& path, int version);

private:
    SQLite::Database db_; // first: everything below holds a reference to it
    int schema_version_ = 0;
    statements statements_; // destroyed before db_: a connection closes only once they are gone
    write_group group_;
    sqlite_drafts drafts_;
    sqlite_posts posts_;
    sqlite_authors authors_;
    sqlite_routes routes_;
    sqlite_rates rates_;
    sqlite_audit audit_;
    sqlite_outbox outbox_;
    sqlite_events events_;
    sqlite_digests digests_;
    sqlite_flags flags_;
    sqlite_homes homes_;
    sqlite_metrics metrics_;
};

} // namespace openfloor::storage
