// The guarded JSON reads of json_read.hpp, and the depth check that runs before parsing.
#include "adapters/transport/json_read.hpp"

namespace openfloor::transport::payload {
namespace {

// A scan of brackets outside strings: cheaper than parsing, and bounded whatever the input.
bool nesting_within(std::string_view text, std::size_t limit) {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) {
                return false;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return true;
}

const json& absent() {
    static const json null_value; // immutable: shared by every missing key
    return null_value;
}

} // namespace

bool parse_json(std::string_view text, json& out, std::size_t max_depth) {
    if (!nesting_within(text, max_depth)) {
        return false;
    }
    out = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return !out.is_discarded();
}

const json& member(const json& object, std::string_view key) {
    if (object.is_null()) {
        return absent();
    }
    const auto& fields = object.get_ref<const json::object_t&>(); // type_error if not an object
    const auto it = fields.find(key);
    return it == fields.end() ? absent() : it->second;
}

void require_object(const json& value) {
    static_cast<void>(value.get_ref<const json::object_t&>());
}

const json& first_of(const json& object, std::string_view key) {
    const json& value = member(object, key);
    if (value.is_null()) {
        return absent();
    }
    const auto& items = value.get_ref<const json::array_t&>(); // type_error if not an array
    return items.empty() ? absent() : items.front();
}

void read_if_string(const json& object, std::string_view key, std::string& out) {
    const json& value = member(object, key);
    if (value.is_string()) {
        out = value.get_ref<const std::string&>();
    }
}

void put_nonempty(json& j, const char* key, const std::string& value) {
    if (!value.empty()) {
        j[key] = value;
    }
}

} // namespace openfloor::transport::payload
