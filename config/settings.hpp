// The whole configuration as plain, immutable structs: what config::load() produces and every
// other part of openfloor reads. Defaults here are the defaults of interface.md.
#pragma once

#include "config/secret.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace openfloor::config {

enum class platform { slack, mattermost };
enum class moderation_mode { none, pre };
enum class blocked_words_action { reject, queue };
enum class slack_mode { socket, http };
enum class notices_mode { dm, home };
enum class log_format { json, text };
enum class log_level { trace, debug, info, warn, error };

std::string_view to_string(platform p);

struct tls_settings {
    std::optional<std::string> cert_file;
    std::optional<std::string> key_file;
    bool enabled() const { return cert_file.has_value() && key_file.has_value(); }
};

struct server_settings {
    std::string listen = "127.0.0.1:8080";
    std::optional<std::string> public_url; // http(s), without a trailing '/'
    tls_settings tls;
    std::size_t max_body_bytes = 1'048'576;
    std::chrono::milliseconds request_timeout{10'000};
};

struct storage_settings {
    std::string path = "openfloor.db";
    int retention_days = 90;
};

struct identity_settings {
    secret key; // >= 32 bytes; pseudonyms and sealing are derived from it
};

struct outbound_settings {
    std::optional<std::string> ca_file;
    std::chrono::milliseconds timeout{10'000};
    int max_attempts = 8;
    std::chrono::milliseconds channel_interval{1'000};
};

struct slack_settings {
    slack_mode mode = slack_mode::socket;
    secret bot_token;
    secret app_token;                                    // socket mode only
    secret signing_secret;                               // http mode only
    std::string api_base_url = "https://slack.com/api/"; // always ends in '/'
};

struct mattermost_settings {
    std::string url; // http(s), without a trailing '/'; REST at {url}/api/v4
    secret bot_token;
    secret command_token;
};

struct channel_settings {
    std::string key;
    config::platform platform = platform::slack;
    std::string channel_id;
    // The loader fills in every configured category when the file leaves this out.
    std::vector<std::string> categories{"mistake", "question"};
    moderation_mode moderation = moderation_mode::none;
    bool confirm = true;
    bool anonymous_replies = false;
    std::optional<std::string> webhook_url; // set: no threads, relays, edits or deletes
    bool digest = false; // the weekly digest is posted here (when: settings::digest)
};

struct category_settings {
    std::string name; // the key in the "categories" object
    std::string label;
    std::vector<std::string> keywords;
};

// The defaults of interface.md's "categories" block.
std::vector<category_settings> default_categories();

struct moderation_settings {
    std::optional<std::string> slack_channel;
    std::optional<std::string> mattermost_channel;
    std::vector<std::string> moderators;
    std::vector<std::string> blocked_words;
    blocked_words_action on_blocked_word = blocked_words_action::reject;
    int flag_threshold = 3;

    const std::optional<std::string>& channel_for(platform p) const {
        return p == platform::slack ? slack_channel : mattermost_channel;
    }
};

struct limits_settings {
    int posts_per_hour = 5;
    int max_chars = 3000; // counted in Unicode code points
};

struct posting_settings {
    std::chrono::seconds delay_min{0};
    std::chrono::seconds delay_max{0};
};

// When the weekly digest goes out, for every channel with `digest` on. A fixed offset from UTC
// rather than a time zone name: g++ 12 has no time zone database, and a digest an hour off in
// summer is harmless.
struct digest_settings {
    std::chrono::weekday day = std::chrono::Friday;
    std::chrono::minutes time{16 * 60}; // time of day, in the local time below
    std::chrono::minutes utc_offset{0}; // local time = UTC + utc_offset
};

struct log_settings {
    log_level level = log_level::info;
    log_format format = log_format::json;
};

struct settings {
    server_settings server;
    storage_settings storage;
    identity_settings identity;
    outbound_settings outbound;
    std::optional<slack_settings> slack;
    std::optional<mattermost_settings> mattermost;
    std::vector<channel_settings> channels;
    std::vector<category_settings> categories = default_categories(); // in file order
    moderation_settings moderation;
    notices_mode notices = notices_mode::dm;
    limits_settings limits;
    posting_settings posting;
    std::chrono::minutes draft_ttl{30};
    digest_settings digest;
    std::string locale = "en";
    log_settings log;

    const category_settings* find_category(std::string_view name) const;
    const channel_settings* find_channel(std::string_view key) const;
    // The author's default channel on a platform: the first configured one.
    const channel_settings* default_channel(platform p) const;
};

} // namespace openfloor::config
