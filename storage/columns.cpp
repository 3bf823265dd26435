// Column conversions for every repository, so each maps its rows the same way.
#include "storage/columns.hpp"

#include "storage/guard.hpp"

#include <array>
#include <chrono>

namespace openfloor::storage {

std::int64_t to_millis(bot::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

bot::time_point from_millis(std::int64_t ms) {
    return bot::time_point(std::chrono::milliseconds(ms));
}

void bind_text(SQLite::Statement& s, int index, std::string_view text) {
    s.bind(index, std::string(text)); // SQLiteCpp copies (SQLITE_TRANSIENT)
}

void bind_optional_text(SQLite::Statement& s, int index, const std::optional<std::string>& text) {
    if (text) {
        s.bind(index, *text);
    } else {
        s.bind(index);
    }
}

void bind_time(SQLite::Statement& s, int index, bot::time_point t) {
    s.bind(index, to_millis(t));
}

void bind_optional_time(SQLite::Statement& s, int index, const std::optional<bot::time_point>& t) {
    if (t) {
        bind_time(s, index, *t);
    } else {
        s.bind(index);
    }
}

void bind_blob(SQLite::Statement& s, int index, const bot::bytes& b) {
    // sqlite3_bind_blob with a null pointer binds NULL, and an empty vector may have one.
    static constexpr std::array<std::uint8_t, 1> empty{};
    const void* data = b.empty() ? empty.data() : b.data();
    s.bind(index, data, static_cast<int>(b.size()));
}

void bind_bool(SQLite::Statement& s, int index, bool b) {
    s.bind(index, b ? 1 : 0);
}

void bind_platform(SQLite::Statement& s, int index, bot::platform p) {
    bind_text(s, index, config::to_string(p));
}

void bind_pseudonym(SQLite::Statement& s, int index, const bot::pseudonym& p) {
    s.bind(index, p.hex());
}

std::optional<std::string> read_optional_text(const SQLite::Column& c) {
    if (c.isNull()) {
        return std::nullopt;
    }
    return c.getString();
}

bot::time_point read_time(const SQLite::Column& c) {
    return from_millis(c.getInt64());
}

std::optional<bot::time_point> read_optional_time(const SQLite::Column& c) {
    if (c.isNull()) {
        return std::nullopt;
    }
    return read_time(c);
}

bot::bytes read_blob(const SQLite::Column& c) {
    const auto* data = static_cast<const std::uint8_t*>(c.getBlob());
    const int size = c.getBytes(); // after getBlob(): the size of the blob form
    if (data == nullptr || size <= 0) {
        return {};
    }
    bot::bytes out(data, data + size);
    return out;
}

bool read_bool(const SQLite::Column& c) {
    return c.getInt() != 0;
}

bot::platform read_platform(const SQLite::Column& c) {
    const std::string name = c.getString();
    for (const auto p : {bot::platform::slack, bot::platform::mattermost}) {
        if (config::to_string(p) == name) {
            return p;
        }
    }
    throw malformed_row("platform");
}

bot::pseudonym read_pseudonym(const SQLite::Column& c) {
    bot::pseudonym p;
    if (!bot::pseudonym::from_hex(c.getString(), p)) {
        throw malformed_row("pseudonym");
    }
    return p;
}

bot::post_state read_post_state(const SQLite::Column& c) {
    bot::post_state s{};
    if (!bot::parse_post_state(c.getString(), s)) {
        throw malformed_row("state");
    }
    return s;
}

bot::job_kind read_job_kind(const SQLite::Column& c) {
    bot::job_kind k{};
    if (!bot::parse_job_kind(c.getString(), k)) {
        throw malformed_row("kind");
    }
    return k;
}

} // namespace openfloor::storage
