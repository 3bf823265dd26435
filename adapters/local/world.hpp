// The demo "platform", kept in memory: a direct conversation per person, the team channel and
// the moderators channel, each a list of messages with threads. It stands where Slack's or
// Mattermost's servers stand for the other adapters, so it holds user ids freely: it is the
// platform, not openfloor's database.
#pragma once

#include "bot/core.hpp"
#include "bot/message.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::local {

struct demo_message {
    std::string ref;                 // the platform's message id: "m1", "m2", …
    std::string conversation;        // a channel or a direct conversation
    std::string thread;              // the root message's ref; empty for a root
    std::string author;              // the writer's role; empty when the bot wrote it
    std::string text;                // a person's words
    std::optional<bot::message> bot; // what the bot posted; the page renders it
    std::string only_for;            // an ephemeral answer: the one role that sees it
};

class world {
public:
    world();

    bool has_conversation(std::string_view id) const;
    // Each returns the new message's ref.
    std::string add_person_message(std::string_view conversation, std::string_view role,
                                   std::string text, std::string_view thread);
    std::string add_bot_message(std::string_view conversation, bot::message m,
                                std::string_view thread);
    std::string add_ephemeral(std::string_view conversation, std::string_view role, bot::message m);
    // false: no such message in that conversation.
    bool replace(std::string_view conversation, std::string_view ref, bot::message m);
    bool remove(std::string_view conversation, std::string_view ref);
    // A clicked preview keeps its words and loses its buttons: it cannot be clicked twice.
    void settle(std::string_view ref);

    // The form a button opened for `role` (a platform's modal or dialog): one at a time, the
    // newest replacing an older one, gone once submitted or cancelled.
    void open_form(std::string_view role, bot::form_request form);
    void close_form(std::string_view role);
    const bot::form_request* form_of(std::string_view role) const;

    // nullptr when unknown. Valid until the next change.
    const demo_message* find(std::string_view ref) const;
    const std::vector<demo_message>& messages() const { return messages_; }
    // Grows with every change, so the page redraws only when something happened.
    std::uint64_t version() const { return version_; }
    void changed() { ++version_; }

private:
    demo_message* find_in(std::string_view conversation, std::string_view ref);
    std::string add(demo_message m);

    std::vector<std::string> conversations_;
    std::vector<demo_message> messages_;
    std::vector<std::pair<std::string, bot::form_request>> forms_; // role, its open form
    std::uint64_t next_ref_ = 1;
    std::uint64_t version_ = 1;
};

} // namespace openfloor::local
