// Look-ups over the settings structs and the documented default categories.
#include "config/settings.hpp"

#include <algorithm>

namespace openfloor::config {

std::string_view to_string(platform p) {
    return p == platform::slack ? "slack" : "mattermost";
}

const category_settings* settings::find_category(std::string_view name) const {
    auto it = std::find_if(categories.begin(), categories.end(),
                           [&](const category_settings& c) { return c.name == name; });
    return it == categories.end() ? nullptr : &*it;
}

const channel_settings* settings::find_channel(std::string_view key) const {
    auto it = std::find_if(channels.begin(), channels.end(),
                           [&](const channel_settings& c) { return c.key == key; });
    return it == channels.end() ? nullptr : &*it;
}

const channel_settings* settings::default_channel(platform p) const {
    auto it = std::find_if(channels.begin(), channels.end(),
                           [&](const channel_settings& c) { return c.platform == p; });
    return it == channels.end() ? nullptr : &*it;
}

std::vector<category_settings> default_categories() {
    return {
        {"mistake", "I noticed a mistake", {"mistake", "error"}},
        {"question", "I have a question", {"question", "q"}},
    };
}

} // namespace openfloor::config
