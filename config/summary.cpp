// summary(): what `openfloor check` prints for a good config, so an operator can see what the
// bot will do. Secrets appear only as secret::masked.
#include "config/enum_names.hpp"
#include "config/loader.hpp"
#include "config/time_of_day.hpp"

#include <algorithm>
#include <sstream>

namespace openfloor::config {
namespace {

using detail::name_of;

void platforms(std::ostringstream& out, const settings& s) {
    out << "platforms:";
    if (s.slack) {
        out << " slack (" << name_of(detail::slack_mode_names, s.slack->mode) << " mode, "
            << s.slack->api_base_url << ", bot token " << secret::masked << ')';
    }
    if (s.mattermost) {
        out << (s.slack ? "," : "") << " mattermost (" << s.mattermost->url << ", bot token "
            << secret::masked << ')';
    }
    out << '\n';
}

void channels(std::ostringstream& out, const settings& s) {
    out << "channels:\n";
    for (const channel_settings& c : s.channels) {
        out << "  " << c.key << ": " << to_string(c.platform) << ' ' << c.channel_id
            << ", moderation " << name_of(detail::moderation_names, c.moderation) << ", confirm "
            << (c.confirm ? "yes" : "no") << ", categories ";
        for (std::size_t i = 0; i < c.categories.size(); ++i) {
            out << (i == 0 ? "" : ", ") << c.categories[i];
        }
        if (c.webhook_url) {
            out << ", via webhook";
        }
        if (c.digest) {
            out << ", weekly digest";
        }
        out << '\n';
    }
}

void digest(std::ostringstream& out, const settings& s) {
    const bool any = std::any_of(s.channels.begin(), s.channels.end(),
                                 [](const channel_settings& c) { return c.digest; });
    if (any) {
        out << "digest: " << name_of(detail::weekday_names, s.digest.day) << "s at "
            << format_time_of_day(s.digest.time) << " (UTC"
            << format_utc_offset(s.digest.utc_offset) << ")\n";
    }
}

void categories(std::ostringstream& out, const settings& s) {
    out << "categories:\n";
    for (const category_settings& c : s.categories) {
        out << "  " << c.name << ": \"" << c.label << "\", keywords ";
        for (std::size_t i = 0; i < c.keywords.size(); ++i) {
            out << (i == 0 ? "" : ", ") << c.keywords[i];
        }
        out << '\n';
    }
}

} // namespace

std::string summary(const settings& s) {
    std::ostringstream out;
    platforms(out, s);
    out << "listen: " << s.server.listen << (s.server.tls.enabled() ? " (https)" : " (http)");
    if (s.server.public_url) {
        out << ", public url " << *s.server.public_url;
    }
    out << '\n';
    out << "database: " << s.storage.path << ", kept " << s.storage.retention_days << " days\n";
    out << "identity secret: " << secret::masked << '\n';
    channels(out, s);
    digest(out, s);
    categories(out, s);
    out << "locale: " << s.locale << ", log: " << name_of(detail::log_level_names, s.log.level)
        << ' ' << name_of(detail::log_format_names, s.log.format) << '\n';
    return out.str();
}

} // namespace openfloor::config
