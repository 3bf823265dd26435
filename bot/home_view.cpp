// An author's App Home as it is now: their home document read against the posts' current rows,
// in the configured language. Built when a home_view job is sent, never stored.
#include "bot/use_cases.hpp"

namespace openfloor::bot {
namespace {

text_id state_text(const post_record& post) {
    switch (post.state) {
    case post_state::queued:
        return post.awaiting_review ? text_id::home_state_review : text_id::home_state_queued;
    case post_state::posted:
        if (post.hidden) {
            return text_id::home_state_hidden;
        }
        return post.locked ? text_id::home_state_locked : text_id::home_state_posted;
    case post_state::rejected:
        return text_id::home_state_rejected;
    case post_state::deleted:
        return text_id::home_state_deleted;
    case post_state::failed:
        return text_id::home_state_failed;
    }
    return text_id::home_state_queued; // only an out-of-range cast gets here
}

home_post_view post_view(const config::settings& settings, const texts& say,
                         const post_record& post, const home_entry& entry) {
    const auto* category = settings.find_category(post.category);
    const std::string n = to_text(post.number);
    home_post_view v;
    v.number = post.number;
    v.heading = say.say(text_id::home_post_heading,
                        {{"n", n},
                         {"channel", post.channel_key},
                         {"category", category ? category->label : post.category},
                         {"state", say.say(state_text(post))}});
    v.body = post.text.value_or("");
    v.lines = entry.lines;
    v.no_lines = say.say(text_id::home_no_replies);
    // On every post: for one that takes no answers now, the core says why when it is clicked.
    v.reply = button{action::reply, say.say(text_id::button_reply), n};
    return v;
}

} // namespace

result<home_view> home_view_of(const config::settings& settings, store& db, const identity& id,
                               const texts& say, std::string_view key) {
    OPENFLOOR_TRY(auto doc, load_home(db, id, key));
    home_view view;
    for (const home_entry& entry : doc.posts) {
        OPENFLOOR_TRY(auto post, db.posts().find_by_id(entry.post_id));
        if (post) {
            view.posts.push_back(post_view(settings, say, *post, entry));
        }
    }
    view.intro = say.say(view.posts.empty() ? text_id::home_empty : text_id::home_intro);
    return view;
}

} // namespace openfloor::bot
