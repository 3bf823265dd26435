// fake_mattermost_detail: the shared helpers of the fake Mattermost, defined.
#include "tests/fakes/fake_mattermost_detail.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace openfloor::testing::mm_detail {
namespace {

using json = nlohmann::json;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

std::string string_field(const json& j, const char* key) {
    if (j.is_object()) {
        auto it = j.find(key);
        if (it != j.end() && it->is_string()) {
            return it->get<std::string>();
        }
    }
    return {};
}

std::int64_t int_field(const json& j, const char* key) {
    if (j.is_object()) {
        auto it = j.find(key);
        if (it != j.end() && it->is_number_integer()) {
            return it->get<std::int64_t>();
        }
    }
    return 0;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

std::map<std::string, std::string> parse_query(const std::string& target) {
    std::map<std::string, std::string> out;
    auto url = boost::urls::parse_origin_form(target);
    if (!url) {
        return out;
    }
    for (const auto& param : url->params()) {
        out.emplace(param.key, param.value); // the first value of a key wins, as in Go
    }
    return out;
}

std::string token_of(const std::string& authorization) {
    if (authorization.size() > 7 && lower(authorization.substr(0, 7)) == "bearer ") {
        return authorization.substr(7);
    }
    if (authorization.size() > 6 && lower(authorization.substr(0, 6)) == "token ") {
        return authorization.substr(6);
    }
    return {};
}

std::string relative(const std::string& path) {
    return path.starts_with(api_prefix) ? path.substr(api_prefix.size()) : path;
}

fake_reply json_reply(unsigned status, const json& body) {
    fake_reply r;
    r.status = status;
    r.body = body.dump();
    return r;
}

std::vector<json*> actions_in(json& props) {
    std::vector<json*> out;
    auto attachments = props.find("attachments");
    if (attachments == props.end() || !attachments->is_array()) {
        return out;
    }
    for (auto& attachment : *attachments) {
        auto actions = attachment.is_object() ? attachment.find("actions") : attachment.end();
        if (!attachment.is_object() || actions == attachment.end() || !actions->is_array()) {
            continue;
        }
        for (auto& action : *actions) {
            if (action.is_object()) {
                out.push_back(&action);
            }
        }
    }
    return out;
}

json client_copy(json post, bool legacy_parent_id) {
    if (post.contains("props") && post["props"].is_object()) {
        for (json* action : actions_in(post["props"])) {
            action->erase("integration");
        }
    }
    if (legacy_parent_id) {
        post["parent_id"] = post.value("root_id", "");
    }
    return post;
}

} // namespace openfloor::testing::mm_detail
