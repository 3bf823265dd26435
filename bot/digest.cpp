// The weekly digest: the schedule's arithmetic, the post's text, and core::post_due_digests,
// which queues each due channel's digest and records its week in one transaction, so that a
// restart (or kill -9) at any point sends a week once or not at all, never twice.
#include "bot/digest.hpp"

#include "bot/core.hpp"
#include "bot/log.hpp"
#include "bot/use_case.hpp"

#include <algorithm>

namespace openfloor::bot {
namespace {

// After a failing database, look again this soon (the week's late limit still applies).
constexpr auto retry_after_failure = std::chrono::minutes(1);

// Where a category sits in the configured order; categories no longer configured go last.
std::size_t rank(const config::settings& settings, const std::string& category) {
    const auto& all = settings.categories;
    const auto it = std::find_if(all.begin(), all.end(), [&](const config::category_settings& c) {
        return c.name == category;
    });
    return static_cast<std::size_t>(it - all.begin());
}

} // namespace

time_point last_week_end(const config::digest_settings& schedule, time_point now) {
    const auto local = now + schedule.utc_offset;
    const auto today = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::days since_day = std::chrono::weekday(today) - schedule.day; // 0 to 6
    auto end = today - since_day + schedule.time;
    if (end > local) {
        end -= digest_week; // this week's has not come yet
    }
    return end - schedule.utc_offset;
}

std::string digest_text(const texts& say, const config::settings& settings,
                        std::vector<category_tally> tallies) {
    std::stable_sort(tallies.begin(), tallies.end(),
                     [&](const category_tally& a, const category_tally& b) {
                         return rank(settings, a.category) < rank(settings, b.category);
                     });
    std::string lines;
    for (const category_tally& t : tallies) {
        if (t.posts == 0) {
            continue;
        }
        const auto* category = settings.find_category(t.category);
        lines += "\n" + say.say(text_id::digest_line,
                                {{"category", category ? category->label : t.category},
                                 {"count", std::to_string(t.posts)},
                                 {"replied", std::to_string(t.replied)}});
    }
    if (lines.empty()) {
        return say.say(text_id::digest_quiet);
    }
    return say.say(text_id::digest_heading) + lines + "\n" + say.say(text_id::digest_closing);
}

digest_round core::post_due_digests() {
    const time_point now = clock_.now();
    const time_point week_end = last_week_end(settings_->digest, now);
    digest_round round;
    round.next_check = week_end + digest_week;
    if (now - week_end >= digest_late_limit) {
        return round;
    }
    for (const config::channel_settings& channel : settings_->channels) {
        if (!channel.digest) {
            continue;
        }
        const auto queued = queue_digest(channel, week_end);
        if (!queued) {
            log::error("digest.failed",
                       {{"channel", channel.key}, {"error", queued.error().message()}});
            round.next_check = std::min(round.next_check, now + retry_after_failure);
        } else if (*queued) {
            ++round.queued;
        }
    }
    return round;
}

// false: this channel already had the digest of this week (or of a week ending less than a
// week ago, when the schedule moved since).
result<bool> core::queue_digest(const config::channel_settings& channel, time_point week_end) {
    OPENFLOOR_TRY(auto tx, db_.begin());
    use_case w(*settings_, db_, id_, clock_, random_, texts_, nullptr, surface::ephemeral);
    OPENFLOOR_TRY(auto last, db_.digests().last_week(channel.platform, channel.channel_id));
    if (last && week_end < *last + digest_week) {
        return false;
    }
    OPENFLOOR_TRY(auto tallies, db_.digests().tally(channel.platform, channel.channel_id,
                                                    week_end - digest_week, week_end));
    int posts = 0;
    for (const category_tally& t : tallies) {
        posts += t.posts;
    }
    message m;
    m.kind = message_kind::notice;
    m.text = digest_text(texts_, *settings_, std::move(tallies));
    OPENFLOOR_CHECK(
        w.enqueue(channel.platform, job_kind::channel_notice, std::nullopt, channel.channel_id, m));
    OPENFLOOR_CHECK(db_.digests().record_week(channel.platform, channel.channel_id, week_end));
    OPENFLOOR_CHECK(tx->commit());
    log::info("digest.queued", {{"platform", std::string(config::to_string(channel.platform))},
                                {"channel", channel.key},
                                {"posts", posts},
                                {"week_end", format_time(week_end)}});
    return true;
}

} // namespace openfloor::bot
