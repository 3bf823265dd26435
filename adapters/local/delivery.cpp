// delivery: one world change per job; a missing conversation or message is refused for good,
// as a real platform's channel_not_found would be.
#include "adapters/local/delivery.hpp"

namespace openfloor::local {
namespace {

using status = bot::delivery_result::status;

bot::delivery_result landed(std::string ref, std::string conversation) {
    bot::delivery_result r;
    r.outcome = status::delivered;
    r.message_ref = std::move(ref);
    r.channel = std::move(conversation);
    return r;
}

bot::delivery_result refused(std::string reason) {
    bot::delivery_result r;
    r.outcome = status::give_up;
    r.reason = std::move(reason);
    return r;
}

} // namespace

asio::awaitable<bot::delivery_result> delivery::perform(bot::delivery_job job) {
    co_return perform_now(job);
}

bot::delivery_result delivery::perform_now(const bot::delivery_job& job) {
    using bot::job_kind;
    if (!world_.has_conversation(job.channel_id)) {
        return refused("channel_not_found");
    }
    switch (job.kind) {
    case job_kind::channel_post:
    case job_kind::queue_item:
    case job_kind::moderators_notice:
    case job_kind::channel_notice:
    case job_kind::direct_message:
        return landed(world_.add_bot_message(job.channel_id, job.body, ""), job.channel_id);
    case job_kind::thread_post: {
        const auto* root = world_.find(job.thread_ref);
        if (root == nullptr || root->conversation != job.channel_id) {
            return refused("thread_not_found");
        }
        return landed(world_.add_bot_message(job.channel_id, job.body, job.thread_ref),
                      job.channel_id);
    }
    case job_kind::update_post:
    case job_kind::update_queue_item:
        if (!world_.replace(job.channel_id, job.message_ref, job.body)) {
            return refused("message_not_found");
        }
        return landed(job.message_ref, job.channel_id);
    case job_kind::delete_post:
        world_.remove(job.channel_id, job.message_ref); // already gone: the goal is reached
        return landed(job.message_ref, job.channel_id);
    case job_kind::ephemeral:
    case job_kind::home_view:
        break; // Slack's private inbox only: the demo runs as Mattermost
    }
    return refused("unknown_job");
}

} // namespace openfloor::local
