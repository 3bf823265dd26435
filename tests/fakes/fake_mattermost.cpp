// fake_mattermost: construction, ids and time, people and channels, recording and faults. The
// REST answers, the post store, the websocket and what Mattermost POSTs to the bot live in the
// fake_mattermost_*.cpp beside it (platforms.md PART B).
#include "tests/fakes/fake_mattermost.hpp"

#include "tests/fakes/fake_mattermost_detail.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace openfloor::testing {
namespace {

using json = nlohmann::json;
using namespace mm_detail;

bool path_matches(const std::string& pattern, const std::string& path, bool exact) {
    const std::string rel = relative(path);
    if (exact) {
        return path == pattern || rel == pattern;
    }
    return path.starts_with(pattern) || rel.starts_with(pattern);
}

bool method_matches(const std::string& pattern, const std::string& method) {
    return pattern == "*" || pattern == method;
}

} // namespace

// ---------------------------------------------------------------- construction, ids, time

fake_mattermost::fake_mattermost(asio::io_context& ioc, asio::ssl::context* tls)
    : ioc_(ioc)
    , server_(
          ioc, [this](const fake_request& req) { return answer(req); },
          [this](std::shared_ptr<fake_socket> s) { on_socket(std::move(s)); }, tls) {
    server_.set_upgrade_check([this](const fake_request& req) { return check_upgrade(req); });
    users_[bot_user_id] = bot_username;
    users_[alice_id] = "alice";
}

// The destructor, which unhooks the sockets, lives in fake_mattermost_socket.cpp beside ws_client.

std::string fake_mattermost::new_id() {
    // model.NewId: 16 random bytes in base32 with this alphabet, cut to 26 characters. Ours are
    // pseudo-random from a fixed seed (splitmix64), so runs repeat.
    static constexpr std::string_view alphabet = "ybndrfg8ejkmcpqxot1uwisza345h769";
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t half = 0; half < 2; ++half) {
        std::uint64_t z = (id_state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        z ^= z >> 31U;
        for (std::size_t i = 0; i < 8; ++i) {
            bytes[half * 8 + i] = static_cast<std::uint8_t>(z >> (8U * i));
        }
    }
    std::string out;
    std::uint32_t bits = 0;
    unsigned count = 0;
    for (std::uint8_t b : bytes) {
        bits = ((bits << 8U) | b) & 0xFFFFU;
        count += 8;
        while (count >= 5) {
            count -= 5;
            out.push_back(alphabet[(bits >> count) & 31U]);
        }
    }
    out.push_back(alphabet[(bits << (5U - count)) & 31U]); // 128 bits: 25 full, 1 partial
    return out;
}

std::int64_t fake_mattermost::now_ms() {
    const auto wall = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch() + clock_skew)
                          .count();
    last_ms_ = std::max<std::int64_t>(last_ms_ + 1, wall);
    return last_ms_;
}

bool fake_mattermost::is_valid_id(const std::string& id) {
    return id.size() == 26 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
               return std::islower(c) || std::isdigit(c);
           });
}

// ---------------------------------------------------------------- people and channels

void fake_mattermost::add_user(const std::string& id, const std::string& username) {
    users_[id] = username;
}

std::string fake_mattermost::add_user(const std::string& username) {
    std::string id = new_id();
    users_[id] = username;
    return id;
}

std::string fake_mattermost::username_of(const std::string& user_id) const {
    auto it = users_.find(user_id);
    return it != users_.end() ? it->second : "user-" + user_id.substr(0, 6);
}

void fake_mattermost::add_channel(mm_channel c) {
    const std::string id = c.id;
    channels_[id] = std::move(c);
}

mm_channel fake_mattermost::channel(const std::string& channel_id) const {
    auto it = channels_.find(channel_id);
    if (it != channels_.end()) {
        return it->second;
    }
    return mm_channel{channel_id, "O", channel_id, channel_id, team_id};
}

std::string fake_mattermost::dm_channel_of(const std::string& user_id) const {
    const std::string name = std::min(user_id, bot_user_id) + "__" + std::max(user_id, bot_user_id);
    for (const auto& [id, c] : channels_) {
        if (c.type == "D" && c.name == name) {
            return id;
        }
    }
    return {};
}

std::string fake_mattermost::open_dm(const std::string& user_id) {
    if (std::string existing = dm_channel_of(user_id); !existing.empty()) {
        return existing;
    }
    mm_channel c;
    c.id = new_id();
    c.type = "D";
    c.name = std::min(user_id, bot_user_id) + "__" + std::max(user_id, bot_user_id);
    add_channel(c);
    return c.id;
}

json fake_mattermost::user_json(const std::string& id) const {
    const bool bot = id == bot_user_id;
    const std::string name = username_of(id);
    return {{"id", id},
            {"create_at", 1700000000000},
            {"update_at", 1700000000000},
            {"delete_at", 0},
            {"username", name},
            {"auth_data", ""},
            {"auth_service", ""},
            {"email", name + "@example.com"},
            {"nickname", ""},
            {"first_name", ""},
            {"last_name", ""},
            {"position", ""},
            {"roles", "system_user"},
            {"locale", "en"},
            {"timezone",
             {{"automaticTimezone", ""}, {"manualTimezone", ""}, {"useAutomaticTimezone", "true"}}},
            {"is_bot", bot},
            {"bot_description", bot ? "Anonymous posts" : ""},
            {"disable_welcome_email", false}};
}

json fake_mattermost::channel_json(const mm_channel& c) const {
    return {{"id", c.id},
            {"create_at", 1700000000000},
            {"update_at", 1700000000000},
            {"delete_at", 0},
            {"team_id", c.team_id},
            {"type", c.type},
            {"display_name", c.display_name},
            {"name", c.name},
            {"header", ""},
            {"purpose", ""},
            {"last_post_at", 0},
            {"total_msg_count", 0},
            {"extra_update_at", 0},
            {"creator_id", ""}};
}

// ---------------------------------------------------------------- recording and faults

std::vector<mm_call> fake_mattermost::calls_to(const std::string& method,
                                               const std::string& path_prefix) const {
    std::vector<mm_call> out;
    for (const auto& c : calls) {
        if (method_matches(method, c.method) && path_matches(path_prefix, c.path, false)) {
            out.push_back(c);
        }
    }
    return out;
}

void fake_mattermost::inject(const std::string& method, const std::string& path_prefix,
                             fake_reply reply, int times) {
    faults_.push_back(fault{method, path_prefix, false, std::move(reply), times});
}

void fake_mattermost::inject_exact(const std::string& method, const std::string& path,
                                   fake_reply reply, int times) {
    faults_.push_back(fault{method, path, true, std::move(reply), times});
}

std::optional<fake_reply> fake_mattermost::take_fault(const std::string& method,
                                                      const std::string& path) {
    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
        if (it->left > 0 && method_matches(it->method, method) &&
            path_matches(it->path, path, it->exact)) {
            fake_reply reply = it->reply;
            if (--it->left == 0) {
                faults_.erase(it);
            }
            return reply;
        }
    }
    return std::nullopt;
}

fake_reply fake_mattermost::rate_limited(int retry_after_seconds) {
    fake_reply r;
    r.status = 429;
    r.body = "limit exceeded";
    r.content_type = "text/plain; charset=utf-8";
    const std::string seconds = std::to_string(retry_after_seconds);
    r.headers = {{"X-Ratelimit-Limit", "100"},
                 {"X-Ratelimit-Remaining", "0"},
                 {"X-Ratelimit-Reset", seconds},
                 {"Retry-After", seconds}};
    return r;
}

fake_reply fake_mattermost::server_error(unsigned status) {
    if (status == 500) {
        return app_error(500, "app.internal_error", "We encountered an internal error.");
    }
    fake_reply r;
    r.status = status;
    r.content_type = "text/html";
    r.body = "<html>\r\n<head><title>" + std::to_string(status) +
             " Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>" +
             std::to_string(status) +
             "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
             "</html>\r\n";
    return r;
}

fake_reply fake_mattermost::app_error(unsigned status, const std::string& id,
                                      const std::string& message) {
    return json_reply(status, {{"id", id},
                               {"message", message.empty() ? id : message},
                               {"detailed_error", ""},
                               {"request_id", "fakerequestid00000000000000"},
                               {"status_code", status}});
}

fake_reply fake_mattermost::reset() {
    fake_reply r;
    r.reset = true;
    return r;
}

fake_reply fake_mattermost::stall(std::chrono::milliseconds d) {
    fake_reply r;
    r.delay = d;
    return r;
}

mm_call fake_mattermost::record(const fake_request& req) {
    mm_call call;
    call.method = req.method;
    call.target = req.target;
    call.path = req.path;
    call.authorization = req.header("authorization");
    call.body = req.body.empty() ? json(nullptr) : json::parse(req.body, nullptr, false);
    if (call.body.is_discarded()) {
        call.body = nullptr;
    }
    calls.push_back(call);
    return call;
}

} // namespace openfloor::testing
