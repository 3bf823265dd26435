// What the people on the demo page do, turned into calls on the core, the way the Mattermost
// adapter turns posts, slash commands and clicks into them: a DM is a line to the bot, a reply
// under an anonymous post is a thread reply, a click is an action. Pokes the outbox after each.
#pragma once

#include "adapters/local/protocol.hpp"
#include "adapters/local/world.hpp"
#include "adapters/transport/group_commit.hpp"
#include "bot/core.hpp"

#include <boost/system/result.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace openfloor::local {

namespace asio = transport::asio;

class inbound {
public:
    // Every answer waits for `commits`: nothing shows before the writes behind it are durable.
    inbound(bot::core& core, transport::group_commit& commits, world& w,
            std::function<void()> poke_outbox);

    // `p` writes in their own conversation, as a new message or in the thread of `thread`.
    asio::awaitable<boost::system::result<void>> on_message(const person& p, std::string text,
                                                            std::string thread);
    // `p` clicks the button for `action_id` on message `ref`, where they can see it.
    asio::awaitable<boost::system::result<void>> on_click(const person& p, std::string ref,
                                                          std::string action_id);
    // `p` types /openfloor `text` in their own conversation; answers only they can see.
    asio::awaitable<void> on_command(const person& p, std::string text);
    // `p` submits the form a button opened for them (an answer's text, or a flag's reason id),
    // or cancels it.
    asio::awaitable<boost::system::result<void>> on_form(const person& p, std::string text,
                                                         std::string reason, bool cancel);

private:
    void show_privately(const person& p, const bot::reply& r);

    bot::core& core_;
    transport::group_commit& commits_;
    world& world_;
    std::function<void()> poke_;
};

} // namespace openfloor::local
