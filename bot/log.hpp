// Structured logging over spdlog: an event name plus fields, one JSON object (or text line) per
// line on stderr. Fields take strings, numbers and booleans only: identity types have no
// conversion, so they cannot be logged by accident. Never pass a user id, a name, a DM channel
// id, message text, a token or a raw payload: log the ids we mint, and pseudonym prefixes.
#pragma once

#include "config/settings.hpp"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace openfloor::bot::log {

struct field {
    field(std::string_view k, std::string_view v) : key(k), value(std::string(v)) {}
    field(std::string_view k, const std::string& v) : key(k), value(v) {}
    field(std::string_view k, const char* v) : key(k), value(std::string(v)) {}
    field(std::string_view k, std::int64_t v) : key(k), value(v) {}
    field(std::string_view k, int v) : key(k), value(std::int64_t{v}) {}
    field(std::string_view k, bool v) : key(k), value(v) {}

    std::string_view key;
    std::variant<std::string, std::int64_t, bool> value;
};
using fields = std::initializer_list<field>;

// Call once at start-up. `sink` replaces stderr (tests capture every line through it).
void init(const config::log_settings& settings,
          std::function<void(std::string_view line)> sink = nullptr);

void debug(std::string_view event, fields f = {});
void info(std::string_view event, fields f = {});
void warn(std::string_view event, fields f = {});
void error(std::string_view event, fields f = {});

} // namespace openfloor::bot::log
