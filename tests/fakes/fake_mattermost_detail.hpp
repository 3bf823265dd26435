// fake_mattermost_detail: helpers the fake Mattermost's sources share (JSON fields, queries,
// tokens, replies, buttons). Private to tests/fakes/fake_mattermost*.cpp.
#pragma once

#include "tests/fakes/fake_server.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::testing::mm_detail {

inline constexpr std::string_view api_prefix = "/api/v4";

std::string string_field(const nlohmann::json& j, const char* key); // "" unless a string
std::int64_t int_field(const nlohmann::json& j, const char* key);   // 0 unless an integer
std::optional<std::int64_t> parse_int(std::string_view text);       // all of it, or nullopt
std::map<std::string, std::string> parse_query(const std::string& target);
// Accepts "Bearer <t>" and "Token <t>", either case, as ParseAuthTokenFromRequest does (§B1).
std::string token_of(const std::string& authorization);
std::string relative(const std::string& path); // the path after /api/v4 (unchanged without it)
fake_reply json_reply(unsigned status, const nlohmann::json& body);
// Every props.attachments[].actions[] object, mutable.
std::vector<nlohmann::json*> actions_in(nlohmann::json& props);
// What clients see of a post: integrations (url and context) stay on the server (§B5).
nlohmann::json client_copy(nlohmann::json post, bool legacy_parent_id);

} // namespace openfloor::testing::mm_detail
