// The three things bench_load measures, each printing one JSON object (see bench/RESULTS.md):
//   inbound: signed DM events at /slack/events for a fixed time: requests/s, ack latency, errors;
//            then, with a fake, the wait until every acked event was posted (the bot's backlog);
//   e2e:     N DM events -> N team-channel posts seen by the fake: posts/s, request-to-post
//   latency; ready:   the first answered request after start-up (a signed url_verification), timed
//   from the
//            moment the process was started.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <nlohmann/json.hpp>

#include "bench/load/options.hpp"

namespace openfloor::bench {

boost::asio::awaitable<nlohmann::json> inbound_load(load_options o);
boost::asio::awaitable<nlohmann::json> end_to_end(load_options o);
boost::asio::awaitable<nlohmann::json> wait_ready(load_options o);

} // namespace openfloor::bench
