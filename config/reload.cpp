// apply_reload: the reloadable sections are copied; the rest is compared, never copied.
#include "config/reload.hpp"

namespace openfloor::config {
namespace {

bool same(const secret& a, const secret& b) {
    return a.reveal() == b.reveal();
}

bool same_slack(const std::optional<slack_settings>& a, const std::optional<slack_settings>& b) {
    if (a.has_value() != b.has_value()) {
        return false;
    }
    return !a || (a->mode == b->mode && same(a->bot_token, b->bot_token) &&
                  same(a->app_token, b->app_token) && same(a->signing_secret, b->signing_secret) &&
                  a->api_base_url == b->api_base_url);
}

bool same_mattermost(const std::optional<mattermost_settings>& a,
                     const std::optional<mattermost_settings>& b) {
    if (a.has_value() != b.has_value()) {
        return false;
    }
    return !a || (a->url == b->url && same(a->bot_token, b->bot_token) &&
                  same(a->command_token, b->command_token));
}

bool same_server(const server_settings& a, const server_settings& b) {
    return a.listen == b.listen && a.public_url == b.public_url &&
           a.tls.cert_file == b.tls.cert_file && a.tls.key_file == b.tls.key_file &&
           a.max_body_bytes == b.max_body_bytes && a.request_timeout == b.request_timeout;
}

} // namespace

reload_report apply_reload(settings& live, const settings& fresh) {
    reload_report r;
    auto need = [&](bool unchanged, const char* section) {
        if (!unchanged) {
            r.need_restart.emplace_back(section);
        }
    };
    need(same_server(live.server, fresh.server), "server");
    need(live.storage.path == fresh.storage.path, "storage.path");
    need(same(live.identity.key, fresh.identity.key), "identity");
    need(live.outbound.ca_file == fresh.outbound.ca_file &&
             live.outbound.timeout == fresh.outbound.timeout,
         "outbound.ca_file/timeout_ms");
    need(same_slack(live.slack, fresh.slack), "slack");
    need(same_mattermost(live.mattermost, fresh.mattermost), "mattermost");
    need(live.notices == fresh.notices, "privacy");
    need(live.locale == fresh.locale, "locale");
    need(live.log.level == fresh.log.level && live.log.format == fresh.log.format, "log");

    live.channels = fresh.channels;
    live.categories = fresh.categories;
    live.moderation = fresh.moderation;
    live.limits = fresh.limits;
    live.posting = fresh.posting;
    live.draft_ttl = fresh.draft_ttl;
    live.digest = fresh.digest;
    live.storage.retention_days = fresh.storage.retention_days;
    live.outbound.max_attempts = fresh.outbound.max_attempts;
    live.outbound.channel_interval = fresh.outbound.channel_interval;
    r.applied = {"channels", "categories", "moderation", "limits", "posting", "drafts", "digest",
                 "storage.retention_days", "outbound.max_attempts", "outbound.channel_interval_ms"};
    return r;
}

} // namespace openfloor::config
