// The store ports: everything the core asks of persistence. storage/ implements them over
// SQLite; the core sees nothing else. Every call returns a result: a failing disk is an answer
// ("nothing was posted, try again"), never a crash.
#pragma once

#include "bot/records.hpp"

#include <boost/system/result.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace openfloor::bot {

template <class T>
using result = boost::system::result<T>;

class drafts_repository {
public:
    virtual ~drafts_repository() = default;
    virtual result<void> save(const draft_record& d) = 0;
    virtual result<std::optional<draft_record>> find(std::string_view id) = 0;
    virtual result<std::vector<draft_record>> find_by_author(const pseudonym& author) = 0;
    virtual result<void> remove(std::string_view id) = 0;
    virtual result<int> purge_expired(time_point now) = 0;
};

class posts_repository {
public:
    virtual ~posts_repository() = default;
    virtual result<post_number> next_number(std::string_view workspace) = 0;
    virtual result<std::int64_t> insert(const post_record& p) = 0; // returns the row id
    virtual result<void> update(const post_record& p) = 0;         // every mutable column
    virtual result<std::optional<post_record>> find(std::string_view workspace,
                                                    post_number n) = 0;
    virtual result<std::optional<post_record>> find_by_id(std::int64_t id) = 0;
    // The post whose channel message is `message_ref` in `channel_id`: thread replies find it.
    virtual result<std::optional<post_record>>
    find_by_message(platform where, std::string_view channel_id, std::string_view message_ref) = 0;
    virtual result<std::vector<post_summary>> summaries(platform where, time_point since) = 0;
    // Retention: drop the text of posts created before `before`; the numbered row stays.
    virtual result<int> purge_text(time_point before) = 0;
};

// The authors known by pseudonym, and their bans.
class authors_repository {
public:
    virtual ~authors_repository() = default;
    virtual result<void> touch(const pseudonym& author, time_point now) = 0;
    virtual result<void> ban(const ban_record& b) = 0; // replaces an existing ban
    virtual result<bool> unban(const pseudonym& author) = 0; // false: was not banned
    virtual result<std::optional<ban_record>> active_ban(const pseudonym& author,
                                                         time_point now) = 0;
};

// Where to send the author of a post their relays: sealed, per post, purged with the text.
class routes_repository {
public:
    virtual ~routes_repository() = default;
    virtual result<void> save(std::int64_t post_id, const bytes& sealed_route,
                              time_point now) = 0;
    virtual result<std::optional<bytes>> find(std::int64_t post_id) = 0;
    // A relayed DM, known by a keyed hash of its route and message ref, leads back to its post.
    virtual result<void> link_relay(std::string_view relay_key, std::int64_t post_id,
                                    time_point now) = 0;
    virtual result<std::optional<std::int64_t>> find_relay(std::string_view relay_key) = 0;
    virtual result<int> purge(time_point before) = 0;
};

class rate_repository {
public:
    virtual ~rate_repository() = default;
    virtual result<void> record(const pseudonym& author, time_point at) = 0;
    virtual result<int> count_since(const pseudonym& author, time_point since) = 0;
    virtual result<int> purge(time_point before) = 0;
};

class audit_repository {
public:
    virtual ~audit_repository() = default;
    virtual result<void> append(const audit_record& a) = 0;
    virtual result<std::vector<audit_record>> since(time_point t) = 0; // oldest first
};

class outbox_repository {
public:
    virtual ~outbox_repository() = default;
    virtual result<std::int64_t> enqueue(const outbox_record& r) = 0;
    // Due items of one platform, oldest due first, at most `limit`.
    virtual result<std::vector<outbox_record>> due(platform where, time_point now,
                                                   int limit) = 0;
    // The first due item of one platform whose id is not in `skip` (the jobs already handed out).
    virtual result<std::optional<outbox_record>> first_due(platform where, time_point now,
                                                           const std::set<std::int64_t>& skip) = 0;
    // false while the row's insert waits for its group's commit (store::flush()): it must not
    // be sent before, or a crash could deliver what was never durably confirmed.
    virtual bool committed(std::int64_t id) const = 0;
    virtual result<std::optional<time_point>> next_due_time(platform where) = 0;
    virtual result<void> reschedule(std::int64_t id, int attempts, time_point next) = 0;
    virtual result<void> remove(std::int64_t id) = 0;
    virtual result<std::int64_t> depth() = 0;
    virtual result<std::vector<outbox_record>> for_post(std::int64_t post_id) = 0;
};

// Platform event ids already handled, so a retried delivery makes one post.
class events_repository {
public:
    virtual ~events_repository() = default;
    // true the first time `key` is seen; false for a repeat.
    virtual result<bool> remember(std::string_view key, time_point expires_at) = 0;
    virtual result<int> purge(time_point now) = 0;
};

// The weekly digest: counts per category (read without the text or the sealed author of any
// post), and the end of the last week each channel's digest was queued for.
class digests_repository {
public:
    virtual ~digests_repository() = default;
    // Posts of `channel_id` that appeared in [from, to) and are still up, by category.
    virtual result<std::vector<category_tally>> tally(platform where, std::string_view channel_id,
                                                      time_point from, time_point to) = 0;
    virtual result<std::optional<time_point>> last_week(platform where,
                                                        std::string_view channel_id) = 0;
    // Replaces the channel's last week with `week_end`.
    virtual result<void> record_week(platform where, std::string_view channel_id,
                                     time_point week_end) = 0;
};

// Flags on posts (product.md §4). A flagger is known only by a keyed hash of their pseudonym and
// the post: enough to count each person once per post, nothing that spans posts.
class flags_repository {
public:
    virtual ~flags_repository() = default;
    // true when this flagger's first flag on the post; false for a repeat (nothing changes).
    virtual result<bool> add(std::int64_t post_id, std::string_view flagger, time_point at) = 0;
    virtual result<int> count(std::int64_t post_id) = 0; // distinct flaggers
    virtual result<int> clear(std::int64_t post_id) = 0; // a restore starts the count again
    virtual result<int> purge(time_point before) = 0;    // retention
};

// The Slack private inbox (product.md §5): one sealed document per author, under a keyed hash
// of their pseudonym. Nothing in the clear says which posts a document is about.
class homes_repository {
public:
    virtual ~homes_repository() = default;
    virtual result<std::optional<bytes>> find(std::string_view key) = 0;
    virtual result<void> save(std::string_view key, const bytes& sealed) = 0; // replaces
    virtual result<void> remove(std::string_view key) = 0;
    // Every key, for retention (which opens, prunes and rewrites each document).
    virtual result<std::vector<std::string>> keys() = 0;
};

// A unit of work: everything between begin() and commit() lands whole or not at all. Destroyed
// without commit(), it rolls back. Durable once committed, or, when commits are deferred, once
// the group it belongs to is flushed.
class transaction {
public:
    virtual ~transaction() = default;
    virtual result<void> commit() = 0;
};

class store {
public:
    virtual ~store() = default;
    // A unit of work. Not nested.
    virtual result<std::unique_ptr<transaction>> begin() = 0;
    // Group commit: from this call on, a unit's commit() keeps its writes in a group shared with
    // the units after it, and flush() makes the whole group durable at once (one disk flush for
    // many requests). `schedule` is called once per group, when it opens, and must see that
    // flush() runs soon. Until then every unit commits durably on its own.
    virtual void defer_commits(std::function<void()> schedule) = 0;
    // Some committed unit is not durable yet.
    virtual bool pending() const = 0;
    // Commits the open group. An error: none of its units were kept.
    virtual result<void> flush() = 0;
    // Folds the write-ahead log into the file and empties it, so that what a purge removed
    // does not linger in the -wal file. With a group open, right after its flush.
    virtual result<void> checkpoint() = 0;
    virtual drafts_repository& drafts() = 0;
    virtual posts_repository& posts() = 0;
    virtual authors_repository& authors() = 0;
    virtual routes_repository& routes() = 0;
    virtual rate_repository& rates() = 0;
    virtual audit_repository& audit() = 0;
    virtual outbox_repository& outbox() = 0;
    virtual events_repository& events() = 0;
    virtual digests_repository& digests() = 0;
    virtual flags_repository& flags() = 0;
    virtual homes_repository& homes() = 0;
};

} // namespace openfloor::bot
