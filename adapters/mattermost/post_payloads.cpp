// Posts and post lists (platforms.md §B2), and the int64 reads every Mattermost decoder shares.
#include "adapters/mattermost/json_read.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace openfloor::mattermost {
namespace detail {

void wrong_type(const json& value, const char* what) {
    throw json::type_error::create(302, what, &value);
}

// nlohmann's get<int64_t>() casts a float or a too-large unsigned blindly (undefined behaviour
// for 1e300), so each kind of number is checked before it is converted.
std::int64_t to_int64(const json& value) {
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    if (value.is_number_unsigned()) { // nlohmann's kind for every integer >= 0
        const auto u = value.get<std::uint64_t>();
        if (u <= static_cast<std::uint64_t>(max)) {
            return static_cast<std::int64_t>(u);
        }
    } else if (value.is_number_integer()) {
        return value.get<std::int64_t>();
    } else if (value.is_number_float()) {
        const double d = value.get<double>();
        // ±2^63 are exact doubles; the range is half-open because 2^63 itself does not fit.
        if (std::isfinite(d) && std::trunc(d) == d && d >= -9223372036854775808.0 &&
            d < 9223372036854775808.0) {
            return static_cast<std::int64_t>(d);
        }
    }
    wrong_type(value, "not a 64-bit integer");
}

void read_int64(const json& object, std::string_view key, std::int64_t& out) {
    const json& value = member(object, key);
    if (!value.is_null()) {
        out = to_int64(value);
    }
}

post checked(post p) {
    if (p.id.empty()) {
        wrong_type(json(), "post without an id");
    }
    return p;
}

} // namespace detail

namespace {

using detail::json;
using detail::member;

// props is free-form (plugins write it), so only the one flag we need is looked at, and a props
// of another shape is no reason to drop a person's post.
bool from_bot(const json& post_object) {
    const json& props = member(post_object, "props");
    if (!props.is_object()) {
        return false;
    }
    const json& flag = member(props, "from_bot");
    return (flag.is_boolean() && flag.get<bool>()) ||
           (flag.is_string() && flag.get_ref<const std::string&>() == "true");
}

} // namespace

void from_json(const json& j, post& out) {
    using detail::read;
    using detail::read_int64;
    detail::require_object(j);
    read(j, "id", out.id);
    read_int64(j, "create_at", out.create_at);
    read_int64(j, "update_at", out.update_at);
    read_int64(j, "edit_at", out.edit_at);
    read_int64(j, "delete_at", out.delete_at);
    read(j, "user_id", out.user_id);
    read(j, "channel_id", out.channel_id);
    read(j, "root_id", out.root_id);
    if (out.root_id.empty()) {
        read(j, "parent_id", out.root_id); // deprecated, but old servers send only this
    }
    read(j, "message", out.message);
    read(j, "type", out.type);
    out.from_bot = from_bot(j);
}

boost::system::result<post> decode_post(std::string_view json_text) {
    return detail::decode<post>(json_text,
                                [](const json& doc) { return detail::checked(doc.get<post>()); });
}

boost::system::result<std::vector<post>> decode_post_list(std::string_view json_text) {
    return detail::decode<std::vector<post>>(json_text, [](const json& doc) {
        const json& order = member(doc, "order");
        const json& posts = member(doc, "posts");
        std::vector<post> out;
        if (order.is_null() || posts.is_null()) {
            return out; // nothing new: some servers send null rather than [] and {}
        }
        std::set<std::string> seen;
        for (const json& id_value : order.get_ref<const json::array_t&>()) {
            const auto& id = id_value.get_ref<const std::string&>(); // type_error if not a string
            const json& item = member(posts, id);
            if (item.is_null()) {
                continue; // listed but not sent: nothing to read
            }
            post p = item.get<post>();
            if (p.id.empty()) {
                p.id = id;
            }
            if (!p.id.empty() && seen.insert(p.id).second) {
                out.push_back(std::move(p));
            }
        }
        // `order` is newest first and not a promise; the catch-up needs oldest first.
        std::stable_sort(out.begin(), out.end(),
                         [](const post& a, const post& b) { return a.create_at < b.create_at; });
        return out;
    });
}

} // namespace openfloor::mattermost
