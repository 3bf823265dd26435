// The core's outbound side: the outbox decides what is due, resolves each job against the
// post's current state (a thread answer waits for its post; a deleted post is not sent), paces
// sends per channel, and records each outcome with backoff, Retry-After and a final "failed".
#include "bot/core.hpp"

#include "bot/log.hpp"
#include "bot/use_cases.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace openfloor::bot {
namespace {

// Due rows looked at per call at most: a long run of rows that are dropped or deferred is
// walked across calls, not in one go on the I/O thread.
constexpr int max_looks = 64;
constexpr auto defer_step = std::chrono::seconds(1);
constexpr auto max_backoff = std::chrono::seconds(300);

struct dropped {
    std::string_view why;
};
struct deferred {};
using resolution = std::variant<delivery_job, dropped, deferred>;


} // namespace

std::size_t core::pacing_key_hash::operator()(const std::pair<platform, std::string>& k) const {
    return std::hash<std::string>{}(k.second) ^ static_cast<std::size_t>(k.first);
}

namespace {

// A home_view job: the author's App Home built now from their document (its key is the payload).
resolution resolve_home(const config::settings& settings, store& db, const identity& id,
                        const texts& say, const outbox_record& rec, delivery_job job) {
    auto user = id.open(rec.sealed_route, seal_purpose::route);
    if (!user) {
        return dropped{"route_unreadable"};
    }
    auto key = id.open(rec.sealed_payload, seal_purpose::payload);
    if (!key) {
        return dropped{"payload_unreadable"};
    }
    auto view = home_view_of(settings, db, id, say, *key);
    if (!view) {
        return deferred{}; // the database is unwell: try again later
    }
    job.channel_id = std::move(*user);
    job.home = std::move(*view);
    return job;
}

// Turns an outbox row into a job, reading the post as it is now.
resolution resolve(const config::settings& settings, store& db, const identity& id,
                   const texts& say, const outbox_record& rec) {
    delivery_job job;
    job.id = rec.id;
    job.where = rec.where;
    job.kind = rec.kind;
    job.channel_id = rec.channel_id;
    job.attempt = rec.attempts + 1;
    job.post_id = rec.post_id;
    if (rec.kind == job_kind::home_view) {
        return resolve_home(settings, db, id, say, rec, std::move(job));
    }
    auto payload = id.open(rec.sealed_payload, seal_purpose::payload);
    if (!payload || !decode(*payload, job.body)) {
        return dropped{"payload_unreadable"};
    }
    if (rec.kind == job_kind::ephemeral) {
        auto opened = id.open(rec.sealed_route, seal_purpose::route);
        ephemeral_route route;
        if (!opened || !decode(*opened, route)) {
            return dropped{"route_unreadable"};
        }
        job.channel_id = std::move(route.channel);
        job.recipient = std::move(route.user);
        return job;
    }
    if (rec.kind == job_kind::direct_message) {
        auto route = id.open(rec.sealed_route, seal_purpose::route);
        if (!route) {
            return dropped{"route_unreadable"};
        }
        job.channel_id = std::move(*route);
        return job;
    }
    if (rec.kind == job_kind::moderators_notice) {
        return job;
    }
    if (rec.kind == job_kind::channel_notice) {
        // A team channel may take posts through an incoming webhook only (the bot not in it).
        const auto& channels = settings.channels;
        const auto it = std::find_if(channels.begin(), channels.end(), [&](const auto& c) {
            return c.platform == rec.where && c.channel_id == rec.channel_id;
        });
        if (it != channels.end() && it->webhook_url) {
            job.webhook_url = it->webhook_url;
        }
        return job;
    }
    if (!rec.post_id) {
        return dropped{"no_post"};
    }
    auto found = db.posts().find_by_id(*rec.post_id);
    if (!found) {
        return deferred{}; // the database is unwell: try again later
    }
    if (!*found) {
        return dropped{"post_gone"};
    }
    const post_record& post = **found;
    const auto* channel = settings.find_channel(post.channel_key);
    switch (rec.kind) {
    case job_kind::channel_post:
        if (post.state != post_state::queued || post.awaiting_review) {
            return dropped{"post_withdrawn"};
        }
        job.channel_id = post.channel_id;
        if (channel && channel->webhook_url) {
            job.webhook_url = channel->webhook_url;
        }
        return job;
    case job_kind::queue_item:
        if (post.state != post_state::queued || !post.awaiting_review) {
            return dropped{"review_done"};
        }
        return job;
    case job_kind::thread_post:
    case job_kind::update_post:
    case job_kind::delete_post:
        if (channel && channel->webhook_url) {
            return dropped{"webhook_channel"};
        }
        if (post.message_ref) {
            job.channel_id = post.channel_id;
            (rec.kind == job_kind::thread_post ? job.thread_ref : job.message_ref) =
                *post.message_ref;
            return job;
        }
        return post.state == post_state::queued ? resolution{deferred{}}
                                                : resolution{dropped{"never_posted"}};
    case job_kind::update_queue_item: {
        const auto& queue = settings.moderation.channel_for(post.where);
        if (post.queue_ref && queue) {
            job.channel_id = *queue;
            job.message_ref = *post.queue_ref;
            return job;
        }
        auto pending = db.outbox().for_post(post.id);
        const bool queue_item_waiting =
            pending && std::any_of(pending->begin(), pending->end(), [](const outbox_record& r) {
                return r.kind == job_kind::queue_item;
            });
        return queue_item_waiting ? resolution{deferred{}} : resolution{dropped{"no_queue_item"}};
    }
    case job_kind::direct_message:
    case job_kind::moderators_notice:
    case job_kind::channel_notice:
    case job_kind::ephemeral:
    case job_kind::home_view:
        break;
    }
    return dropped{"unknown_kind"};
}

} // namespace

delivery_step core::next_delivery(platform where) {
    const auto now = clock_.now();
    // Dropping and deferring write: in a unit of their own, opened only when needed, so they
    // join the open write group instead of flushing the disk on their own.
    std::unique_ptr<transaction> changes;
    const auto write = [&](auto&& change) {
        if (!changes) {
            auto begun = db_.begin();
            if (!begun) {
                return; // the row stays due: a later look tries again
            }
            changes = std::move(*begun);
        }
        (void)change();
    };
    std::set<std::int64_t> passed = in_flight_; // handed out, or looked at in this call
    for (int looked = 0; looked < max_looks; ++looked) {
        auto due = db_.outbox().first_due(where, now, passed);
        if (!due || !*due) {
            break; // nothing more is due (or the database is unwell: look again later)
        }
        const outbox_record& rec = **due;
        passed.insert(rec.id);
        auto resolved = resolve(*settings_, db_, id_, texts_, rec);
        if (auto* drop = std::get_if<dropped>(&resolved)) {
            log::info("outbox.dropped", {{"job", rec.id}, {"reason", std::string(drop->why)}});
            write([&] { return db_.outbox().remove(rec.id); });
            continue;
        }
        if (std::holds_alternative<deferred>(resolved)) {
            write([&] { return db_.outbox().reschedule(rec.id, rec.attempts, now + defer_step); });
            continue;
        }
        auto& job = std::get<delivery_job>(resolved);
        // Pacing: one message per interval into any one channel (Slack allows about 1/s).
        const auto key = std::make_pair(where, job.channel_id);
        if (auto last = last_send_.find(key); last != last_send_.end()) {
            const auto release = last->second + settings_->outbound.channel_interval;
            if (release > now) {
                write([&] {
                    return db_.outbox().reschedule(
                        rec.id, rec.attempts,
                        std::chrono::time_point_cast<clock_type::duration>(release));
                });
                continue;
            }
        }
        if (changes) {
            (void)changes->commit();
        }
        job.committed = db_.outbox().committed(rec.id);
        in_flight_.insert(rec.id);
        last_send_[key] = now;
        return std::move(job);
    }
    if (changes) {
        (void)changes->commit();
    }
    auto next = db_.outbox().next_due_time(where);
    if (!next) {
        return idle{now + defer_step};
    }
    if (*next && **next <= now) {
        // Only in-flight work is due, or rows that could not be moved on: look again soon.
        return idle{now + std::chrono::milliseconds(100)};
    }
    return idle{*next};
}

void core::abandon(const delivery_job& job) {
    in_flight_.erase(job.id);
}

void core::delivered(const delivery_job& job, const delivery_result& outcome) {
    in_flight_.erase(job.id);
    use_case w(*settings_, db_, id_, clock_, random_, texts_, nullptr, surface::ephemeral);
    auto tx = db_.begin();
    if (!tx) {
        log::error("outbox.record_failed", {{"job", job.id}});
        return;
    }
    auto recorded = [&]() -> result<void> {
        using status = delivery_result::status;
        switch (outcome.outcome) {
        case status::delivered:
            return record_success(w, job, outcome);
        case status::rate_limited: {
            const auto wait = std::max<std::chrono::milliseconds>(
                outcome.retry_after.value_or(std::chrono::seconds(1)), std::chrono::seconds(1));
            log::warn("outbox.rate_limited", {{"job", job.id}, {"wait_ms", static_cast<std::int64_t>(wait.count())}});
            return db_.outbox().reschedule(job.id, job.attempt - 1, w.now + wait);
        }
        case status::retry:
            if (job.attempt < settings_->outbound.max_attempts) {
                const auto delay = backoff(job.attempt);
                log::warn("outbox.retry", {{"job", job.id},
                                           {"attempt", job.attempt},
                                           {"reason", outcome.reason},
                                           {"delay_ms", static_cast<std::int64_t>(delay.count())}});
                return db_.outbox().reschedule(job.id, job.attempt, w.now + delay);
            }
            return record_failure(w, job, outcome);
        case status::give_up:
            return record_failure(w, job, outcome);
        }
        return {};
    }();
    if (!recorded || !(*tx)->commit()) {
        log::error("outbox.record_failed", {{"job", job.id}});
    }
}

// The post a channel post or queue item job was for, as it is now (nullopt for other jobs).
result<std::optional<post_record>> core::posted_post_of(const delivery_job& job) {
    if ((job.kind != job_kind::channel_post && job.kind != job_kind::queue_item) || !job.post_id) {
        return std::optional<post_record>{};
    }
    return db_.posts().find_by_id(*job.post_id);
}

std::chrono::milliseconds core::backoff(int attempt) {
    const auto base = std::chrono::milliseconds(1000) * (1LL << std::min(attempt - 1, 16));
    const auto capped = std::min<std::chrono::milliseconds>(base, max_backoff);
    // "Equal jitter": at least half the step, so retries spread out but still back off.
    const auto half = capped.count() / 2;
    return std::chrono::milliseconds(half + static_cast<long long>(random_.unit() * static_cast<double>(half)));
}

result<void> core::record_success(use_case& w, const delivery_job& job,
                                  const delivery_result& outcome) {
    OPENFLOOR_CHECK(db_.outbox().remove(job.id));
    log::info("outbox.delivered", {{"job", job.id}, {"kind", std::string(to_string(job.kind))}, {"attempt", job.attempt}});
    if (job.kind == job_kind::direct_message) {
        if (job.body.kind == message_kind::relay && !outcome.message_ref.empty()) {
            if (job.post_id) {
                // Keyed by the DM channel it landed in: a reply in its thread comes from there.
                const std::string& landed = outcome.channel.empty() ? job.channel_id : outcome.channel;
                OPENFLOOR_CHECK(db_.routes().link_relay(
                    id_.keyed_hash("relay", landed + "|" + outcome.message_ref),
                    *job.post_id, w.now));
            }
        }
        return {};
    }
    OPENFLOOR_TRY(auto post, posted_post_of(job));
    if (!post) {
        return {};
    }
    if (job.kind == job_kind::queue_item) {
        post->queue_ref = outcome.message_ref;
        return db_.posts().update(*post);
    }
    post->message_ref = outcome.message_ref.empty() ? std::nullopt
                                                   : std::optional<std::string>(outcome.message_ref);
    post->posted_at = w.now;
    if (post->state == post_state::deleted) {
        // Deleted while its send was in flight: take it down again.
        OPENFLOOR_CHECK(db_.posts().update(*post));
        return post->message_ref ? w.enqueue(post->where, job_kind::delete_post, post->id,
                                             post->channel_id, message{})
                                 : result<void>{};
    }
    post->state = post_state::posted;
    log::info("post.published", {{"platform", post->workspace}, {"channel", post->channel_key}, {"post", post->number}});
    OPENFLOOR_CHECK(db_.posts().update(*post));
    return refresh_home(w, *post); // in home mode its author's Home says "posted" now
}

result<void> core::record_failure(use_case& w, const delivery_job& job,
                                  const delivery_result& outcome) {
    OPENFLOOR_CHECK(db_.outbox().remove(job.id));
    log::error("outbox.failed", {{"job", job.id},
                                 {"kind", std::string(to_string(job.kind))},
                                 {"attempt", job.attempt},
                                 {"reason", outcome.reason}});
    OPENFLOOR_TRY(auto post, posted_post_of(job));
    if (!post) {
        return {};
    }
    post->state = post_state::failed;
    post->awaiting_review = false;
    OPENFLOOR_CHECK(db_.posts().update(*post));
    OPENFLOOR_CHECK(w.audit("system", "failed", *post, outcome.reason));
    const std::string n = to_text(post->number);
    if (job.kind == job_kind::channel_post) {
        OPENFLOOR_CHECK(w.notify_moderators(
            post->where, texts_.say(text_id::delivery_failed_moderators,
                                    {{"n", n},
                                     {"channel", post->channel_key},
                                     {"attempts", std::to_string(job.attempt)},
                                     {"reason", outcome.reason}})));
    }
    return w.tell_author(*post, texts_.say(text_id::delivery_failed_author,
                                           {{"n", n}, {"channel", post->channel_key}}));
}

} // namespace openfloor::bot
