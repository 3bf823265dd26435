// delivery: one REST call per job (two for the first DM to a user), answers mapped by
// to_delivery().
#include "adapters/mattermost/delivery.hpp"

#include "adapters/mattermost/protocol.hpp"

namespace openfloor::mattermost {

delivery::delivery(rest_api& api, const render_context& ctx, const std::string& self_id)
    : api_(api)
    , ctx_(ctx)
    , self_id_(self_id) {}

asio::awaitable<std::variant<std::string, bot::delivery_result>> delivery::direct_channel(
    const std::string& route) {
    if (route.empty() || route.front() != user_route_prefix) {
        co_return route; // already a channel id
    }
    const std::string user = route.substr(1);
    if (auto known = dm_channels_.find(user); known != dm_channels_.end()) {
        co_return known->second;
    }
    // §B2: exactly the two members, the caller included.
    const nlohmann::json members = nlohmann::json::array({self_id_, user});
    auto opened = co_await api_.post(std::string(rest::channels_direct), members);
    if (!opened.ok()) {
        co_return to_delivery(opened);
    }
    auto dm = decode_channel(opened.body);
    if (!dm || dm->id.empty()) {
        bot::delivery_result bad;
        bad.outcome = bot::delivery_result::status::retry;
        bad.reason = "bad_direct_channel";
        co_return bad;
    }
    dm_channels_[user] = dm->id;
    co_return dm->id;
}

asio::awaitable<bot::delivery_result> delivery::perform(bot::delivery_job job) {
    using bot::job_kind;
    if (auto hold = api_.held_for()) {
        // The server said the budget is spent: a send now would only earn a 429.
        bot::delivery_result wait;
        wait.outcome = bot::delivery_result::status::rate_limited;
        wait.retry_after = *hold;
        wait.reason = "ratelimit_remaining_0";
        co_return wait;
    }
    if (job.kind == job_kind::direct_message) {
        auto channel = co_await direct_channel(job.channel_id);
        if (auto* failed = std::get_if<bot::delivery_result>(&channel)) {
            co_return *failed;
        }
        job.channel_id = std::get<std::string>(channel);
    }
    if (job.webhook_url &&
        (job.kind == job_kind::channel_post || job.kind == job_kind::channel_notice)) {
        co_return to_delivery(
            co_await api_.post_to_url(*job.webhook_url, webhook_body(job.body, ctx_)));
    }
    switch (job.kind) {
    case job_kind::channel_post:
    case job_kind::queue_item:
    case job_kind::moderators_notice:
    case job_kind::channel_notice:
    case job_kind::direct_message: {
        auto result = to_delivery(co_await api_.post(std::string(rest::posts),
                                                     post_body(job.channel_id, job.body, ctx_)));
        if (result.channel.empty()) {
            result.channel = job.channel_id;
        }
        co_return result;
    }
    case job_kind::thread_post:
        co_return to_delivery(co_await api_.post(
            std::string(rest::posts), post_body(job.channel_id, job.body, ctx_, job.thread_ref)));
    case job_kind::update_post:
    case job_kind::update_queue_item:
        co_return to_delivery(co_await api_.put(std::string(rest::posts) + "/" + job.message_ref +
                                                    "/patch",
                                                patch_body(job.channel_id, job.body, ctx_)));
    case job_kind::delete_post: {
        auto call = co_await api_.del(std::string(rest::posts) + "/" + job.message_ref);
        if (call.answered && call.status == 404) {
            call.status = 200; // someone removed it already: the goal is reached
        }
        co_return to_delivery(call);
    }
    case job_kind::ephemeral:
    case job_kind::home_view:
        break; // Slack's private inbox only: the core never queues these for Mattermost
    }
    bot::delivery_result unknown;
    unknown.outcome = bot::delivery_result::status::give_up;
    unknown.reason = "unknown_job";
    co_return unknown;
}

} // namespace openfloor::mattermost
