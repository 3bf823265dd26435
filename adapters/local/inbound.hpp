// What the people on the demo page do, turned into calls on the core, the way the Mattermost
// adapter turns posts, slash commands and clicks into them: a DM is a line to the bot, a reply
// under an anonymous post is a thread reply, a click is an action. Pokes the outbox after each.
#pragma once

#include "adapters/local/protocol.hpp"
#include "adapters/local/world.hpp"
#include "bot/core.hpp"

#include <boost/system/result.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace openfloor::local {

class inbound {
public:
    inbound(bot::core& core, world& w, std::function<void()> poke_outbox);

    // `p` writes in their own conversation, as a new message or in the thread of `thread`.
    boost::system::result<void> on_message(const person& p, std::string text,
                                           std::string_view thread);
    // `p` clicks the button for `action_id` on message `ref`, where they can see it.
    boost::system::result<void> on_click(const person& p, std::string_view ref,
                                         std::string_view action_id);
    // `p` types /openfloor `text` in their own conversation; answers only they can see.
    void on_command(const person& p, std::string_view text);

private:
    void show_privately(const person& p, const bot::reply& r);

    bot::core& core_;
    world& world_;
    std::function<void()> poke_;
};

} // namespace openfloor::local
