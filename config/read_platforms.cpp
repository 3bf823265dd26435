// The platform blocks, slack and mattermost. Omitting a block disables that platform; the
// tokens a mode needs are required only in that mode.
#include "config/enum_names.hpp"
#include "config/rules.hpp"
#include "config/sections.hpp"

namespace openfloor::config::detail {
namespace {

// A present block (null counts as omitted) or nothing.
const json* platform_block(object_reader& root, std::string_view key) {
    const json* block = root.get(key);
    return block == nullptr || block->is_null() ? nullptr : block;
}

// A token that must be there and must not be empty.
void read_token(object_reader& r, std::string_view key, secret& out) {
    if (auto value = r.required_string(key)) {
        if (value->empty()) {
            r.report(key, "must not be empty");
        } else {
            out = secret(std::move(*value));
        }
    }
}

// A token this mode does not use. Its ${ENV} is not expanded: one config may serve both
// modes, and the variable of the other mode need not be set.
void read_unused_token(object_reader& r, std::string_view key, std::string_view mode) {
    const json* v = r.get(key);
    if (v == nullptr || v->is_null()) {
        return;
    }
    if (!v->is_string()) {
        r.report(key, "expected a string, got " + describe(*v));
        return;
    }
    r.ctx().note(r.path_of(key) + ": not used in " + std::string(mode) + " mode");
}

} // namespace

void read_slack(object_reader& root, settings& out) {
    const json* block = platform_block(root, "slack");
    if (block == nullptr) {
        return;
    }
    object_reader r(root.ctx(), block, "slack");
    slack_settings s;
    r.enumeration("mode", s.mode, slack_mode_names);
    read_token(r, "bot_token", s.bot_token);
    if (s.mode == slack_mode::socket) {
        read_token(r, "app_token", s.app_token);
        read_unused_token(r, "signing_secret", "socket");
    } else {
        read_token(r, "signing_secret", s.signing_secret);
        read_unused_token(r, "app_token", "http");
    }
    if (auto url = r.string("api_base_url"); url && r.check("api_base_url", check_http_url(*url))) {
        // Stored with a trailing '/', so "{api_base_url}chat.postMessage" is one slash.
        if (!url->ends_with('/')) {
            url->push_back('/');
        }
        s.api_base_url = std::move(*url);
    }
    r.finish();
    out.slack = std::move(s);
}

void read_mattermost(object_reader& root, settings& out) {
    const json* block = platform_block(root, "mattermost");
    if (block == nullptr) {
        return;
    }
    object_reader r(root.ctx(), block, "mattermost");
    mattermost_settings m;
    if (auto url = r.required_string("url"); url && r.check("url", check_http_url(*url))) {
        // Stored without a trailing '/', so "{url}/api/v4" is one slash.
        while (url->ends_with('/')) {
            url->pop_back();
        }
        m.url = std::move(*url);
    }
    read_token(r, "bot_token", m.bot_token);
    read_token(r, "command_token", m.command_token);
    r.finish();
    out.mattermost = std::move(m);
}

} // namespace openfloor::config::detail
