// Every key the config loader reads, with its type and default, in the form of the README's
// "Configuration reference". Tests hold the three together: the README's table, this list, and
// the keys the readers actually ask for (loaded::keys_asked).
#pragma once

#include "config/settings.hpp"

#include <string>
#include <vector>

namespace openfloor::config {

struct key_doc {
    std::string path;  // "server.listen", "channels[].key", "categories.<name>.label"
    std::string type;  // "integer", "string or null", "socket or http", …
    std::string value; // JSON text ("127.0.0.1:8080" quoted, null, [0, 0]) or words ("required")
};

// The documented defaults, in the README's order.
std::vector<key_doc> key_reference();

// The same keys with the values `s` holds (of its first channel and first category), written the
// same way: a loaded config that leaves a key out must show that key's default here.
std::vector<key_doc> key_reference(const settings& s);

} // namespace openfloor::config
