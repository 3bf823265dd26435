// post_record: team-channel posts are the benchmark's unit of work; the rest is only counted.
#include "bench/fake/post_record.hpp"

#include "bench/support/slack_requests.hpp"

namespace openfloor::bench {

void post_record::record(std::string_view method, std::string_view channel, std::string_view text,
                         std::int64_t arrived_ns) {
    if (method != "chat.postMessage" || channel != team_channel) {
        ++other_calls_;
        return;
    }
    ++team_posts_;
    if (auto n = event_number_in(text)) {
        events_.push_back(*n);
        arrivals_ns_.push_back(arrived_ns);
    } else {
        ++unmarked_;
    }
}

} // namespace openfloor::bench
