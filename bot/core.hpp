// The platform-neutral core: every inbound intent from an adapter comes here, runs in one
// database transaction, and leaves its effects in the outbox. The core never sees HTTP, JSON or
// SQL, and never keeps a user id: people become pseudonyms and sealed routes on the way in.
#pragma once

#include "bot/delivery.hpp"
#include "bot/environment.hpp"
#include "bot/flag_reason.hpp"
#include "bot/identity.hpp"
#include "bot/message.hpp"
#include "bot/ports.hpp"
#include "bot/texts.hpp"
#include "config/settings.hpp"

#include <optional>
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

// A form the adapter must open for the actor: Slack a modal (views.open with the click's
// trigger_id), Mattermost an interactive dialog. Every word on it is already in the configured
// language. Its submission comes back as on_answer_form() or on_flag(), carrying `value`.
enum class form_kind {
    answer, // one multi-line text field (`field_label`), at most limits.max_chars long
    flag,   // one required menu (`field_label`) of `options`: flag_reason ids and labels
};

struct form_request {
    form_kind kind = form_kind::answer;
    std::string value;        // the post reference: hand it back unchanged on submission
    post_number number = 0;   // the post the form is about
    std::string title;        // "Answer #12": short, Slack's modal titles hold 24 characters
    std::string intro;        // a sentence above the field: how the answer will be signed, …
    std::string field_label;  // "Your answer" / "Reason"
    std::vector<flag_choice> options; // flag forms only
    std::string submit_label; // "Send" / "Flag"
    std::string cancel_label; // "Cancel"
};

// What the adapter must show the actor right away (ephemeral answer, or HTTP response).
struct reply {
    std::vector<message> messages;
    bool duplicate = false;      // the event was seen before; nothing was done
    post_number published = 0;   // the number of the post this call confirmed, if any
    // on_answer_form: the answer was queued for the thread; on_flag: the flag was counted (a
    // first flag by this person). Unset, `messages` says why not, so a form can stay open.
    bool accepted = false;
    // Set only by on_action(action::reply | action::flag) when the actor may go on: open it
    // (`messages` is then empty). Unset, `messages` holds the reason why not (unknown post,
    // locked, hidden, …), to be shown ephemerally like any other answer.
    std::optional<form_request> form;
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
    // A button: confirm/cancel carry a draft id, approve/reject/reply/flag a post number ("12").
    // The channel post's buttons (bot/post_message.hpp) do not act at once: reply (Reply
    // anonymously, `openfloor_reply`) and flag (Flag, `openfloor_flag`) answer with
    // `reply::form` set when the actor may answer or flag that post, or with a refusal in
    // `reply::messages` when not (no such post, not in the channel yet, removed, hidden, locked,
    // or anonymous answers off in its channel and the actor not its author).
    reply on_action(const actor& who, action what, std::string_view value, surface where);
    // A menu in a preview: another channel or category for the draft; answers a new preview.
    reply on_draft_choice(const actor& who, std::string_view draft_id, choice_kind what,
                          std::string_view value);
    // A compose form (Slack's modal) submitted: the form was the preview, so it posts at once.
    reply on_compose(const actor& who, std::string_view channel_key, std::string_view category,
                     std::string_view text);
    // A submitted answer form (form_kind::answer; `post_value` its form_request::value): the
    // same as `reply N text`. The author answers as "— author of #N"; anyone else, where the
    // channel has anonymous_replies, under their made-up name for #N ("Anonymous amber otter",
    // the same for them on every answer to #N, another on other posts), and the author gets it
    // relayed. Answers are always ephemeral: show `messages` (the receipt or the refusal).
    // `event_key`, if the platform gives one, makes a resubmitted form post once; a refused one
    // is not remembered, so it can be sent again once the reason is gone (an unlocked post).
    reply on_answer_form(const actor& who, std::string_view post_value, std::string_view text,
                         std::string_view event_key = {});
    // A submitted flag form (form_kind::flag). Flagging is not anonymous: `flagger_name` is how
    // the moderators' notice names the flagger, shown as the bot's own words (Slack: "<@U…>",
    // Mattermost: "@name"; empty: "someone"). It only ever travels sealed in the outbox, never
    // into a column or a log. One flag per person per post; at moderation.flag_threshold
    // different flaggers (> 0) the post is hidden until `restore N` or `delete N`, and its author
    // is told. Ephemeral: show `messages`.
    reply on_flag(const actor& who, std::string_view post_value, flag_reason reason,
                  std::string_view flagger_name);
    // The reasons a flag form offers, with labels in the configured language. The adapters
    // turn a submitted id back with parse_flag_reason() (bot/flag_reason.hpp).
    std::vector<flag_choice> flag_reasons() const { return flag_choices(texts_); }
    // A reply in an anonymous post's thread: relayed to the author (not for a locked or a
    // hidden post).
    void on_thread_reply(const thread_reply& r);
    // The author answering in the DM thread of a relayed message (`relay_ref` its message ref).
    reply on_relay_answer(const actor& who, std::string_view relay_ref, std::string_view text,
                          std::string_view event_key = {});

    // Slack's app_home_opened on the Home tab: in home mode (privacy.notices "home") the
    // actor's App Home is republished as it is now; otherwise nothing happens.
    void on_home_opened(const actor& who, std::string_view event_key = {});

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

    // `keep_refused` false: a submission the use case did not accept (reply::accepted) is rolled
    // back, its event key with it, so the same form can be sent again once the reason is gone
    // (a form's refusal is an ephemeral answer: nothing of it needs keeping).
    template <class UseCase>
    reply run(const actor* who, surface where, std::string_view event_key, UseCase&& body,
              bool keep_refused = true);

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
