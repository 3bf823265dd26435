// key_reference: the config keys block by block, each value written from the settings the loader
// fills, and each enum's choices from the same tables the readers use.
#include "config/key_reference.hpp"

#include "config/enum_names.hpp"
#include "config/reader.hpp"
#include "config/time_of_day.hpp"

namespace openfloor::config {
namespace {

using detail::quote;
using keys = std::vector<key_doc>;

constexpr std::string_view required = "required";
// What the README shows for a category's keywords when the file leaves them out.
constexpr std::string_view name_placeholder = "<name>";

// "socket or http", "trace, debug, info, warn or error".
std::string choices(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += i + 1 == names.size() ? " or " : ", ";
        }
        out += names[i];
    }
    return out;
}

template <class Enum, std::size_t N>
std::string choices(const std::array<std::pair<std::string_view, Enum>, N>& table) {
    std::vector<std::string_view> names;
    names.reserve(N);
    for (const auto& [name, value] : table) {
        names.push_back(name);
    }
    return choices(names);
}

template <class Enum, std::size_t N>
std::string quoted_name(const std::array<std::pair<std::string_view, Enum>, N>& table, Enum value) {
    return quote(detail::name_of(table, value));
}

std::string nullable(const std::optional<std::string>& s) {
    return s ? quote(*s) : "null";
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& item : items) {
        out += (out.size() > 1 ? ", " : "") + quote(item);
    }
    return out + "]";
}

std::string number(std::int64_t n) {
    return std::to_string(n);
}

std::string boolean(bool b) {
    return b ? "true" : "false";
}

keys service_keys(const settings& s) {
    return {
        {"server.listen", "string", quote(s.server.listen)},
        {"server.public_url", "string or null", nullable(s.server.public_url)},
        {"server.tls.cert_file", "string or null", nullable(s.server.tls.cert_file)},
        {"server.tls.key_file", "string or null", nullable(s.server.tls.key_file)},
        {"server.max_body_bytes", "integer",
         number(static_cast<std::int64_t>(s.server.max_body_bytes))},
        {"server.request_timeout_ms", "integer", number(s.server.request_timeout.count())},
        {"storage.path", "string", quote(s.storage.path)},
        {"storage.retention_days", "integer", number(s.storage.retention_days)},
        {"identity.secret", "string", std::string(required)},
        {"outbound.ca_file", "string or null", nullable(s.outbound.ca_file)},
        {"outbound.timeout_ms", "integer", number(s.outbound.timeout.count())},
        {"outbound.max_attempts", "integer", number(s.outbound.max_attempts)},
        {"outbound.channel_interval_ms", "integer", number(s.outbound.channel_interval.count())},
    };
}

keys platform_keys(const settings& s) {
    const slack_settings slack = s.slack.value_or(slack_settings{});
    return {
        {"slack", "object", s.slack ? "set" : "omitted"},
        {"slack.mode", choices(detail::slack_mode_names),
         quoted_name(detail::slack_mode_names, slack.mode)},
        {"slack.bot_token", "string", std::string(required)},
        {"slack.app_token", "string", "required in socket mode"},
        {"slack.signing_secret", "string", "required in http mode"},
        {"slack.api_base_url", "string", quote(slack.api_base_url)},
        {"mattermost", "object", s.mattermost ? "set" : "omitted"},
        {"mattermost.url", "string", std::string(required)},
        {"mattermost.bot_token", "string", std::string(required)},
        {"mattermost.command_token", "string", std::string(required)},
    };
}

std::vector<std::string> category_names(const settings& s) {
    std::vector<std::string> names;
    for (const category_settings& c : s.categories) {
        names.push_back(c.name);
    }
    return names;
}

keys channel_keys(const settings& s, const channel_settings& c) {
    const bool every_category = c.categories == category_names(s);
    return {
        {"channels", "array of objects", std::string(required)},
        {"channels[].key", "string", std::string(required)},
        {"channels[].platform", choices(detail::platform_names),
         quoted_name(detail::platform_names, c.platform)},
        {"channels[].channel_id", "string", std::string(required)},
        {"channels[].categories", "array of strings",
         every_category ? "all categories" : list(c.categories)},
        {"channels[].moderation", choices(detail::moderation_names),
         quoted_name(detail::moderation_names, c.moderation)},
        {"channels[].confirm", "boolean", boolean(c.confirm)},
        {"channels[].anonymous_replies", "boolean", boolean(c.anonymous_replies)},
        {"channels[].webhook_url", "string or null", nullable(c.webhook_url)},
        {"channels[].digest", "boolean", boolean(c.digest)},
    };
}

keys category_keys(const settings& s, const category_settings& c) {
    std::string names;
    for (const std::string& n : category_names(s)) {
        names += (names.empty() ? "" : ", ") + n;
    }
    const bool named_keyword = c.keywords == std::vector<std::string>{c.name};
    return {
        {"categories", "object", names},
        {"categories.<name>.label", "string", std::string(required)},
        {"categories.<name>.keywords", "array of strings",
         named_keyword ? list({std::string(name_placeholder)}) : list(c.keywords)},
    };
}

keys moderation_keys(const settings& s) {
    const moderation_settings& m = s.moderation;
    return {
        {"moderation.channel.slack", "string or null", nullable(m.slack_channel)},
        {"moderation.channel.mattermost", "string or null", nullable(m.mattermost_channel)},
        {"moderation.moderators", "array of strings", list(m.moderators)},
        {"moderation.blocked_words", "array of strings", list(m.blocked_words)},
        {"moderation.blocked_words_action", choices(detail::blocked_action_names),
         quoted_name(detail::blocked_action_names, m.on_blocked_word)},
        {"moderation.flag_threshold", "integer", number(m.flag_threshold)},
    };
}

keys digest_keys(const settings& s) {
    return {
        {"digest.day", choices(detail::weekday_names),
         quoted_name(detail::weekday_names, s.digest.day)},
        {"digest.time", "string", quote(format_time_of_day(s.digest.time))},
        {"digest.utc_offset", "string", quote(format_utc_offset(s.digest.utc_offset))},
    };
}

keys author_keys(const settings& s) {
    const std::vector<std::string_view> locales(detail::locale_names.begin(),
                                                detail::locale_names.end());
    return {
        {"privacy.notices", choices(detail::notices_names),
         quoted_name(detail::notices_names, s.notices)},
        {"limits.posts_per_hour", "integer", number(s.limits.posts_per_hour)},
        {"limits.max_chars", "integer", number(s.limits.max_chars)},
        {"posting.delay_seconds", "[min, max] integers",
         "[" + number(s.posting.delay_min.count()) + ", " + number(s.posting.delay_max.count()) +
             "]"},
        {"drafts.ttl_minutes", "integer", number(s.draft_ttl.count())},
        {"locale", choices(locales), quote(s.locale)},
        {"log.level", choices(detail::log_level_names),
         quoted_name(detail::log_level_names, s.log.level)},
        {"log.format", choices(detail::log_format_names),
         quoted_name(detail::log_format_names, s.log.format)},
    };
}

keys reference_of(const settings& s, const channel_settings& channel,
                  const category_settings& category) {
    keys out;
    for (const keys& block :
         {service_keys(s), platform_keys(s), channel_keys(s, channel), category_keys(s, category),
          moderation_keys(s), digest_keys(s), author_keys(s)}) {
        out.insert(out.end(), block.begin(), block.end());
    }
    return out;
}

} // namespace

std::vector<key_doc> key_reference() {
    // A category written with a label only: its keywords are its name.
    const std::string placeholder(name_placeholder);
    const settings defaults; // named: g++ 12 warns falsely about a temporary's optionals
    const channel_settings channel;
    const category_settings category{placeholder, {}, {placeholder}};
    return reference_of(defaults, channel, category);
}

std::vector<key_doc> key_reference(const settings& s) {
    const channel_settings channel = s.channels.empty() ? channel_settings{} : s.channels.front();
    const category_settings category =
        s.categories.empty() ? category_settings{} : s.categories.front();
    return reference_of(s, channel, category);
}

} // namespace openfloor::config
