// world: the demo platform's conversations and messages, in memory.
#include "adapters/local/world.hpp"

#include "adapters/local/protocol.hpp"

#include <algorithm>

namespace openfloor::local {

world::world() {
    conversations_ = {std::string(team_channel), std::string(moderators_channel)};
    for (const auto& p : cast) {
        conversations_.emplace_back(p.dm);
    }
}

bool world::has_conversation(std::string_view id) const {
    return std::find(conversations_.begin(), conversations_.end(), id) != conversations_.end();
}

std::string world::add(demo_message m) {
    m.ref = "m" + std::to_string(next_ref_++);
    messages_.push_back(std::move(m));
    changed();
    return messages_.back().ref;
}

std::string world::add_person_message(std::string_view conversation, std::string_view role,
                                      std::string text, std::string_view thread) {
    demo_message m;
    m.conversation = std::string(conversation);
    m.thread = std::string(thread);
    m.author = std::string(role);
    m.text = std::move(text);
    return add(std::move(m));
}

std::string world::add_bot_message(std::string_view conversation, bot::message body,
                                   std::string_view thread) {
    demo_message m;
    m.conversation = std::string(conversation);
    m.thread = std::string(thread);
    m.bot = std::move(body);
    return add(std::move(m));
}

std::string world::add_ephemeral(std::string_view conversation, std::string_view role,
                                 bot::message body) {
    demo_message m;
    m.conversation = std::string(conversation);
    m.bot = std::move(body);
    m.only_for = std::string(role);
    return add(std::move(m));
}

demo_message* world::find_in(std::string_view conversation, std::string_view ref) {
    auto it = std::find_if(messages_.begin(), messages_.end(), [&](const demo_message& m) {
        return m.ref == ref && m.conversation == conversation;
    });
    return it == messages_.end() ? nullptr : &*it;
}

const demo_message* world::find(std::string_view ref) const {
    auto it = std::find_if(messages_.begin(), messages_.end(),
                           [&](const demo_message& m) { return m.ref == ref; });
    return it == messages_.end() ? nullptr : &*it;
}

bool world::replace(std::string_view conversation, std::string_view ref, bot::message body) {
    auto* m = find_in(conversation, ref);
    if (m == nullptr || !m->bot) {
        return false;
    }
    m->bot = std::move(body);
    changed();
    return true;
}

bool world::remove(std::string_view conversation, std::string_view ref) {
    const auto before = messages_.size();
    // A root takes its thread with it, as a deleted Slack or Mattermost post does.
    std::erase_if(messages_, [&](const demo_message& m) {
        return m.conversation == conversation && (m.ref == ref || m.thread == ref);
    });
    changed();
    return messages_.size() != before;
}

void world::open_form(std::string_view role, bot::form_request form) {
    close_form(role);
    forms_.emplace_back(std::string(role), std::move(form));
    changed();
}

void world::close_form(std::string_view role) {
    if (std::erase_if(forms_, [&](const auto& f) { return f.first == role; }) > 0) {
        changed();
    }
}

const bot::form_request* world::form_of(std::string_view role) const {
    auto it =
        std::find_if(forms_.begin(), forms_.end(), [&](const auto& f) { return f.first == role; });
    return it == forms_.end() ? nullptr : &it->second;
}

void world::settle(std::string_view ref) {
    auto it = std::find_if(messages_.begin(), messages_.end(),
                           [&](const demo_message& m) { return m.ref == ref; });
    if (it != messages_.end() && it->bot) {
        it->bot->buttons.clear();
        changed();
    }
}

} // namespace openfloor::local
