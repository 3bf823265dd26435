// The "digest" block: when the weekly digest goes out. Channels opt in one by one with
// channels[].digest, so the block alone posts nothing (and a note says so).
#include "config/enum_names.hpp"
#include "config/sections.hpp"
#include "config/time_of_day.hpp"

#include <algorithm>

namespace openfloor::config::detail {

void read_digest(object_reader& root, settings& out) {
    object_reader r = root.child("digest");
    r.enumeration("day", out.digest.day, weekday_names);
    if (auto text = r.string("time")) {
        if (auto t = parse_time_of_day(*text)) {
            out.digest.time = *t;
        } else {
            r.report("time",
                     "must be a 24-hour time of day HH:MM, 00:00 to 23:59, got " + quote(*text));
        }
    }
    if (auto text = r.string("utc_offset")) {
        if (auto offset = parse_utc_offset(*text)) {
            out.digest.utc_offset = *offset;
        } else {
            r.report("utc_offset",
                     "must be +HH:MM or -HH:MM, -12:00 to +14:00, got " + quote(*text));
        }
    }
    r.finish();
    const bool any_channel = std::any_of(out.channels.begin(), out.channels.end(),
                                         [](const channel_settings& c) { return c.digest; });
    if (r.present() && !any_channel) {
        root.ctx().note("digest: no channel has \"digest\": true, so no digest is posted");
    }
}

} // namespace openfloor::config::detail
