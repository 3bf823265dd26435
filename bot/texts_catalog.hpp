// The catalogs behind bot::texts: one table of (id, template) per language, each in its own
// file. texts picks one by locale; the catalog test reads them whole to find gaps.
#pragma once

#include "bot/texts.hpp"

#include <span>
#include <string_view>

namespace openfloor::bot {

struct catalog_entry {
    text_id id;
    std::string_view text;
};

using catalog = std::span<const catalog_entry>;

catalog english_catalog(); // texts_en.cpp: the reference every other catalog must match
catalog spanish_catalog(); // texts_es.cpp
catalog swedish_catalog(); // texts_sv.cpp

// The catalog of a locale ("en", "es", "sv"), or an empty one for a locale we do not have.
catalog catalog_for(std::string_view locale);

} // namespace openfloor::bot
