// The readers of the top-level blocks. Each takes the root object's reader, so asking for its
// block marks the key as known, and fills its part of the settings, reporting every problem.
#pragma once

#include "config/object_reader.hpp"
#include "config/settings.hpp"

#include <cstdint>
#include <limits>

namespace openfloor::config::detail {

// The largest value of fields with no stated upper bound: it still fits every int we store in.
inline constexpr std::int64_t int_max = std::numeric_limits<int>::max();

void read_server(object_reader& root, server_settings& out);
void read_storage(object_reader& root, storage_settings& out);
void read_identity(object_reader& root, identity_settings& out);
void read_outbound(object_reader& root, outbound_settings& out);
void read_log_and_locale(object_reader& root, settings& out);

void read_slack(object_reader& root, settings& out);
void read_mattermost(object_reader& root, settings& out);

void read_categories(object_reader& root, settings& out);
void read_moderation(object_reader& root, settings& out);
void read_author_limits(object_reader& root, settings& out); // privacy, limits, posting, drafts

// Needs the platforms, categories and moderation read first: channels refer to all three.
void read_channels(object_reader& root, settings& out);
// After the channels: it notes a schedule that no channel uses.
void read_digest(object_reader& root, settings& out);

} // namespace openfloor::config::detail
