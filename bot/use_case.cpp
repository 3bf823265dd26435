// Helpers shared by every use case of the core.
#include "bot/use_case.hpp"

#include "bot/grammar.hpp"
#include "bot/log.hpp"
#include "bot/use_cases.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace openfloor::bot {

use_case::use_case(const config::settings& s, store& d, const identity& i, const clock& c,
                   random_source& r, const texts& t, const actor* who, surface where)
    : settings(s)
    , db(d)
    , id(i)
    , say(t)
    , random(r)
    , now(c.now())
    , who_(who)
    , where_(where) {}

const pseudonym& use_case::me() {
    if (!me_) {
        me_ = id.pseudonym_of(who_->user);
    }
    return *me_;
}

bool use_case::is_moderator() const {
    const auto& mods = settings.moderation.moderators;
    if (std::find(mods.begin(), mods.end(), who_->user.user_id) != mods.end()) {
        return true;
    }
    // Someone acting inside the moderators channel is a member of it.
    const auto& channel = settings.moderation.channel_for(who_->user.where);
    return channel && !who_->channel_id.empty() && *channel == who_->channel_id;
}

std::string use_case::workspace() const {
    return std::string(config::to_string(who_->user.where));
}

bool use_case::home_inbox(platform where) const {
    return settings.notices == config::notices_mode::home && where == platform::slack;
}

result<void> use_case::answer(message m) {
    if (where_ == surface::ephemeral || who_->route.empty()) {
        reply_.messages.push_back(std::move(m));
        return {};
    }
    if (home_inbox(who_->user.where)) {
        // Through the outbox like a DM (retried, kept across a restart), but shown as Slack's
        // ephemeral message: only the actor sees it, and no message export keeps it.
        outbox_record r;
        r.where = who_->user.where;
        r.kind = job_kind::ephemeral;
        r.sealed_route =
            id.seal(encode(ephemeral_route{who_->route, who_->user.user_id}), seal_purpose::route);
        r.sealed_payload = id.seal(encode(m), seal_purpose::payload);
        r.next_attempt_at = now;
        r.created_at = now;
        OPENFLOOR_TRY(auto row, db.outbox().enqueue(r));
        log::debug("outbox.enqueued", {{"job", row}, {"kind", "ephemeral"}});
        return {};
    }
    return send_private(who_->user.where, id.seal(who_->route, seal_purpose::route), std::move(m));
}

result<void> use_case::answer(std::string text) {
    message m;
    m.text = std::move(text);
    return answer(std::move(m));
}

result<void> use_case::send_private(platform where, const bytes& sealed_route, message m,
                                    std::optional<std::int64_t> post_id) {
    outbox_record r;
    r.where = where;
    r.post_id = post_id;
    r.kind = job_kind::direct_message;
    r.sealed_route = sealed_route;
    r.sealed_payload = id.seal(encode(m), seal_purpose::payload);
    r.next_attempt_at = now;
    r.created_at = now;
    OPENFLOOR_TRY(auto row, db.outbox().enqueue(r));
    log::debug("outbox.enqueued", {{"job", row}, {"kind", "direct_message"}});
    return {};
}

result<void> use_case::enqueue(platform where, job_kind kind, std::optional<std::int64_t> post_id,
                               std::string channel_id, const message& m,
                               std::chrono::seconds delay) {
    outbox_record r;
    r.where = where;
    r.kind = kind;
    r.post_id = post_id;
    r.channel_id = std::move(channel_id);
    r.sealed_payload = id.seal(encode(m), seal_purpose::payload);
    r.next_attempt_at = now + delay;
    r.created_at = now;
    OPENFLOOR_TRY(auto row, db.outbox().enqueue(r));
    log::debug("outbox.enqueued", {{"job", row}, {"kind", std::string(to_string(kind))}});
    return {};
}

result<void> use_case::notify_moderators(platform where, std::string text) {
    const auto& channel = settings.moderation.channel_for(where);
    if (!channel) {
        log::warn("moderators.no_channel", {{"platform", std::string(config::to_string(where))}});
        return {};
    }
    message m;
    m.kind = message_kind::moderator_notice;
    m.text = std::move(text);
    return enqueue(where, job_kind::moderators_notice, std::nullopt, *channel, m);
}

result<void> use_case::tell_author(const post_record& post, std::string text) {
    OPENFLOOR_TRY(auto route, db.routes().find(post.id));
    if (!route) {
        return {};
    }
    if (home_inbox(post.where)) {
        return note_on_home(*this, post, *route, home_line{{}, std::move(text), now});
    }
    message m;
    m.number = post.number;
    m.text = std::move(text);
    return send_private(post.where, *route, std::move(m));
}

result<void> use_case::audit(std::string actor, std::string action, const post_record& post,
                             std::string detail) {
    audit_record a;
    a.at = now;
    a.actor = std::move(actor);
    a.action = std::move(action);
    a.where = post.where;
    a.number = post.number;
    a.detail = std::move(detail);
    return db.audit().append(a);
}

result<std::optional<post_record>> use_case::find_post(post_number n) {
    OPENFLOOR_TRY(auto post, db.posts().find(workspace(), n));
    if (!post) {
        OPENFLOOR_CHECK(answer(say.say(text_id::unknown_post, {{"n", to_text(n)}})));
    }
    return post;
}

result<std::optional<post_record>> use_case::find_post(std::string_view value) {
    const auto number = parse_post_number(value);
    if (!number) {
        OPENFLOOR_CHECK(answer(say.say(text_id::unknown_post, {{"n", std::string(value)}})));
        return std::optional<post_record>{};
    }
    return find_post(*number);
}

std::optional<pseudonym> use_case::author_of(const post_record& post) const {
    auto opened = id.open(post.author_seal, seal_purpose::author);
    pseudonym p;
    if (!opened || !pseudonym::from_hex(*opened, p)) {
        return std::nullopt;
    }
    return p;
}

bool use_case::wrote(const post_record& post, const pseudonym& candidate) const {
    auto author = author_of(post);
    return author && *author == candidate;
}

std::chrono::seconds use_case::posting_delay() {
    const auto lo = settings.posting.delay_min.count();
    const auto hi = settings.posting.delay_max.count();
    if (hi <= lo) {
        return std::chrono::seconds{lo};
    }
    const double span = static_cast<double>(hi - lo + 1);
    const auto offset = static_cast<long long>(std::floor(random.unit() * span));
    return std::chrono::seconds{lo + std::min<long long>(offset, hi - lo)};
}

std::string to_text(post_number n) {
    return std::to_string(n);
}

std::string format_time(time_point t) {
    const std::time_t tt = clock_type::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
    return buffer;
}

} // namespace openfloor::bot
