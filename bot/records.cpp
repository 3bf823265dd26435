// The stored names of post_state and job_kind. They are written into the database, so a name
// never changes once released; add new ones at the end.
#include "bot/records.hpp"

#include <array>
#include <utility>

namespace openfloor::bot {
namespace {

constexpr std::array<std::pair<post_state, std::string_view>, 5> post_states{{
    {post_state::queued, "queued"},
    {post_state::posted, "posted"},
    {post_state::rejected, "rejected"},
    {post_state::deleted, "deleted"},
    {post_state::failed, "failed"},
}};

constexpr std::array<std::pair<job_kind, std::string_view>, 11> job_kinds{{
    {job_kind::channel_post, "channel_post"},
    {job_kind::queue_item, "queue_item"},
    {job_kind::thread_post, "thread_post"},
    {job_kind::direct_message, "direct_message"},
    {job_kind::update_post, "update_post"},
    {job_kind::update_queue_item, "update_queue_item"},
    {job_kind::delete_post, "delete_post"},
    {job_kind::moderators_notice, "moderators_notice"},
    {job_kind::channel_notice, "channel_notice"},
    {job_kind::ephemeral, "ephemeral"},
    {job_kind::home_view, "home_view"},
}};

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
    for (const auto& [value, name] : table) {
        if (value == e) {
            return name;
        }
    }
    return "unknown"; // only an out-of-range cast gets here
}

template <class Enum, std::size_t N>
bool parse_name(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view s,
                Enum& out) {
    for (const auto& [value, name] : table) {
        if (name == s) {
            out = value;
            return true;
        }
    }
    return false;
}

} // namespace

std::string_view to_string(post_state s) {
    return name_of(post_states, s);
}
bool parse_post_state(std::string_view s, post_state& out) {
    return parse_name(post_states, s, out);
}

std::string_view to_string(job_kind k) {
    return name_of(job_kinds, k);
}
bool parse_job_kind(std::string_view s, job_kind& out) {
    return parse_name(job_kinds, s, out);
}

} // namespace openfloor::bot
