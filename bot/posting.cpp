// Posting (product.md §2): validate what someone wrote, preview it as a draft, and on confirm
// number it and hand it to the outbox (or to the moderators' queue) in one transaction.
#include "bot/log.hpp"
#include "bot/post_message.hpp"
#include "bot/text_rules.hpp"
#include "bot/use_cases.hpp"

#include <algorithm>

namespace openfloor::bot {
namespace {

std::string join_keys(const config::settings& s, platform where) {
    std::string out;
    for (const auto& c : s.channels) {
        if (c.platform == where) {
            out += (out.empty() ? "#" : ", #") + c.key;
        }
    }
    return out;
}

std::string join_categories(const config::settings& s, const config::channel_settings& ch) {
    std::string out;
    for (const auto& name : ch.categories) {
        const auto* cat = s.find_category(name);
        const std::string word = cat && !cat->keywords.empty() ? cat->keywords.front() : name;
        out += (out.empty() ? "" : ", ") + word + ":";
    }
    return out;
}

// A keyword of one of the channel's categories, matched case-insensitively (the grammar
// lower-cased the word already).
const config::category_settings* category_by_keyword(const config::settings& s,
                                                     const config::channel_settings& ch,
                                                     std::string_view word) {
    for (const auto& name : ch.categories) {
        const auto* cat = s.find_category(name);
        if (!cat) {
            continue;
        }
        for (const auto& kw : cat->keywords) {
            if (lower_ascii(kw) == word) {
                return cat;
            }
        }
    }
    return nullptr;
}

// Whether any configured category, on any channel, has this keyword.
bool is_any_keyword(const config::settings& s, std::string_view word) {
    for (const auto& ch : s.channels) {
        if (category_by_keyword(s, ch, word)) {
            return true;
        }
    }
    return false;
}

struct checked_post {
    const config::channel_settings* channel = nullptr;
    const config::category_settings* category = nullptr;
    std::string text;
    bool needs_review = false;
};

// Every refusal of product.md §2.1, each with its own answer. nullopt: refused and answered.
result<std::optional<checked_post>> check_post(use_case& w, const post_command& cmd) {
    const auto where = w.who().user.where;
    checked_post out;
    if (cmd.channel_key) {
        out.channel = w.settings.find_channel(*cmd.channel_key);
        if (out.channel && out.channel->platform != where) {
            out.channel = nullptr;
        }
        if (!out.channel) {
            OPENFLOOR_CHECK(w.answer(w.say.say(
                text_id::unknown_channel,
                {{"key", *cmd.channel_key}, {"channels", join_keys(w.settings, where)}})));
            return std::nullopt;
        }
    } else {
        out.channel = w.settings.default_channel(where);
        if (!out.channel) {
            OPENFLOOR_CHECK(w.answer(w.say.say(text_id::no_channel)));
            return std::nullopt;
        }
    }
    out.text = cmd.text;
    if (cmd.category_word) {
        out.category = category_by_keyword(w.settings, *out.channel, *cmd.category_word);
        if (!out.category && is_any_keyword(w.settings, *cmd.category_word)) {
            OPENFLOOR_CHECK(w.answer(w.say.say(
                text_id::unknown_category,
                {{"channel", out.channel->key},
                 {"categories", join_categories(w.settings, *out.channel)}})));
            return std::nullopt;
        }
        if (!out.category) {
            out.text = cmd.text_with_word; // "Note: …" is text, not a category
        }
    }
    if (!out.category) {
        out.category = w.settings.find_category(out.channel->categories.front());
    }
    if (is_blank(out.text)) {
        OPENFLOOR_CHECK(w.answer(w.say.say(text_id::empty_text, {{"channel", out.channel->key}})));
        return std::nullopt;
    }
    const auto length = code_points(out.text);
    if (length > static_cast<std::size_t>(w.settings.limits.max_chars)) {
        OPENFLOOR_CHECK(w.answer(w.say.say(
            text_id::too_long, {{"count", std::to_string(length)},
                                {"max", std::to_string(w.settings.limits.max_chars)}})));
        return std::nullopt;
    }
    if (auto word = find_blocked_word(out.text, w.settings.moderation.blocked_words)) {
        const bool can_queue =
            w.settings.moderation.on_blocked_word == config::blocked_words_action::queue &&
            w.settings.moderation.channel_for(where).has_value();
        if (!can_queue) {
            log::info("draft.refused", {{"reason", "blocked_word"}});
            OPENFLOOR_CHECK(w.answer(w.say.say(text_id::blocked_word, {{"word", *word}})));
            return std::nullopt;
        }
        out.needs_review = true;
    }
    return out;
}

// Bans and the hourly limit: checked when the draft is made and again on confirm.
result<bool> may_post(use_case& w) {
    OPENFLOOR_TRY(auto ban, w.db.authors().active_ban(w.me(), w.now));
    if (ban) {
        log::info("draft.refused", {{"reason", "banned"}, {"author", w.me().short_prefix()}});
        OPENFLOOR_CHECK(w.answer(ban->until ? w.say.say(text_id::banned_until,
                                                         {{"until", format_time(*ban->until)}})
                                             : w.say.say(text_id::banned_forever)));
        return false;
    }
    OPENFLOOR_TRY(auto count, w.db.rates().count_since(w.me(), w.now - std::chrono::hours(1)));
    if (count >= w.settings.limits.posts_per_hour) {
        log::info("draft.refused", {{"reason", "rate_limit"}, {"author", w.me().short_prefix()}});
        OPENFLOOR_CHECK(w.answer(w.say.say(
            text_id::rate_limited, {{"limit", std::to_string(w.settings.limits.posts_per_hour)}})));
        return false;
    }
    return true;
}

// The preview's menus: every channel of the author's platform, and the channel's categories.
std::vector<choice> choices_of(use_case& w, const checked_post& p, const std::string& draft_id) {
    choice channels{
        choice_kind::channel, draft_id, {}, p.channel->key, w.say.say(text_id::field_channel)};
    for (const auto& c : w.settings.channels) {
        if (c.platform == p.channel->platform) {
            channels.options.emplace_back(c.key, "#" + c.key);
        }
    }
    choice categories{
        choice_kind::category, draft_id, {}, p.category->name, w.say.say(text_id::field_category)};
    for (const auto& name : p.channel->categories) {
        if (const auto* cat = w.settings.find_category(name)) {
            categories.options.emplace_back(cat->name, cat->label);
        }
    }
    return {channels, categories};
}

message preview_of(use_case& w, const checked_post& p, const std::string& draft_id) {
    message m;
    m.kind = message_kind::preview;
    const bool review = p.needs_review || p.channel->moderation == config::moderation_mode::pre;
    m.text = w.say.say(review ? text_id::preview_review : text_id::preview,
                       {{"channel", p.channel->key}, {"category", p.category->label}});
    m.body = p.text;
    m.category_label = p.category->label;
    m.buttons = {{action::confirm, w.say.say(text_id::button_post), draft_id},
                 {action::cancel, w.say.say(text_id::button_cancel), draft_id}};
    m.choices = choices_of(w, p, draft_id);
    return m;
}

message queue_item_of(use_case& w, const post_record& post, const config::category_settings& cat) {
    message m;
    m.kind = message_kind::queue_item;
    m.number = post.number;
    m.text = w.say.say(text_id::queue_heading, {{"n", to_text(post.number)},
                                                {"channel", post.channel_key},
                                                {"category", cat.label}});
    m.body = post.text.value_or("");
    m.category_label = cat.label;
    const std::string ref = to_text(post.number);
    m.buttons = {{action::approve, w.say.say(text_id::button_approve), ref},
                 {action::reject, w.say.say(text_id::button_reject), ref}};
    return m;
}

// Numbers the post and hands it on, all in the caller's transaction.
result<void> publish(use_case& w, const checked_post& p, const bytes& sealed_route) {
    const auto where = w.who().user.where;
    OPENFLOOR_TRY(auto number, w.db.posts().next_number(w.workspace()));
    post_record post;
    post.where = where;
    post.workspace = w.workspace();
    post.number = number;
    post.channel_key = p.channel->key;
    post.channel_id = p.channel->channel_id;
    post.category = p.category->name;
    post.text = p.text;
    post.state = post_state::queued;
    post.awaiting_review = p.needs_review || p.channel->moderation == config::moderation_mode::pre;
    post.author_seal = w.id.seal(w.me().hex(), seal_purpose::author);
    post.created_at = w.now;
    OPENFLOOR_TRY(post.id, w.db.posts().insert(post));
    // The day only: an exact first_seen would point at this post's created_at.
    OPENFLOOR_CHECK(w.db.authors().touch(
        w.me(), std::chrono::time_point_cast<clock_type::duration>(
                    std::chrono::floor<std::chrono::days>(w.now))));
    OPENFLOOR_CHECK(w.db.rates().record(w.me(), w.now));
    if (!sealed_route.empty()) {
        OPENFLOOR_CHECK(w.db.routes().save(post.id, sealed_route, w.now));
        if (w.home_inbox(where)) {
            OPENFLOOR_CHECK(track_on_home(w, post, sealed_route));
        }
    }
    const std::string n = to_text(number);
    if (post.awaiting_review) {
        const auto& queue = w.settings.moderation.channel_for(where);
        OPENFLOOR_CHECK(w.enqueue(where, job_kind::queue_item, post.id, queue.value_or(""),
                                  queue_item_of(w, post, *p.category)));
        OPENFLOOR_CHECK(w.answer(w.say.say(text_id::queued_for_review, {{"n", n}})));
    } else {
        OPENFLOOR_CHECK(w.enqueue(where, job_kind::channel_post, post.id, post.channel_id,
                                  channel_post_of(w.settings, w.say, post), w.posting_delay()));
        OPENFLOOR_CHECK(w.answer(w.say.say(w.home_inbox(where) ? text_id::posted_home : text_id::posted,
                                           {{"n", n}, {"channel", post.channel_key}})));
    }
    w.collected().published = number;
    log::info("post.confirmed", {{"platform", w.workspace()},
                                 {"channel", post.channel_key},
                                 {"post", number},
                                 {"review", post.awaiting_review}});
    return {};
}

// The way back to the author, sealed. In home mode it is their user id, whichever way they
// wrote (views.publish needs it); otherwise their DM channel, or their user id.
bytes route_of(use_case& w) {
    if (w.home_inbox(w.who().user.where)) {
        return w.id.seal(w.who().user.user_id, seal_purpose::route);
    }
    return w.who().route.empty() ? bytes{} : w.id.seal(w.who().route, seal_purpose::route);
}

// The post, checked and allowed; nullopt when it was refused (and the refusal answered).
result<std::optional<checked_post>> accept_post(use_case& w, const post_command& cmd) {
    OPENFLOOR_TRY(auto checked, check_post(w, cmd));
    if (!checked) {
        return std::nullopt;
    }
    OPENFLOOR_TRY(bool allowed, may_post(w));
    if (!allowed) {
        return std::nullopt;
    }
    return checked;
}

} // namespace

result<void> start_post(use_case& w, const post_command& cmd) {
    OPENFLOOR_TRY(auto checked, accept_post(w, cmd));
    if (!checked) {
        return {};
    }
    if (!checked->channel->confirm) {
        return publish(w, *checked, route_of(w));
    }
    draft_record d;
    d.id = identity::random_id();
    d.where = w.who().user.where;
    d.workspace = w.workspace();
    d.author = w.me();
    d.sealed_route = route_of(w);
    d.channel_key = checked->channel->key;
    d.category = checked->category->name;
    d.sealed_text = w.id.seal(checked->text, seal_purpose::draft_text);
    d.needs_review = checked->needs_review;
    d.created_at = w.now;
    d.expires_at = w.now + w.settings.draft_ttl;
    OPENFLOOR_CHECK(w.db.drafts().save(d));
    log::debug("draft.created", {{"channel", d.channel_key}});
    return w.answer(preview_of(w, *checked, d.id));
}

result<void> compose_post(use_case& w, std::string_view channel_key, std::string_view category,
                          std::string_view text) {
    post_command cmd;
    cmd.channel_key = std::string(channel_key);
    cmd.text = std::string(text);
    cmd.text_with_word = cmd.text;
    if (const auto* cat = w.settings.find_category(category); cat && !cat->keywords.empty()) {
        cmd.category_word = lower_ascii(cat->keywords.front());
    }
    OPENFLOOR_TRY(auto checked, accept_post(w, cmd));
    if (!checked) {
        return {};
    }
    return publish(w, *checked, route_of(w));
}

result<void> confirm_draft(use_case& w, std::string_view draft_id) {
    OPENFLOOR_TRY(auto draft, w.db.drafts().find(draft_id));
    if (!draft || draft->expires_at <= w.now) {
        return w.answer(w.say.say(text_id::draft_expired));
    }
    if (!(draft->author == w.me())) {
        return w.answer(w.say.say(text_id::draft_not_yours));
    }
    OPENFLOOR_CHECK(w.db.drafts().remove(draft->id));
    checked_post p;
    p.channel = w.settings.find_channel(draft->channel_key);
    p.category = w.settings.find_category(draft->category);
    auto text = w.id.open(draft->sealed_text, seal_purpose::draft_text);
    if (!p.channel || !p.category || !text) {
        // The config changed under the draft, or the secret did: a new preview is needed.
        return w.answer(w.say.say(text_id::draft_expired));
    }
    p.text = std::move(*text);
    p.needs_review = draft->needs_review;
    OPENFLOOR_TRY(bool allowed, may_post(w));
    if (!allowed) {
        return {};
    }
    // In home mode the clicker's own user id (they are the draft's author, checked above).
    const bool own_route = draft->sealed_route.empty() || w.home_inbox(draft->where);
    return publish(w, p, own_route ? route_of(w) : draft->sealed_route);
}

result<void> change_draft(use_case& w, std::string_view draft_id, choice_kind what,
                          std::string_view value) {
    OPENFLOOR_TRY(auto draft, w.db.drafts().find(draft_id));
    if (!draft || draft->expires_at <= w.now) {
        return w.answer(w.say.say(text_id::draft_expired));
    }
    if (!(draft->author == w.me())) {
        return w.answer(w.say.say(text_id::draft_not_yours));
    }
    checked_post p;
    p.channel = w.settings.find_channel(what == choice_kind::channel ? value : draft->channel_key);
    if (!p.channel || p.channel->platform != draft->where) {
        return w.answer(w.say.say(text_id::unknown_channel,
                                  {{"key", std::string(value)},
                                   {"channels", join_keys(w.settings, draft->where)}}));
    }
    const std::string wanted = what == choice_kind::category ? std::string(value) : draft->category;
    const bool offered = std::find(p.channel->categories.begin(), p.channel->categories.end(),
                                   wanted) != p.channel->categories.end();
    // A channel without the draft's category takes its own first one.
    p.category = w.settings.find_category(offered ? wanted : p.channel->categories.front());
    auto text = w.id.open(draft->sealed_text, seal_purpose::draft_text);
    if (!p.category || !text) {
        return w.answer(w.say.say(text_id::draft_expired));
    }
    p.text = std::move(*text);
    p.needs_review = draft->needs_review;
    draft->channel_key = p.channel->key;
    draft->category = p.category->name;
    OPENFLOOR_CHECK(w.db.drafts().remove(draft->id));
    OPENFLOOR_CHECK(w.db.drafts().save(*draft));
    return w.answer(preview_of(w, p, draft->id));
}

result<void> confirm_latest_draft(use_case& w) {
    OPENFLOOR_TRY(auto drafts, w.db.drafts().find_by_author(w.me()));
    const draft_record* latest = nullptr;
    for (const auto& d : drafts) {
        if (d.expires_at > w.now && (!latest || d.created_at > latest->created_at)) {
            latest = &d;
        }
    }
    if (!latest) {
        return w.answer(w.say.say(text_id::no_draft_waiting));
    }
    return confirm_draft(w, latest->id);
}

result<void> cancel_drafts(use_case& w, std::string_view draft_id) {
    OPENFLOOR_TRY(auto drafts, w.db.drafts().find_by_author(w.me()));
    int removed = 0;
    for (const auto& d : drafts) {
        if (draft_id.empty() || d.id == draft_id) {
            OPENFLOOR_CHECK(w.db.drafts().remove(d.id));
            ++removed;
        }
    }
    return w.answer(w.say.say(removed > 0 ? text_id::cancelled : text_id::nothing_to_cancel));
}

} // namespace openfloor::bot
