// The core's inbound side: each call is one transaction around one use case, with event-id
// dedupe inside the same transaction, so a retried platform event changes nothing.
#include "bot/core.hpp"

#include "bot/error.hpp"
#include "bot/log.hpp"
#include "bot/use_cases.hpp"

namespace openfloor::bot {
namespace {

template <class... Fs>
struct overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
overloaded(Fs...) -> overloaded<Fs...>;

// How long a platform event id is remembered. Slack retries for about five minutes and a
// Mattermost reconnect replays at most minutes of events: a day is far beyond both.
constexpr auto event_memory = std::chrono::hours(24);

reply trouble(const texts& t, const boost::system::error_code& ec) {
    log::error("core.aborted", {{"error", ec.message()}});
    reply r;
    message m;
    m.text = t.say(text_id::storage_trouble);
    r.messages.push_back(std::move(m));
    return r;
}

} // namespace

core::core(const config::settings& settings, store& db, const identity& id, const clock& clock,
           random_source& random)
    : settings_(&settings)
    , db_(db)
    , id_(id)
    , clock_(clock)
    , random_(random)
    , texts_(settings.locale) {}

reply core::storage_trouble() const {
    return trouble(texts_, error::storage_failure);
}

void core::reload(const config::settings& settings) {
    settings_ = &settings;
    texts_ = texts(settings.locale);
}

template <class UseCase>
reply core::run(const actor* who, surface where, std::string_view event_key, UseCase&& body,
                bool keep_refused) {
    auto tx = db_.begin();
    if (!tx) {
        return trouble(texts_, tx.error());
    }
    use_case w(*settings_, db_, id_, clock_, random_, texts_, who, where);
    if (!event_key.empty()) {
        auto fresh = db_.events().remember(id_.keyed_hash("event", event_key), w.now + event_memory);
        if (!fresh) {
            return trouble(texts_, fresh.error());
        }
        if (!*fresh) {
            log::info("event.duplicate");
            reply r;
            r.duplicate = true;
            return r;
        }
    }
    if (auto done = body(w); !done) {
        return trouble(texts_, done.error());
    }
    if (!keep_refused && !w.collected().accepted) {
        return std::move(w.collected()); // rolled back as `tx` goes
    }
    if (auto committed = (*tx)->commit(); !committed) {
        return trouble(texts_, committed.error());
    }
    return std::move(w.collected());
}

reply core::on_text(const actor& who, std::string_view text, surface where,
                    std::string_view event_key) {
    const command cmd = parse_command(text);
    return run(&who, where, event_key, [&](use_case& w) -> result<void> {
        return std::visit(
            overloaded{
                [&](const help_command&) { return show_help(w); },
                [&](const cancel_command&) { return cancel_drafts(w, ""); },
                [&](const confirm_command&) { return confirm_latest_draft(w); },
                [&](const reply_command& c) { return answer_as_author(w, c); },
                [&](const delete_command& c) { return delete_post(w, c); },
                [&](const moderator_command& c) { return moderate(w, c); },
                [&](const stats_command& c) { return show_stats(w, c); },
                [&](const post_command& c) { return start_post(w, c); },
            },
            cmd);
    });
}

reply core::on_action(const actor& who, action what, std::string_view value, surface where) {
    return run(&who, where, {}, [&](use_case& w) -> result<void> {
        switch (what) {
        case action::confirm:
            return confirm_draft(w, value);
        case action::cancel:
            return cancel_drafts(w, value);
        case action::approve:
        case action::reject: {
            const command parsed =
                parse_command(std::string(what == action::approve ? "approve " : "reject ") +
                              std::string(value));
            if (const auto* cmd = std::get_if<moderator_command>(&parsed)) {
                return moderate(w, *cmd);
            }
            return w.answer(w.say.say(text_id::unknown_post, {{"n", std::string(value)}}));
        }
        case action::reply:
            return open_answer_form(w, value);
        case action::flag:
            return open_flag_form(w, value);
        }
        return w.answer(w.say.say(text_id::not_available_yet));
    });
}

reply core::on_answer_form(const actor& who, std::string_view post_value, std::string_view text,
                           std::string_view event_key) {
    return run(
        &who, surface::ephemeral, event_key,
        [&](use_case& w) -> result<void> { return answer_form(w, post_value, text); },
        /*keep_refused=*/false);
}

reply core::on_flag(const actor& who, std::string_view post_value, flag_reason reason,
                    std::string_view flagger_name) {
    return run(&who, surface::ephemeral, {}, [&](use_case& w) -> result<void> {
        return flag_post(w, post_value, reason, flagger_name);
    });
}

reply core::on_draft_choice(const actor& who, std::string_view draft_id, choice_kind what,
                            std::string_view value) {
    return run(&who, surface::ephemeral, {}, [&](use_case& w) -> result<void> {
        return change_draft(w, draft_id, what, value);
    });
}

reply core::on_compose(const actor& who, std::string_view channel_key, std::string_view category,
                       std::string_view text) {
    return run(&who, surface::ephemeral, {},
               [&](use_case& w) -> result<void> { return compose_post(w, channel_key, category, text); });
}

void core::on_thread_reply(const thread_reply& r) {
    run(nullptr, surface::ephemeral, r.event_key,
        [&](use_case& w) -> result<void> { return relay_to_author(w, r); });
}

reply core::on_relay_answer(const actor& who, std::string_view relay_ref, std::string_view text,
                            std::string_view event_key) {
    return run(&who, surface::direct_message, event_key,
               [&](use_case& w) -> result<void> { return answer_relay(w, relay_ref, text); });
}

void core::on_home_opened(const actor& who, std::string_view event_key) {
    run(&who, surface::ephemeral, event_key, [&](use_case& w) { return open_home(w); });
}

void core::purge() {
    auto tx = db_.begin();
    if (!tx) {
        return;
    }
    const auto now = clock_.now();
    const auto horizon = now - std::chrono::hours(24) * settings_->storage.retention_days;
    auto drafts = db_.drafts().purge_expired(now);
    auto texts = db_.posts().purge_text(horizon);
    auto routes = db_.routes().purge(horizon);
    auto rates = db_.rates().purge(now - std::chrono::hours(1));
    auto events = db_.events().purge(now);
    auto flags = db_.flags().purge(horizon);
    auto homes = prune_homes(db_, id_, horizon);
    if (!drafts || !texts || !routes || !rates || !events || !flags || !homes ||
        !(*tx)->commit()) {
        log::error("retention.failed");
        return;
    }
    if (!db_.checkpoint()) {
        log::warn("retention.checkpoint_failed"); // the next purge tries again
    }
    log::info("retention.purged",
              {{"drafts", *drafts}, {"texts", *texts}, {"routes", *routes}, {"homes", *homes}});
}

} // namespace openfloor::bot
