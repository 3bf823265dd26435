// Append-only: a released step never changes, a new schema is a new step at the end. Each step
// and its PRAGMA user_version commit together, so a crash mid-upgrade leaves the old version.
#include "storage/migrations.hpp"

#include <SQLiteCpp/Transaction.h>

#include <array>
#include <stdexcept>
#include <string_view>

namespace openfloor::storage {
namespace {

// Step 1: the base schema. Times are unix milliseconds; pseudonyms 64 hex digits; sealed bytes
// BLOBs. No table holds a platform user id, a user name or a DM channel id in the clear.
constexpr std::string_view base_schema = R"sql(
CREATE TABLE drafts (
    id           TEXT PRIMARY KEY,
    platform     TEXT NOT NULL CHECK (platform IN ('slack', 'mattermost')),
    workspace    TEXT NOT NULL,
    author       TEXT NOT NULL CHECK (length(author) = 64),
    sealed_route BLOB NOT NULL,
    channel_key  TEXT NOT NULL,
    category     TEXT NOT NULL,
    sealed_text  BLOB NOT NULL,
    needs_review INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX drafts_by_author ON drafts (author);
CREATE INDEX drafts_by_expiry ON drafts (expires_at);

CREATE TABLE posts (
    id              INTEGER PRIMARY KEY,
    platform        TEXT NOT NULL CHECK (platform IN ('slack', 'mattermost')),
    workspace       TEXT NOT NULL,
    number          INTEGER NOT NULL,
    channel_key     TEXT NOT NULL,
    channel_id      TEXT NOT NULL,
    category        TEXT NOT NULL,
    text            TEXT,
    state           TEXT NOT NULL
                    CHECK (state IN ('draft', 'queued', 'posted', 'rejected', 'deleted', 'failed')),
    awaiting_review INTEGER NOT NULL DEFAULT 0,
    author_seal     BLOB NOT NULL,
    message_ref     TEXT,
    queue_ref       TEXT,
    created_at      INTEGER NOT NULL,
    posted_at       INTEGER,
    UNIQUE (workspace, number)
);
CREATE INDEX posts_by_message ON posts (platform, channel_id, message_ref);
CREATE INDEX posts_by_created ON posts (created_at);

CREATE TABLE authors (
    pseudonym  TEXT PRIMARY KEY CHECK (length(pseudonym) = 64),
    first_seen INTEGER NOT NULL
);

CREATE TABLE bans (
    pseudonym  TEXT PRIMARY KEY REFERENCES authors (pseudonym),
    until      INTEGER,
    created_at INTEGER NOT NULL
);

CREATE TABLE reply_routes (
    post_id      INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    sealed_route BLOB NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX reply_routes_by_created ON reply_routes (created_at);

CREATE TABLE relay_links (
    relay_key  TEXT PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);
CREATE INDEX relay_links_by_post ON relay_links (post_id);
CREATE INDEX relay_links_by_created ON relay_links (created_at);

CREATE TABLE rate_events (
    pseudonym TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX rate_events_by_author ON rate_events (pseudonym, at);
CREATE INDEX rate_events_by_time ON rate_events (at);

CREATE TABLE audit (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    platform TEXT NOT NULL CHECK (platform IN ('slack', 'mattermost')),
    number   INTEGER NOT NULL,
    detail   TEXT NOT NULL
);
CREATE INDEX audit_by_time ON audit (at);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    platform        TEXT NOT NULL CHECK (platform IN ('slack', 'mattermost')),
    kind            TEXT NOT NULL,
    post_id         INTEGER REFERENCES posts (id),
    channel_id      TEXT NOT NULL,
    sealed_route    BLOB NOT NULL,
    sealed_payload  BLOB NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX outbox_by_due ON outbox (platform, next_attempt_at, id);
CREATE INDEX outbox_by_post ON outbox (post_id);

CREATE TABLE processed_events (
    key        TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
CREATE INDEX processed_events_by_expiry ON processed_events (expires_at);
)sql";

// Step 2: time to first reply, for stats, which read one platform's posts by creation time.
constexpr std::string_view first_reply = R"sql(
ALTER TABLE posts ADD COLUMN first_reply_at INTEGER;
CREATE INDEX posts_by_platform_created ON posts (platform, created_at);
)sql";

// Step 3: the weekly digest. Per channel only the end of the last week it got (no history, no
// text); its counts are read from posts by channel and publication time.
constexpr std::string_view weekly_digest = R"sql(
CREATE TABLE digests (
    platform   TEXT NOT NULL CHECK (platform IN ('slack', 'mattermost')),
    channel_id TEXT NOT NULL,
    week_end   INTEGER NOT NULL,
    PRIMARY KEY (platform, channel_id)
);
CREATE INDEX posts_by_channel_posted ON posts (platform, channel_id, posted_at);
)sql";

// Step 4: flags, hidden and locked posts. A flagger is a keyed hash of their pseudonym and the
// post, so one person counts once per post while their flags on two posts cannot be matched.
constexpr std::string_view flags_and_locks = R"sql(
ALTER TABLE posts ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
CREATE TABLE flags (
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    flagger    TEXT NOT NULL CHECK (length(flagger) = 64),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, flagger)
);
CREATE INDEX flags_by_created ON flags (created_at);
)sql";

// Step 5: the Slack private inbox (privacy.notices "home"). One sealed document per author,
// keyed by a keyed hash of their pseudonym, holding their post ids and what was relayed to them.
// No time column (one would line the row up with a post's created_at), and WITHOUT ROWID, so
// rows sit in key order and no growing rowid tells which document was written last.
constexpr std::string_view home_documents = R"sql(
CREATE TABLE home_documents (
    key    TEXT PRIMARY KEY CHECK (length(key) = 64),
    sealed BLOB NOT NULL
) WITHOUT ROWID;
)sql";

// Step N sets user_version N. Never edit or reorder a released step.
constexpr std::array<std::string_view, 5> steps{base_schema, first_reply, weekly_digest,
                                                flags_and_locks, home_documents};

// The one statement not bound: PRAGMA takes no parameters. `version` is a step number of ours.
void set_version(SQLite::Database& db, int version) {
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

} // namespace

int latest_schema_version() {
    return static_cast<int>(steps.size());
}

int current_schema_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db, const std::string& name, int target) {
    const int found = current_schema_version(db);
    if (found > latest_schema_version()) {
        throw std::runtime_error(name + ": database schema version " + std::to_string(found) +
                                 " is newer than this openfloor (" +
                                 std::to_string(latest_schema_version()) + "); upgrade openfloor");
    }
    for (int version = found + 1; version <= target; ++version) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have upgraded the file while we waited for the write lock.
        if (current_schema_version(db) >= version) {
            continue;
        }
        db.exec(std::string(steps[static_cast<std::size_t>(version - 1)]));
        set_version(db, version);
        tx.commit();
    }
}

} // namespace openfloor::storage
