// inbound: mapping the page's people and their actions onto the core.
#include "adapters/local/inbound.hpp"

#include "adapters/local/error.hpp"
#include "bot/flag_reason.hpp"
#include "bot/text_rules.hpp"

#include <algorithm>

namespace openfloor::local {
namespace {

bot::actor actor_of(const person& p) {
    bot::actor who;
    who.user.where = demo_platform;
    who.user.workspace = std::string(workspace);
    who.user.user_id = std::string(p.user_id);
    who.route = std::string(p.dm);
    who.channel_id = std::string(p.home);
    return who;
}

} // namespace

inbound::inbound(bot::core& core, transport::group_commit& commits, world& w,
                 std::function<void()> poke_outbox)
    : core_(core)
    , commits_(commits)
    , world_(w)
    , poke_(std::move(poke_outbox)) {}

void inbound::show_privately(const person& p, const bot::reply& r) {
    for (const auto& m : r.messages) {
        world_.add_ephemeral(p.home, p.role, m);
    }
}

asio::awaitable<boost::system::result<void>> inbound::on_message(const person& p, std::string text,
                                                                 std::string thread) {
    if (bot::is_blank(text)) {
        co_return error::empty_text;
    }
    std::string root;
    if (!thread.empty()) {
        const auto* parent = world_.find(thread);
        if (parent == nullptr || parent->conversation != p.home) {
            co_return error::unknown_message;
        }
        root = parent->thread.empty() ? parent->ref : parent->thread;
    }
    const std::string ref = world_.add_person_message(p.home, p.role, text, root);
    const std::string event_key = "demo:" + ref;
    if (p.home == p.dm) {
        const auto who = actor_of(p);
        bot::reply r = root.empty()
                           ? core_.on_text(who, text, bot::surface::direct_message, event_key)
                           : core_.on_relay_answer(who, root, text, event_key);
        poke_();
        r = co_await commits_.settle(std::move(r), core_);
        // A DM's answers travel through the outbox; only an apology comes back here.
        for (const auto& m : r.messages) {
            world_.add_bot_message(p.dm, m, "");
        }
    } else if (!root.empty() && p.home == team_channel) {
        bot::thread_reply reply;
        reply.where = demo_platform;
        reply.channel_id = std::string(team_channel);
        reply.thread_ref = root;
        reply.replier_name = std::string(p.name); // repliers are not anonymous
        reply.text = std::move(text);
        reply.event_key = event_key;
        core_.on_thread_reply(reply);
        poke_();
    }
    co_return boost::system::result<void>{};
}

asio::awaitable<boost::system::result<void>> inbound::on_click(const person& p, std::string ref,
                                                               std::string action_id) {
    const auto* m = world_.find(ref);
    const bool visible =
        m != nullptr && m->conversation == p.home && (m->only_for.empty() || m->only_for == p.role);
    if (!visible || !m->bot) {
        co_return error::unknown_message;
    }
    bot::action what{};
    if (!bot::parse_action_id(action_id, what)) {
        co_return error::unknown_action;
    }
    const auto& buttons = m->bot->buttons;
    const auto button = std::find_if(buttons.begin(), buttons.end(),
                                     [&](const bot::button& b) { return b.action == what; });
    if (button == buttons.end()) {
        co_return error::unknown_action;
    }
    const std::string value = button->value; // `m` may move once the world changes
    bot::reply r = core_.on_action(actor_of(p), what, value, bot::surface::ephemeral);
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    if (what == bot::action::confirm || what == bot::action::cancel) {
        world_.settle(ref); // a preview is decided once; a queue item is updated by the outbox
    }
    if (r.form) {
        world_.open_form(p.role, std::move(*r.form));
    }
    show_privately(p, r);
    co_return boost::system::result<void>{};
}

asio::awaitable<boost::system::result<void>> inbound::on_form(const person& p, std::string text,
                                                              std::string reason, bool cancel) {
    const auto* open = world_.form_of(p.role);
    if (open == nullptr) {
        co_return error::no_open_form;
    }
    const bot::form_request form = *open; // the world changes below
    if (cancel) {
        world_.close_form(p.role);
        co_return boost::system::result<void>{};
    }
    bot::reply r;
    if (form.kind == bot::form_kind::answer) {
        r = core_.on_answer_form(actor_of(p), form.value, text);
    } else {
        bot::flag_reason why{};
        if (!bot::parse_flag_reason(reason, why)) {
            co_return error::unknown_reason; // the form stays open for another pick
        }
        r = core_.on_flag(actor_of(p), form.value, why, p.name); // flagging is not anonymous
    }
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    world_.close_form(p.role);
    show_privately(p, r);
    co_return boost::system::result<void>{};
}

asio::awaitable<void> inbound::on_command(const person& p, std::string text) {
    const std::string line = bot::is_blank(text) ? std::string("help") : text;
    bot::reply r = core_.on_text(actor_of(p), line, bot::surface::ephemeral);
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    show_privately(p, r);
}

} // namespace openfloor::local
