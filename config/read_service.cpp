// The service's own blocks: server, storage, identity, outbound, log and locale.
#include "config/enum_names.hpp"
#include "config/rules.hpp"
#include "config/sections.hpp"

#include <algorithm>

namespace openfloor::config::detail {
namespace {

constexpr std::size_t min_secret_bytes = 32;

void read_tls(object_reader& server, tls_settings& out) {
    object_reader r = server.child("tls");
    r.nullable_string("cert_file", out.cert_file);
    r.nullable_string("key_file", out.key_file);
    const auto unset = [&r](std::string_view key) {
        const json* v = r.get(key);
        return v == nullptr || v->is_null();
    };
    // One without the other would silently serve plain HTTP.
    if (out.cert_file && unset("key_file")) {
        r.report("key_file", "is required when cert_file is set");
    }
    if (out.key_file && unset("cert_file")) {
        r.report("cert_file", "is required when key_file is set");
    }
    if (out.cert_file) {
        r.check("cert_file", check_file(*out.cert_file));
    }
    if (out.key_file) {
        r.check("key_file", check_file(*out.key_file));
    }
    r.finish();
}

} // namespace

void read_server(object_reader& root, server_settings& out) {
    object_reader r = root.child("server");
    if (auto listen = r.string("listen"); listen && r.check("listen", check_listen(*listen))) {
        out.listen = std::move(*listen);
    }
    r.nullable_string("public_url", out.public_url);
    if (out.public_url && r.check("public_url", check_http_url(*out.public_url))) {
        // Stored without a trailing '/', so "{public_url}/mattermost/actions" is one slash.
        while (out.public_url->ends_with('/')) {
            out.public_url->pop_back();
        }
    }
    read_tls(r, out.tls);
    if (auto n = r.integer("max_body_bytes", 1024, std::numeric_limits<std::int64_t>::max())) {
        out.max_body_bytes = static_cast<std::size_t>(*n);
    }
    if (auto n = r.integer("request_timeout_ms", 1, int_max)) {
        out.request_timeout = std::chrono::milliseconds{*n};
    }
    r.finish();
}

void read_storage(object_reader& root, storage_settings& out) {
    object_reader r = root.child("storage");
    if (auto path = r.string("path")) {
        if (path->empty()) {
            r.report("path", "must not be empty");
        } else {
            out.path = std::move(*path);
        }
    }
    if (auto n = r.integer("retention_days", 1, int_max)) {
        out.retention_days = static_cast<int>(*n);
    }
    r.finish();
}

void read_identity(object_reader& root, identity_settings& out) {
    object_reader r = root.child("identity");
    if (auto value = r.required_string("secret")) {
        if (value->size() < min_secret_bytes) {
            r.report("secret", "secret is " + std::to_string(value->size()) +
                                   " bytes, needs at least " + std::to_string(min_secret_bytes));
        } else {
            out.key = secret(std::move(*value));
        }
    }
    r.finish();
}

void read_outbound(object_reader& root, outbound_settings& out) {
    object_reader r = root.child("outbound");
    r.nullable_string("ca_file", out.ca_file);
    if (out.ca_file) {
        r.check("ca_file", check_file(*out.ca_file));
    }
    if (auto n = r.integer("timeout_ms", 1, int_max)) {
        out.timeout = std::chrono::milliseconds{*n};
    }
    if (auto n = r.integer("max_attempts", 1, 100)) {
        out.max_attempts = static_cast<int>(*n);
    }
    if (auto n = r.integer("channel_interval_ms", 0, int_max)) {
        out.channel_interval = std::chrono::milliseconds{*n};
    }
    r.finish();
}

void read_log_and_locale(object_reader& root, settings& out) {
    object_reader r = root.child("log");
    r.enumeration("level", out.log.level, log_level_names);
    r.enumeration("format", out.log.format, log_format_names);
    r.finish();

    const std::vector<std::string_view> locales(locale_names.begin(), locale_names.end());
    if (const auto index = root.one_of("locale", locales)) {
        out.locale = std::string(locales[*index]);
    }
}

} // namespace openfloor::config::detail
