// `help`: what the bot does, with the channels and categories this workspace has.
#include "bot/use_cases.hpp"

namespace openfloor::bot {

result<void> show_help(use_case& w) {
    std::string channels;
    std::string categories;
    const auto where = w.who().user.where;
    for (const auto& c : w.settings.channels) {
        if (c.platform == where) {
            channels += (channels.empty() ? "#" : ", #") + c.key;
        }
    }
    for (const auto& c : w.settings.categories) {
        categories += (categories.empty() ? "" : ", ") +
                      (c.keywords.empty() ? c.name : c.keywords.front()) + ":";
    }
    return w.answer(w.say.say(text_id::help, {{"channels", channels}, {"categories", categories}}));
}

} // namespace openfloor::bot
