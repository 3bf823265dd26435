// Performs the outbox's jobs on Slack: chat.postMessage / chat.update / chat.delete, or an
// incoming webhook for channels that have one; in home mode chat.postEphemeral and views.publish.
#pragma once

#include "adapters/slack/web_api.hpp"
#include "bot/delivery.hpp"

#include <optional>
#include <string>
#include <unordered_map>

namespace openfloor::slack {

class delivery {
public:
    explicit delivery(web_api& api)
        : api_(api) {}
    asio::awaitable<bot::delivery_result> perform(bot::delivery_job job);

private:
    // A DM to a user id goes to the DM channel conversations.open gives (scope im:write). The
    // mapping lives in memory only, never in the database or the log. `job` belongs to the
    // awaiting perform() frame, which outlives this call.
    asio::awaitable<std::optional<bot::delivery_result>> open_dm(bot::delivery_job& job);

    web_api& api_;
    std::unordered_map<std::string, std::string> dm_channels_;
};

} // namespace openfloor::slack
