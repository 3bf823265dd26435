// delivery: one Web API call per job, its answer mapped by to_delivery().
#include "adapters/slack/delivery.hpp"

#include "adapters/slack/home_render.hpp"
#include "adapters/slack/protocol.hpp"
#include "adapters/slack/render.hpp"

namespace openfloor::slack {

asio::awaitable<std::optional<bot::delivery_result>> delivery::open_dm(bot::delivery_job& job) {
    const bool user_id = !job.channel_id.empty() && (job.channel_id[0] == 'U' || job.channel_id[0] == 'W');
    if (!user_id) {
        co_return std::nullopt; // already a DM channel
    }
    if (auto known = dm_channels_.find(job.channel_id); known != dm_channels_.end()) {
        job.channel_id = known->second;
        co_return std::nullopt;
    }
    const nlohmann::json body{{"users", job.channel_id}};
    auto opened = co_await api_.call(method::conversations_open, body);
    if (!opened.ok() || opened.result.dm_channel_id.empty()) {
        co_return to_delivery(opened); // retried or given up like any other call
    }
    dm_channels_[job.channel_id] = opened.result.dm_channel_id;
    job.channel_id = opened.result.dm_channel_id;
    co_return std::nullopt;
}

asio::awaitable<bot::delivery_result> delivery::perform(bot::delivery_job job) {
    using bot::job_kind;
    if (job.kind == job_kind::direct_message) {
        if (auto failed = co_await open_dm(job)) {
            co_return *failed;
        }
    }
    if (job.webhook_url &&
        (job.kind == job_kind::channel_post || job.kind == job_kind::channel_notice)) {
        co_return to_delivery(co_await api_.post_to_url(*job.webhook_url, webhook_body(job.body)));
    }
    switch (job.kind) {
    case job_kind::channel_post:
    case job_kind::queue_item:
    case job_kind::moderators_notice:
    case job_kind::channel_notice:
    case job_kind::direct_message:
        co_return to_delivery(co_await api_.call(method::chat_post_message,
                                                 post_message_body(job.channel_id, job.body)));
    case job_kind::thread_post:
        co_return to_delivery(
            co_await api_.call(method::chat_post_message,
                               post_message_body(job.channel_id, job.body, job.thread_ref)));
    case job_kind::update_post:
    case job_kind::update_queue_item:
        co_return to_delivery(co_await api_.call(
            method::chat_update, update_message_body(job.channel_id, job.message_ref, job.body)));
    case job_kind::delete_post: {
        // Named first: g++ 12 cannot copy a braced initializer into a coroutine's frame.
        const nlohmann::json body{{"channel", job.channel_id}, {"ts", job.message_ref}};
        auto call = co_await api_.call(method::chat_delete, body);
        if (call.answered && call.result.error == "message_not_found") {
            call.result.ok = true; // someone removed it already: the goal is reached
            call.status = 200;
        }
        co_return to_delivery(call);
    }
    case job_kind::ephemeral:
        co_return to_delivery(co_await api_.call(
            method::chat_post_ephemeral,
            post_ephemeral_body(job.channel_id, job.recipient, job.body)));
    case job_kind::home_view:
        co_return to_delivery(co_await api_.call(method::views_publish,
                                                 views_publish_body(job.channel_id, job.home)));
    }
    bot::delivery_result unknown;
    unknown.outcome = bot::delivery_result::status::give_up;
    unknown.reason = "unknown_job";
    co_return unknown;
}

} // namespace openfloor::slack
