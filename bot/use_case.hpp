// The working state of one call into the core: who acts, where answers go, the services it
// may use, and the helpers every use case shares (answering, outbox, audit, checks).
#pragma once

#include "bot/core.hpp"
#include "bot/try.hpp"

#include <optional>
#include <string>

namespace openfloor::bot {

class use_case {
public:
    use_case(const config::settings& settings, store& db, const identity& id,
             const clock& clock, random_source& random, const texts& texts, const actor* who,
             surface where);

    const config::settings& settings;
    store& db;
    const identity& id;
    const texts& say;
    random_source& random;
    const time_point now;

    // The actor; only for calls that have one (not for thread relays or deliveries).
    const actor& who() const { return *who_; }
    const pseudonym& me();
    bool is_moderator() const;
    // Posts are numbered per configured platform: one Slack workspace, one Mattermost server.
    std::string workspace() const;

    // privacy.notices "home" on Slack (product.md §5): nothing reaches an author as a DM.
    bool home_inbox(platform where) const;

    // The immediate answer to the actor: into the reply (ephemeral) or the outbox (DM; in home
    // mode an ephemeral message in that DM, seen by the actor alone and kept in no export).
    result<void> answer(message m);
    result<void> answer(std::string text);
    // A DM to whoever a sealed route leads to (the author of a post).
    // `post_id` ties a relay to its post, so the author can answer in the DM's thread.
    result<void> send_private(platform where, const bytes& sealed_route, message m,
                              std::optional<std::int64_t> post_id = std::nullopt);
    // A job for a post's channel, the moderators channel or a thread, due after `delay`.
    result<void> enqueue(platform where, job_kind kind, std::optional<std::int64_t> post_id,
                         std::string channel_id, const message& m,
                         std::chrono::seconds delay = std::chrono::seconds{0});
    result<void> notify_moderators(platform where, std::string text);
    // A notice to the author of `post`, through the route sealed with it (if still kept: past
    // retention the way back is gone, by design, and nothing is sent). In home mode it becomes
    // a line on the author's App Home instead of a DM.
    result<void> tell_author(const post_record& post, std::string text);
    // `actor`: a moderator's pseudonym (moderator_tag()), "author" or "system".
    result<void> audit(std::string actor, std::string action, const post_record& post,
                       std::string detail = {});
    // A moderator's own keyed hash, unlinkable to the author pseudonyms in the same file: a
    // moderator who also posts anonymously is not unmasked by their audit rows.
    std::string moderator_tag() {
        return "moderator:" + id.keyed_hash("moderator", me().hex()).substr(0, 16);
    }

    // The post `n` of the actor's workspace, or an answer saying there is none.
    result<std::optional<post_record>> find_post(post_number n);
    // The same for a button's or a form's value ("12"); a value that is no number is answered too.
    result<std::optional<post_record>> find_post(std::string_view value);
    // Whether `candidate` wrote `post` (its sealed author opened and compared in constant time).
    bool wrote(const post_record& post, const pseudonym& candidate) const;
    std::optional<pseudonym> author_of(const post_record& post) const;

    // The random posting delay of posting.delay_seconds.
    std::chrono::seconds posting_delay();

    reply& collected() { return reply_; }

private:
    const actor* who_;
    surface where_;
    std::optional<pseudonym> me_;
    reply reply_;
};

std::string to_text(post_number n);
std::string format_time(time_point t);

} // namespace openfloor::bot
