// What the outbox hands a platform adapter to do, and what the adapter reports back.
#pragma once

#include "bot/home.hpp"
#include "bot/message.hpp"
#include "bot/records.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <variant>

namespace openfloor::bot {

struct delivery_job {
    std::int64_t id = 0; // the outbox row
    platform where = platform::slack;
    job_kind kind = job_kind::direct_message;
    std::string channel_id;  // the channel to post in; for direct messages the private route;
                             // for home_view the author's user id
    std::string recipient;   // ephemeral: the one person who sees it (a user id)
    std::string thread_ref;  // thread_post: the anonymous post's message ref
    std::string message_ref; // update/delete: the message to change
    std::optional<std::string> webhook_url; // the channel posts through an incoming webhook
    message body;
    home_view home; // home_view: the author's App Home as it is now
    int attempt = 1; // 1 for the first try
    std::optional<std::int64_t> post_id; // the post this job is about, if any
    // false: its outbox row waits for the next group commit, and must not be sent before it.
    bool committed = true;
};

struct delivery_result {
    enum class status {
        delivered,    // done; `message_ref` names the new message (if it made one)
        retry,        // a transient failure (5xx, timeout, reset): try again with backoff
        rate_limited, // 429: try again after `retry_after`; does not use up an attempt
        give_up,      // a permanent refusal (channel_not_found, invalid_auth, …)
    };
    status outcome = status::delivered;
    std::string message_ref;
    std::optional<std::chrono::milliseconds> retry_after;
    std::string reason; // a short code for logs and moderators: "http_503", "channel_not_found"
    std::string channel; // where it landed, when the platform says (a DM sent to a user id)
};

// next_delivery() gives either a job or the time to look again (nullopt: nothing is waiting).
struct idle {
    std::optional<time_point> wake_at;
};
using delivery_step = std::variant<delivery_job, idle>;

} // namespace openfloor::bot
