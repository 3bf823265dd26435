// SIGHUP (product.md §6): which settings a running bot takes over from a freshly loaded config,
// and which only a restart can change (they shaped sockets, keys or the database at start).
#pragma once

#include "config/settings.hpp"

#include <string>
#include <vector>

namespace openfloor::config {

struct reload_report {
    // Sections whose new values now apply: channels, categories, moderation, limits, posting,
    // drafts, the digest's schedule, retention and the outbox's attempts and pacing.
    std::vector<std::string> applied;
    // Sections that differ in the new file but keep their old values until a restart.
    std::vector<std::string> need_restart;
};

// Copies the reloadable sections of `fresh` (already validated) into `live`, in place, so every
// reference to `live` held by the running bot sees them.
reload_report apply_reload(settings& live, const settings& fresh);

} // namespace openfloor::config
