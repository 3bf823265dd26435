// The fixture of the hostile-HTTP tests: the real binary in Slack HTTP mode with a short request
// deadline, started under a given descriptor limit; signed Slack requests as raw bytes; a steady,
// measured stream of real signed DM events; and what the fake Slack was asked to post.
#pragma once

#include "tests/process/hostile_clients.hpp"
#include "tests/process/process_fixture.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace openfloor::testing {

inline constexpr const char* hostile_signing_secret = "hostile-test-signing-secret";
inline constexpr std::chrono::milliseconds hostile_request_timeout{2000}; // request_timeout_ms
inline constexpr std::size_t hostile_max_body_bytes = 1'048'576; // the default max_body_bytes

// Unix seconds now (plus `offset`), as X-Slack-Request-Timestamp carries them.
std::string unix_now(std::chrono::seconds offset = std::chrono::seconds(0));

// The raw bytes of a POST to /slack/events, signed with `secret` at `ts` (no signature headers
// when `secret` is empty).
std::string events_post(const std::string& body, const std::string& secret, const std::string& ts);
std::string events_post(const std::string& body); // signed properly, now

// What the real requests of one run came to.
struct stream_stats {
    std::size_t sent = 0;
    std::size_t served = 0; // acknowledged with 200
    double p50_ms = 0;
    double p99_ms = 0;
};

class hostile_fixture : public process_fixture {
protected:
    void write_hostile_config();
    // Starts the binary with its soft RLIMIT_NOFILE lowered to `soft` (the hard one as ours).
    void start_with_soft_limit(rlim_t soft);
    // Starts the binary with both limits at `limit`, through prlimit(1).
    void start_with_hard_limit(rlim_t limit);

    // A DM event's JSON from `user` (U0X…) in its DM channel (D0X…), with event id EvHostile<n>.
    std::string dm_body(const std::string& user, const std::string& text, int n) const;

    // Sends a real signed DM every `interval` for `length`, without waiting for earlier answers,
    // and runs the io_context until each is answered and `also_done` holds (or `deadline`).
    // `first` numbers the requests ("real request <first + i>").
    stream_stats stream_real_requests(std::chrono::milliseconds length,
                                      std::chrono::milliseconds interval, int first,
                                      const std::function<bool()>& also_done,
                                      std::chrono::milliseconds deadline);

    // chat.postMessage calls into `channel` whose body mentions `needle`.
    std::size_t posts_mentioning(const std::string& channel, const std::string& needle) const;
    // GET /healthz answers 200.
    bool healthy();
    // Samples the bot's open descriptors every 100 ms into peak_descriptors_ until
    // sampling_stopped_ is set.
    void start_sampling();

    std::size_t peak_descriptors_ = 0;
    bool sampling_stopped_ = true;

private:
    void start_binary(const std::string& binary, const std::vector<std::string>& args);
    transport::client_request real_request(int n) const;
};

} // namespace openfloor::testing
