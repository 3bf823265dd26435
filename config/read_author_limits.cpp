// What shapes an author's experience: privacy notices, rate and size limits, the posting delay
// and how long a draft waits for confirmation.
#include "config/enum_names.hpp"
#include "config/sections.hpp"

namespace openfloor::config::detail {
namespace {

constexpr std::int64_t max_delay_seconds = 86'400;

// "delay_seconds": [min, max], a random delay that keeps post time from naming the author.
void read_delay(object_reader& posting, posting_settings& out) {
    const json* v = posting.get("delay_seconds");
    if (v == nullptr) {
        return;
    }
    context& ctx = posting.ctx();
    const std::string path = posting.path_of("delay_seconds");
    if (!v->is_array()) {
        ctx.problem(path, "expected an array of two integers [min, max], got " + describe(*v));
        return;
    }
    if (v->size() != 2) {
        ctx.problem(path,
                    "needs exactly two integers [min, max], got " + std::to_string(v->size()));
        return;
    }
    const auto low = read_integer(ctx, (*v)[0], index_path(path, 0), 0, max_delay_seconds);
    const auto high = read_integer(ctx, (*v)[1], index_path(path, 1), 0, max_delay_seconds);
    if (!low || !high) {
        return;
    }
    if (*low > *high) {
        ctx.problem(path, "min " + std::to_string(*low) + " is greater than max " +
                              std::to_string(*high));
        return;
    }
    out.delay_min = std::chrono::seconds{*low};
    out.delay_max = std::chrono::seconds{*high};
}

} // namespace

void read_author_limits(object_reader& root, settings& out) {
    object_reader privacy = root.child("privacy");
    privacy.enumeration("notices", out.notices, notices_names);
    privacy.finish();
    if (out.notices == notices_mode::home && out.mattermost) {
        root.ctx().note("privacy.notices: Mattermost has no App Home; notices there stay DMs");
    }

    object_reader limits = root.child("limits");
    if (auto n = limits.integer("posts_per_hour", 1, int_max)) {
        out.limits.posts_per_hour = static_cast<int>(*n);
    }
    if (auto n = limits.integer("max_chars", 1, 40'000)) {
        out.limits.max_chars = static_cast<int>(*n);
    }
    limits.finish();

    object_reader posting = root.child("posting");
    read_delay(posting, out.posting);
    posting.finish();

    object_reader drafts = root.child("drafts");
    if (auto n = drafts.integer("ttl_minutes", 1, 1440)) {
        out.draft_ttl = std::chrono::minutes{*n};
    }
    drafts.finish();
}

} // namespace openfloor::config::detail
