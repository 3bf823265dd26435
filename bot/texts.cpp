// texts: picks the catalog of the configured locale and fills a template's named placeholders.
#include "bot/texts.hpp"

#include "bot/texts_catalog.hpp"

namespace openfloor::bot {
namespace {

void fill(std::array<std::string_view, text_id_count>& table, catalog entries) {
    for (const auto& [id, text] : entries) {
        const auto index = static_cast<std::size_t>(id);
        if (index < table.size() && !text.empty()) {
            table[index] = text;
        }
    }
}

} // namespace

catalog catalog_for(std::string_view locale) {
    if (locale == "en") {
        return english_catalog();
    }
    if (locale == "es") {
        return spanish_catalog();
    }
    if (locale == "sv") {
        return swedish_catalog();
    }
    return {};
}

texts::texts(std::string_view locale) {
    fill(table_, english_catalog());
    if (locale != "en") {
        fill(table_, catalog_for(locale));
    }
}

std::string texts::say(text_id id, text_args args) const {
    const auto index = static_cast<std::size_t>(id);
    const std::string_view tpl = index < table_.size() ? table_[index] : std::string_view();
    std::string out;
    out.reserve(tpl.size() + 32);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '{') {
            const auto close = tpl.find('}', i);
            if (close != std::string_view::npos) {
                const auto name = tpl.substr(i + 1, close - i - 1);
                bool found = false;
                for (const auto& [key, value] : args) {
                    if (key == name) {
                        out += value;
                        found = true;
                        break;
                    }
                }
                if (found) {
                    i = close;
                    continue;
                }
            }
        }
        out += tpl[i];
    }
    return out;
}

} // namespace openfloor::bot
