// The sealed payloads' JSON (bot/message.cpp, bot/home_codec.cpp): what the core seals is its own
// JSON, read back without exceptions escaping into a use case or the outbox. Internal to bot/.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace openfloor::bot::json_codec {

// Text reaches us through the platforms' JSON, so it is valid UTF-8. Should invalid bytes ever
// slip in, they are replaced (U+FFFD) rather than thrown from a use case or the outbox.
inline std::string dump(const nlohmann::json& doc) {
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `encoded` parsed and handed to `read(doc, value)`; `out` is set only when both succeed.
template <class T, class Read>
bool parse(std::string_view encoded, T& out, Read read) {
    const auto doc = nlohmann::json::parse(encoded, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        return false;
    }
    try {
        T value;
        if (!read(doc, value)) {
            return false;
        }
        out = std::move(value);
        return true;
    } catch (const nlohmann::json::exception&) { // a type check missed a case: still malformed
        return false;
    }
}

} // namespace openfloor::bot::json_codec
