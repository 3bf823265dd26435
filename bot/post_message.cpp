// Rendering of the channel post and its hidden stand-in, as semantic messages.
#include "bot/post_message.hpp"

#include <string>

namespace openfloor::bot {

message channel_post_of(const config::settings& s, const texts& t, const post_record& post) {
    message m;
    m.kind = message_kind::channel_post;
    m.number = post.number;
    const auto* cat = s.find_category(post.category);
    m.category_label = cat ? cat->label : post.category;
    m.body = post.text.value_or("");
    const auto* channel = s.find_channel(post.channel_key);
    if (channel && !channel->webhook_url) {
        const std::string ref = std::to_string(post.number);
        if (channel->anonymous_replies) {
            m.buttons.push_back({action::reply, t.say(text_id::button_reply_anonymously), ref});
        }
        m.buttons.push_back({action::flag, t.say(text_id::button_flag), ref});
    }
    return m;
}

message hidden_post_of(const texts& t, const post_record& post) {
    message m;
    m.kind = message_kind::notice;
    m.number = post.number;
    m.text = t.say(text_id::hidden_notice, {{"n", std::to_string(post.number)}});
    return m;
}

} // namespace openfloor::bot
