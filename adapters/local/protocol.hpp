// The demo platform's fixed cast and places, and the paths of its endpoints. app/ builds the
// demo config from the same constants, so the core, the adapter and the page agree on every id.
#pragma once

#include "bot/ids.hpp"

#include <array>
#include <string_view>

namespace openfloor::local {

// The core knows two platforms. The demo borrows Mattermost's slot: like Mattermost it has
// buttons and threads but no menus. The demo config has no mattermost block, so nothing ever
// talks to a real Mattermost.
inline constexpr bot::platform demo_platform = bot::platform::mattermost;
inline constexpr std::string_view workspace = "demo";

inline constexpr std::string_view team_channel_key = "team";
inline constexpr std::string_view team_channel = "C0DEMOTEAM";
inline constexpr std::string_view moderators_channel = "C0DEMOMODS";

// One person the page plays. `home` is the conversation their pane shows and writes into.
struct person {
    std::string_view role; // what the page calls them: "employee", "teammate", "moderator"
    std::string_view user_id;
    std::string_view name;
    std::string_view dm; // their direct conversation with the bot (the core's private route)
    std::string_view home;
};

inline constexpr std::array<person, 3> cast{{
    {"employee", "U0DEMOERIN", "Erin", "D0DEMOERIN", "D0DEMOERIN"},
    {"teammate", "U0DEMOTHEO", "Theo", "D0DEMOTHEO", team_channel},
    {"moderator", "U0DEMOMONA", "Mona", "D0DEMOMONA", moderators_channel},
}};
inline constexpr std::string_view moderator_user_id = "U0DEMOMONA";

// The person a page request names, or nullptr.
const person* find_person(std::string_view role);

// What the page asks for. Every POST takes and gives JSON.
namespace route {
inline constexpr std::string_view page = "/";
inline constexpr std::string_view state = "/demo/state";     // GET: every pane, with a version
inline constexpr std::string_view message = "/demo/message"; // a person writes in their pane
inline constexpr std::string_view click = "/demo/click";     // a person clicks a bot's button
inline constexpr std::string_view command = "/demo/command"; // a person types /openfloor …
inline constexpr std::string_view form = "/demo/form";       // a person submits an open form
inline constexpr std::string_view review = "/demo/review";   // the moderators' review switch
} // namespace route

} // namespace openfloor::local
