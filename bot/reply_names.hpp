// The made-up names teammates answer under (product.md §3): an adjective and an animal or a
// piece of nature, picked by a keyed hash, so nothing about them needs to be stored.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace openfloor::bot {

// "amber otter" for a keyed hash of 16 or more hex digits. The same hash gives the same words.
std::string reply_name_words(std::string_view hash_hex);

// How many different word pairs there are: with two lists of about 64, two people answering one
// post meet the same name about once in four thousand.
std::size_t reply_name_count();

} // namespace openfloor::bot
