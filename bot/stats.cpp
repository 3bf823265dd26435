// `stats [days]` for moderators: counts per channel and category, outcomes, and the median
// time from a post to its first reply. Counts only; it never names anyone.
#include "bot/use_cases.hpp"

#include <algorithm>
#include <map>

namespace openfloor::bot {

result<void> show_stats(use_case& w, const stats_command& cmd) {
    if (!w.is_moderator()) {
        return w.answer(w.say.say(text_id::not_moderator,
                                  {{"command", w.say.say(text_id::command_see_stats)}}));
    }
    const auto since = w.now - std::chrono::hours(24) * cmd.days;
    OPENFLOOR_TRY(auto posts, w.db.posts().summaries(w.who().user.where, since));
    OPENFLOOR_TRY(auto audit, w.db.audit().since(since));

    std::map<std::pair<std::string, std::string>, int> per_channel;
    std::map<post_state, int> per_state;
    std::vector<double> reply_minutes;
    for (const auto& p : posts) {
        ++per_channel[{p.channel_key, p.category}];
        ++per_state[p.state];
        if (p.first_reply_at) {
            const auto start = p.posted_at.value_or(p.created_at);
            reply_minutes.push_back(
                std::chrono::duration<double, std::ratio<60>>(*p.first_reply_at - start).count());
        }
    }
    std::map<std::string, int> actions; // audit actions of this platform: approve, flag, …
    for (const auto& a : audit) {
        if (a.where == w.who().user.where) {
            ++actions[a.action];
        }
    }
    const int approved = actions["approve"];

    std::string text = w.say.say(text_id::stats_heading, {{"days", std::to_string(cmd.days)}});
    for (const auto& [key, count] : per_channel) {
        const auto* cat = w.settings.find_category(key.second);
        text += "\n" + w.say.say(text_id::stats_line, {{"channel", key.first},
                                                       {"category", cat ? cat->label : key.second},
                                                       {"count", std::to_string(count)}});
    }
    text += "\n" + w.say.say(text_id::stats_totals,
                             {{"posts", std::to_string(posts.size())},
                              {"approved", std::to_string(approved)},
                              {"rejected", std::to_string(per_state[post_state::rejected])},
                              {"deleted", std::to_string(per_state[post_state::deleted])},
                              {"failed", std::to_string(per_state[post_state::failed])}});
    text += "\n" + w.say.say(text_id::stats_flags,
                             {{"flags", std::to_string(actions["flag"])},
                              {"hidden", std::to_string(actions["hide"])},
                              {"restored", std::to_string(actions["restore"])},
                              {"locked", std::to_string(actions["lock"])}});
    if (reply_minutes.empty()) {
        text += "\n" + w.say.say(text_id::stats_no_reply_time);
    } else {
        std::sort(reply_minutes.begin(), reply_minutes.end());
        const auto mid = reply_minutes.size() / 2;
        const double median = reply_minutes.size() % 2 == 1
                                  ? reply_minutes[mid]
                                  : (reply_minutes[mid - 1] + reply_minutes[mid]) / 2.0;
        text += "\n" + w.say.say(text_id::stats_reply_time,
                                 {{"minutes", std::to_string(static_cast<long long>(median + 0.5))}});
    }
    return w.answer(std::move(text));
}

} // namespace openfloor::bot
