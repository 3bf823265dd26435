// The platform-neutral core: every inbound intent from an adapter comes here, runs in one
// database transaction, and leaves its effects in the outbox. The core never sees HTTP, JSON or
// SQL, and never keeps a user id: people become pseudonyms and sealed routes on the way in.
#pragma once

#include "bot/delivery.hpp"
#include "bot/environment.hpp"
#include "bot/identity.hpp"
#include "bot/message.hpp"
#include "bot/ports.hpp"
#include "bot/texts.hpp"
#include "config/settings.hpp"

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace openfloor::bot {

class use_case;

// Who is acting, as the platform told us. Held only for the length of one call.
struct actor {
    platform_user user;
    std::string route;      // how to reach them privately: a DM channel id (or user id)
    std::string channel_id; // where they acted: their DM, the moderators channel, a team channel
};

// Where the immediate answer of a call goes.
enum class surface {
    direct_message, // the adapter got a DM: answers go through the outbox to actor.route
    ephemeral,      // slash command, button or modal: answers come back in `reply`
};

// What the adapter must show the actor right away (ephemeral answer, or HTTP response).
struct reply {
    std::vector<message> messages;
    bool duplicate = false;      // the event was seen before; nothing was done
    post_number published = 0;   // the number of the post this call confirmed, if any
};

// A message someone wrote in the thread of an anonymous post.
struct thread_reply {
    platform where = platform::slack;
    std::string channel_id;
    std::string thread_ref;   // the parent message: the anonymous post
    std::string replier_name; // repliers are not anonymous; their name is shown to the author
    std::string text;
    std::string event_key; // platform event id for dedupe; empty: no dedupe
};

// What one look at the weekly digest did, and when the next week ends (or when to try again).
struct digest_round {
    int queued = 0;
    time_point next_check;
};

class core {
public:
    core(const config::settings& settings, store& db, const identity& id, const clock& clock,
         random_source& random);

    // A line written to the bot (a DM, or the text of /openfloor). `event_key` is the
    // platform's event id: a repeat of it does nothing.
    reply on_text(const actor& who, std::string_view text, surface where,
                  std::string_view event_key = {});
    // A button: confirm/cancel carry a draft id, approve/reject a post number.
    reply on_action(const actor& who, action what, std::string_view value, surface where);
    // A menu in a preview: another channel or category for the draft; answers a new preview.
    reply on_draft_choice(const actor& who, std::string_view draft_id, choice_kind what,
                          std::string_view value);
    // A compose form (Slack's modal) submitted: the form was the preview, so it posts at once.
    reply on_compose(const actor& who, std::string_view channel_key, std::string_view category,
                     std::string_view text);
    // A reply in an anonymous post's thread: relayed to the author.
    void on_thread_reply(const thread_reply& r);
    // The author answering in the DM thread of a relayed message (`relay_ref` its message ref).
    reply on_relay_answer(const actor& who, std::string_view relay_ref, std::string_view text,
                          std::string_view event_key = {});

    // The outbox, for the platform's delivery loop: the next job that is due, then its result.
    delivery_step next_delivery(platform where);
    void delivered(const delivery_job& job, const delivery_result& outcome);
    // A job handed out whose row did not become durable (its group's commit failed): not sent,
    // and no longer handed out as in flight.
    void abandon(const delivery_job& job);

    // What to answer instead of a reply whose writes were not kept (their group commit failed).
    reply storage_trouble() const;

    // Retention: expired drafts, old routes and texts, old rate events and event ids.
    void purge();

    // The weekly digest (digest.cpp): each channel with `digest` on whose week ended less than
    // digest_late_limit ago and has not had that week's digest gets it queued in the outbox,
    // its week recorded in the same transaction.
    digest_round post_due_digests();

    // SIGHUP: the new settings apply to every call from now on.
    void reload(const config::settings& settings);

private:
    result<void> record_success(use_case& w, const delivery_job& job,
                                const delivery_result& outcome);
    result<void> record_failure(use_case& w, const delivery_job& job,
                                const delivery_result& outcome);
    std::chrono::milliseconds backoff(int attempt);
    result<std::optional<post_record>> posted_post_of(const delivery_job& job);
    result<bool> queue_digest(const config::channel_settings& channel, time_point week_end);

    template <class UseCase>
    reply run(const actor* who, surface where, std::string_view event_key, UseCase&& body);

    struct pacing_key_hash {
        std::size_t operator()(const std::pair<platform, std::string>& k) const;
    };

    const config::settings* settings_;
    store& db_;
    const identity& id_;
    const clock& clock_;
    random_source& random_;
    texts texts_;
    std::set<std::int64_t> in_flight_;
    std::unordered_map<std::pair<platform, std::string>, time_point, pacing_key_hash> last_send_;
};

} // namespace openfloor::bot
