// Performs the outbox's jobs on Slack: chat.postMessage / chat.update / chat.delete, or an
// incoming webhook for channels that have one.
#pragma once

#include "adapters/slack/web_api.hpp"
#include "bot/delivery.hpp"

namespace openfloor::slack {

class delivery {
public:
    explicit delivery(web_api& api)
        : api_(api) {}
    asio::awaitable<bot::delivery_result> perform(bot::delivery_job job);

private:
    web_api& api_;
};

} // namespace openfloor::slack
