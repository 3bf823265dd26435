// The channels array: where posts go. Each channel is checked against the platforms,
// categories and moderation queues read before it.
#include "config/enum_names.hpp"
#include "config/rules.hpp"
#include "config/sections.hpp"

#include <algorithm>
#include <map>

namespace openfloor::config::detail {
namespace {

constexpr std::size_t max_channel_key = 32;

bool platform_configured(const settings& s, platform p) {
    return p == platform::slack ? s.slack.has_value() : s.mattermost.has_value();
}

void read_platform(object_reader& r, const settings& s, channel_settings& c) {
    const bool given = r.get("platform") != nullptr;
    if (!r.enumeration("platform", c.platform, platform_names) && given) {
        return; // what is wrong was reported
    }
    if (!platform_configured(s, c.platform)) {
        const std::string name(to_string(c.platform));
        r.report("platform", quote(name) + (given ? "" : " (the default)") + " but there is no " +
                                 name + " block");
    }
}

std::string configured_names(const settings& s) {
    std::string out;
    for (const category_settings& c : s.categories) {
        out += (out.empty() ? "" : ", ") + c.name;
    }
    return out;
}

void read_channel_categories(object_reader& r, const settings& s, channel_settings& c) {
    if (r.get("categories") == nullptr) {
        // Omitted: every configured category, which is interface.md's default when the
        // categories block is omitted too.
        c.categories.clear();
        for (const category_settings& category : s.categories) {
            c.categories.push_back(category.name);
        }
        return;
    }
    auto names = r.strings("categories", /*allow_empty_items=*/false);
    if (!names) {
        return;
    }
    if (names->empty()) {
        r.report("categories", "needs at least one category");
    }
    for (std::size_t i = 0; i < names->size(); ++i) {
        const std::string& name = (*names)[i];
        const std::string path = index_path(r.path_of("categories"), i);
        if (s.find_category(name) == nullptr) {
            r.ctx().problem(path, quote(name) + " is not a configured category (configured: " +
                                      configured_names(s) + ")");
        } else if (std::find(names->begin(), names->begin() + static_cast<std::ptrdiff_t>(i),
                             name) != names->begin() + static_cast<std::ptrdiff_t>(i)) {
            r.ctx().problem(path, quote(name) + " is listed twice");
        }
    }
    c.categories = std::move(*names);
}

void read_channel_moderation(object_reader& r, const settings& s, channel_settings& c) {
    r.enumeration("moderation", c.moderation, moderation_names);
    if (c.moderation == moderation_mode::pre && platform_configured(s, c.platform) &&
        !s.moderation.channel_for(c.platform)) {
        // Held posts need a queue that moderators can see.
        r.report("moderation", "\"pre\" needs moderation.channel." +
                                   std::string(to_string(c.platform)) + " to be set");
    }
}

channel_settings read_channel(object_reader& r, const settings& s) {
    channel_settings c;
    if (auto key = r.required_string("key")) {
        if (!is_simple_name(*key, max_channel_key)) {
            r.report("key", "must be 1 to 32 of a-z, 0-9, '_' and '-', got " + quote(*key));
        }
        c.key = std::move(*key);
    }
    read_platform(r, s, c);
    if (auto id = r.required_string("channel_id")) {
        if (id->empty()) {
            r.report("channel_id", "must not be empty");
        }
        c.channel_id = std::move(*id);
    }
    read_channel_categories(r, s, c);
    read_channel_moderation(r, s, c);
    c.confirm = r.boolean("confirm").value_or(c.confirm);
    c.anonymous_replies = r.boolean("anonymous_replies").value_or(c.anonymous_replies);
    r.nullable_string("webhook_url", c.webhook_url);
    if (c.webhook_url && r.check("webhook_url", check_http_url(*c.webhook_url))) {
        r.ctx().note(r.path() + " (" + c.key + "): posts through an incoming webhook: thread " +
                     "replies, relays, edits and deletes are unavailable");
    }
    c.digest = r.boolean("digest").value_or(c.digest);
    r.finish();
    return c;
}

} // namespace

void read_channels(object_reader& root, settings& out) {
    context& ctx = root.ctx();
    const json* list = root.get("channels");
    if (list != nullptr && !list->is_array()) {
        ctx.problem("channels", "expected an array of channels, got " + describe(*list));
        return;
    }
    if (list == nullptr || list->empty()) {
        ctx.problem("channels", "at least one channel is required");
        return;
    }
    std::map<std::string, std::string> first_key_path;
    for (std::size_t i = 0; i < list->size(); ++i) {
        object_reader r(ctx, &(*list)[i], index_path("channels", i));
        channel_settings c = read_channel(r, out);
        if (r.present() && !c.key.empty()) {
            const auto [it, fresh] = first_key_path.try_emplace(c.key, r.path_of("key"));
            if (!fresh) {
                r.report("key", "duplicate channel key " + quote(c.key) + "; first used on line " +
                                    std::to_string(ctx.line_of(it->second)));
            }
        }
        out.channels.push_back(std::move(c));
    }
}

} // namespace openfloor::config::detail
